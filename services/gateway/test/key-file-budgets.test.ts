import { afterEach, describe, expect, it } from '@jest/globals';
import { RagfleetError } from '@ragfleet/errors';
import { RouterClient } from '@ragfleet/grpc';
import { createLogger } from '@ragfleet/telemetry';
import { freePort, waitFor } from '@ragfleet/testing';
import { hashApiKey } from '../src/auth/api-keys.ts';
import { applyKeyFileBudgets, keyFileBudgets } from '../src/auth/key-file-budgets.ts';
import { parseKeyFile } from '../src/auth/key-file.ts';
import { FakeRouter } from './support/fake-router.ts';

/**
 * The key file's `budget:` entries become the router's key budgets at start, over real gRPC, in
 * the background: set when the router comes up after the gateway, with one warning meanwhile.
 */
const records = parseKeyFile(
  JSON.stringify({
    keys: [
      { id: 'ci', hash: hashApiKey('rf_ci'), tenant: 'acme', budget: { day_usd: 5, month_usd: 100 } },
      { id: 'bot', hash: hashApiKey('rf_bot'), tenant: 'beta', budget: { month_usd: 20 } },
      { id: 'free', hash: hashApiKey('rf_free'), tenant: 'acme' },
    ],
  }),
  'keys.json',
);

function capturedLogger() {
  const lines: Array<{ level: string; msg: string }> = [];
  const logger = createLogger('gateway', 'info', {
    write: (line: string) => lines.push(JSON.parse(line) as { level: string; msg: string }),
  });
  return { logger, lines };
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("the key file's budgets", () => {
  it('are one SetBudget per key and period named, key-scoped in the key’s tenant', () => {
    expect(keyFileBudgets(records)).toEqual([
      { scope: { tenant: 'acme', kind: 'key', id: 'ci' }, period: 'day', limitUsd: 5 },
      { scope: { tenant: 'acme', kind: 'key', id: 'ci' }, period: 'month', limitUsd: 100 },
      { scope: { tenant: 'beta', kind: 'key', id: 'bot' }, period: 'month', limitUsd: 20 },
    ]);
  });

  it('are set once a router that starts after the gateway answers, with one warning meanwhile', async () => {
    const port = await freePort();
    const client = new RouterClient(`127.0.0.1:${port}`, { readyTimeoutMs: 100, defaultDeadlineMs: 300 });
    const router = new FakeRouter();
    const stop = new AbortController();
    cleanups.push(
      () => stop.abort(),
      () => client.close(),
      () => router.stop(),
    );
    const { logger, lines } = capturedLogger();
    const applied = applyKeyFileBudgets(keyFileBudgets(records), {
      router: client,
      logger,
      signal: stop.signal,
      retryMs: 50,
      maxRetryMs: 200,
    });
    await waitFor(() => lines.some((line) => line.level === 'warn'), 5_000);
    await new Promise((resolve) => setTimeout(resolve, 400)); // a few more failed rounds
    await router.start(port);
    expect(await applied).toBe(3);
    // In any order: a call that timed out while the router came up is tried again in the next round.
    const limits = [...router.limits.values()].map(
      (entry) => `${entry.scope.id}/${entry.period}=${entry.limitUsd}`,
    );
    expect(limits.sort()).toEqual(['bot/month=20', 'ci/day=5', 'ci/month=100']);
    expect(lines.filter((line) => line.level === 'warn')).toHaveLength(1);
    expect(lines.filter((line) => line.level === 'info').map((line) => line.msg)).toEqual([
      "the key file's budgets are set in the router",
    ]);
  });

  it('drop a budget the router refuses as invalid instead of retrying it for ever', async () => {
    const router = new FakeRouter();
    const client = new RouterClient(await router.start());
    cleanups.push(
      () => client.close(),
      () => router.stop(),
    );
    router.failNext = new RagfleetError('INVALID_ARGUMENT', 'scope.id: must not contain |');
    const { logger, lines } = capturedLogger();
    const set = await applyKeyFileBudgets(keyFileBudgets(records), {
      router: client,
      logger,
      signal: new AbortController().signal,
      retryMs: 10,
    });
    expect(set).toBe(2);
    expect(router.calls.filter((call) => call.method === 'SetBudget')).toHaveLength(3);
    expect(lines.filter((line) => line.level === 'error')).toHaveLength(1);
  });

  it('stop being retried at shutdown', async () => {
    const client = new RouterClient(`127.0.0.1:${await freePort()}`, {
      readyTimeoutMs: 50,
      defaultDeadlineMs: 100,
    });
    cleanups.push(() => client.close());
    const stop = new AbortController();
    const { logger } = capturedLogger();
    const applied = applyKeyFileBudgets(keyFileBudgets(records), {
      router: client,
      logger,
      signal: stop.signal,
      retryMs: 20,
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    stop.abort();
    expect(await applied).toBe(0);
  });
});
