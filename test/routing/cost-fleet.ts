import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { startFakeOllama, uniqueSuffix, type FakeOllama } from '@ragfleet/testing';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFleet, type Fleet } from '../../scripts/fleet-runner.ts';
import { RedisCommands } from '../../scripts/bench/session-redis.ts';
import { hashApiKey } from '../../services/gateway/src/auth/api-keys.ts';

/*
 * A whole fleet whose answers cost money: the fake Ollama (real NDJSON, reported usage) behind a
 * copy of the router's catalog in which llama3.2 has a price, budgets and the response cache on
 * the local Redis under prefixes of this run's own, generation.completed on the local NATS in a
 * namespace of its own (so the router's ledger fills), the embedded ledger in a temporary
 * DATA_DIR. Used by ledger-reconciles.test.ts and scripts/bench/routing-cost.ts.
 */

const REPO = join(import.meta.dirname, '../..');
/** Fractional micro-dollars per token, so that rounding to the micro-dollar is exercised. */
export const OLLAMA_PRICES = { inputPricePerMtok: 0.37, outputPricePerMtok: 1.93 };
const NATS_URL = process.env.NATS_URL || 'nats://127.0.0.1:4222';
const REDIS_URL = 'redis://127.0.0.1:6379';
const ADMIN_TOKEN_LENGTH = 24;

export interface CatalogModel {
  provider: string;
  model: string;
  inputPricePerMtok: number;
  outputPricePerMtok: number;
}

/** One ledger line (services/router/src/ledger/usage-ledger.ts), as the file keeps it. */
export interface LedgerLine {
  generationId: string;
  tenant: string;
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  cached: boolean;
}

/** What an answer's `done` (NDJSON) or the whole JSON answer says about its economics. */
export interface AnswerOutcome {
  status: number;
  provider?: string;
  model?: string;
  cached?: boolean;
  costUsd?: number;
  budgetFallback?: boolean;
  /** `budget` status events of a streamed answer. */
  budgetStatuses: number;
  errorCode?: string;
}

export interface BudgetView {
  period: string;
  limit_usd: number;
  spent_usd: number;
  reserved_usd: number;
  remaining_usd: number;
}

export interface UsageView {
  groups: Array<{
    key: string;
    generations: number;
    input_tokens: number;
    output_tokens: number;
    cost_usd: number;
  }>;
  total_cost_usd: number;
  generations: number;
}

export interface CostFleet {
  fleet: Fleet;
  ollama: FakeOllama;
  catalog: CatalogModel[];
  /** Tenants, one API key each (scopes * and admin), by name. */
  tenants: Record<string, { tenant: string; key: string }>;
  ask(tenantName: string, query: string, stream: boolean): Promise<AnswerOutcome>;
  setDayBudget(tenantName: string, limitUsd: number): Promise<void>;
  dayBudget(tenantName: string): Promise<BudgetView>;
  usage(tenantName: string): Promise<UsageView>;
  /** The router's embedded ledger, read from its file. */
  ledger(tenantName: string): LedgerLine[];
  logs: string[];
  stop(): Promise<void>;
}

/** USD as whole micro-dollars: what budgets, done and the ledger are all rounded to. */
export const micros = (usd: number): number => Math.round(usd * 1e6);

/** A ledger line's cost recomputed from its tokens at the catalog's prices (0 when cached). */
export function recomputedMicros(line: LedgerLine, catalog: CatalogModel[]): number {
  if (line.cached) return 0;
  const model = catalog.find((entry) => entry.provider === line.provider && entry.model === line.model);
  if (!model) throw new Error(`ledger names ${line.provider}/${line.model}, which the catalog does not have`);
  return Math.round(
    line.inputTokens * model.inputPricePerMtok + line.outputTokens * model.outputPricePerMtok,
  );
}

function pricedCatalog(): CatalogModel[] {
  const { models } = JSON.parse(readFileSync(join(REPO, 'services/router/catalog.json'), 'utf8')) as {
    models: CatalogModel[];
  };
  return models.map((model) => (model.provider === 'ollama' ? { ...model, ...OLLAMA_PRICES } : model));
}

/** The run's budgets, settled reservations (kept 7 days), cached answers and counts, off the shared Redis. */
async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = await RedisCommands.open(REDIS_URL);
  try {
    await redis.deleteUnder(prefix);
  } finally {
    redis.close();
  }
}

async function deleteStreams(namespace: string): Promise<void> {
  const connection = await connect({ servers: NATS_URL });
  try {
    const manager = await jetstreamManager(connection);
    const ours: string[] = [];
    for await (const name of manager.streams.names())
      if (name.startsWith('RAGFLEET_') && name.endsWith(`_${namespace}`)) ours.push(name);
    for (const name of ours) await manager.streams.delete(name).catch(() => false);
  } finally {
    await connection.close();
  }
}

/** Reads an NDJSON answer to its end: done's economics, budget statuses, or the error. */
async function readStream(response: Response): Promise<AnswerOutcome> {
  const outcome: AnswerOutcome = { status: response.status, budgetStatuses: 0 };
  for (const line of (await response.text()).split('\n')) {
    if (!line.trim()) continue;
    const event = JSON.parse(line) as {
      type: string;
      stage?: string;
      provider?: string;
      model?: string;
      cached?: boolean;
      cost_usd?: number;
      decision?: { budget_fallback?: boolean } | null;
      error?: { code: string };
    };
    if (event.type === 'status' && event.stage === 'budget') outcome.budgetStatuses++;
    if (event.type === 'error') outcome.errorCode = event.error?.code;
    if (event.type === 'done') {
      Object.assign(outcome, {
        provider: event.provider,
        model: event.model,
        cached: event.cached,
        costUsd: event.cost_usd,
        budgetFallback: event.decision?.budget_fallback ?? false,
      });
    }
  }
  return outcome;
}

export async function startCostFleet(options: {
  tenants: string[];
  documents: Array<{ id: string; title: string; text: string }>;
}): Promise<CostFleet> {
  const run = `cost_${uniqueSuffix()}`.replace(/[^A-Za-z0-9_]/g, '_');
  const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-routing-cost-'));
  const catalog = pricedCatalog();
  const catalogPath = join(dataDir, 'catalog.json');
  writeFileSync(catalogPath, JSON.stringify({ models: catalog }, null, 2));
  const tenants: CostFleet['tenants'] = {};
  const keyLines = options.tenants.map((name) => {
    const tenant = `${name}_${process.pid}`;
    const key = `rf_${run}_${name}_key`;
    tenants[name] = { tenant, key };
    return {
      id: `${name}-key`,
      hash: hashApiKey(key),
      tenant,
      user: `${name}-user`,
      tier: 'premium',
      scopes: ['*', 'admin'],
    };
  });
  const keysFile = join(dataDir, 'api-keys.json');
  writeFileSync(keysFile, JSON.stringify({ keys: keyLines }));
  const adminToken = `rf_admin_${run}`.padEnd(ADMIN_TOKEN_LENGTH, 'x');
  const ollama = await startFakeOllama();
  // Answers of a few tokens with a citation: their usage is what the fake reports.
  ollama.setChatBehavior({
    mode: 'ok',
    tokens: ['Budgets', ' settle', ' at', ' the', ' tokens', ' used', ' [1].'],
  });
  const logs: string[] = [];
  const prefix = `ragfleet-test:${run}:`;
  let fleet: Fleet;
  try {
    fleet = await startFleet({
      freePorts: true,
      unthrottled: true,
      dataDir,
      readyTimeoutMs: 60_000,
      env: {
        NATS_URL,
        NATS_NAMESPACE: run,
        REDIS_URL,
        BUDGET_KEY_PREFIX: `${prefix}budget:`,
        RESPONSE_CACHE_PREFIX: `${prefix}answer:`,
        EMBED_CACHE_PREFIX: `${prefix}embed:`,
        GATEWAY_KEYS_PREFIX: `${prefix}keys:`,
        GATEWAY_RATE_LIMIT_PREFIX: `${prefix}rate:`,
        GATEWAY_WS_TICKET_PREFIX: `${prefix}ticket:`,
        GATEWAY_POPULAR_PREFIX: `${prefix}popular:`,
        SESSION_KEY_PREFIX: `${prefix}session:`,
        GATEWAY_API_KEYS_FILE: keysFile,
        GATEWAY_ADMIN_TOKEN: adminToken,
        OLLAMA_HOST: ollama.url,
        ANTHROPIC_API_KEY: '',
        EMBED_DEFAULT_PROVIDER: 'local',
        CATALOG_PATH: catalogPath,
        // The embedded ledger, so that its lines can be read back from DATA_DIR/router.
        MONGODB_URI: '',
        GENERATE_MAX_OUTPUT_TOKENS: '256',
        ROUTER_BUDGET_OUTPUT_TOKENS: '256',
        EMBED_WORKERS: '1',
        LOG_LEVEL: 'warn',
      },
      logSink: (service, line) => {
        logs.push(`${service}: ${line}`);
      },
    });
  } catch (error) {
    await ollama.close();
    await deleteStreams(run).catch(() => undefined);
    await deleteRedisKeys(prefix).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  const keyOf = (name: string) => {
    const entry = tenants[name];
    if (!entry) throw new Error(`no tenant ${name}`);
    return entry;
  };
  const call = (path: string, init: RequestInit, bearer: string) =>
    fetch(`${fleet.gatewayUrl}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, ...init.headers },
    });
  const json = async <T>(response: Response, path: string): Promise<T> => {
    if (response.status !== 200 && response.status !== 201)
      throw new Error(
        `${path} answered ${response.status}: ${await response.text()}\n${logs.slice(-20).join('\n')}`,
      );
    return (await response.json()) as T;
  };

  const anyTenant = keyOf(options.tenants[0]!);
  await json(
    await call(
      '/v1/documents?wait=true&timeout_ms=30000',
      { method: 'POST', body: JSON.stringify({ documents: options.documents }) },
      anyTenant.key,
    ),
    '/v1/documents',
  );
  for (const name of options.tenants.slice(1))
    await json(
      await call(
        '/v1/documents?wait=true&timeout_ms=30000',
        { method: 'POST', body: JSON.stringify({ documents: options.documents }) },
        keyOf(name).key,
      ),
      '/v1/documents',
    );

  return {
    fleet,
    ollama,
    catalog,
    tenants,
    logs,
    async ask(name, query, stream) {
      const response = await call(
        '/v1/rag',
        { method: 'POST', body: JSON.stringify({ query, stream }) },
        keyOf(name).key,
      );
      if (stream && response.status === 200) return readStream(response);
      const body = (await response.json()) as {
        provider?: string;
        model?: string;
        cached?: boolean;
        cost_usd?: number;
        decision?: { budget_fallback?: boolean } | null;
        error?: { code: string };
      };
      return {
        status: response.status,
        provider: body.provider,
        model: body.model,
        cached: body.cached,
        costUsd: body.cost_usd,
        budgetFallback: body.decision?.budget_fallback ?? false,
        budgetStatuses: 0,
        errorCode: body.error?.code,
      };
    },
    async setDayBudget(name, limitUsd) {
      await json(
        await call(
          '/v1/admin/budgets',
          {
            method: 'POST',
            body: JSON.stringify({ tenant: keyOf(name).tenant, period: 'day', limit_usd: limitUsd }),
          },
          adminToken,
        ),
        'POST /v1/admin/budgets',
      );
    },
    async dayBudget(name) {
      const { budgets } = await json<{ budgets: Array<BudgetView> }>(
        await call(`/v1/admin/budgets?tenant=${keyOf(name).tenant}`, { method: 'GET' }, adminToken),
        'GET /v1/admin/budgets',
      );
      const day = budgets.find((budget) => budget.period === 'day');
      if (!day) throw new Error(`tenant ${name} has no day budget`);
      return day;
    },
    async usage(name) {
      return json<UsageView>(
        await call('/v1/usage?group_by=model', { method: 'GET' }, keyOf(name).key),
        'GET /v1/usage',
      );
    },
    ledger(name) {
      const tenant = keyOf(name).tenant;
      // No file is a failure to see, not an empty ledger: the router opens it at start.
      return readFileSync(join(dataDir, 'router', 'ledger.jsonl'), 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as LedgerLine)
        .filter((line) => line.tenant === tenant);
    },
    async stop() {
      await fleet.stop();
      await ollama.close();
      await deleteStreams(run).catch(() => undefined);
      await deleteRedisKeys(prefix).catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
