import { describe, expect, it } from '@jest/globals';
import { RagfleetError } from '@ragfleet/errors';
import { createMetricsRegistry, metricValue } from '@ragfleet/telemetry';
import type { ChatChunk, ChatProvider, ChatRequest } from './domain/ports.ts';
import { ProviderGuard } from './domain/provider-guard.ts';
import { prometheusGuardObserver } from './guard-metrics.ts';

/** Fails with a transient error while `failing`, then streams one token. */
class FlakyProvider implements ChatProvider {
  readonly name = 'flaky';
  failing = true;

  async *stream(): AsyncGenerator<ChatChunk> {
    if (this.failing) throw new RagfleetError('PROVIDER_UNAVAILABLE', 'overloaded', { retryable: true });
    yield { token: 'ok' };
  }
}

const request: ChatRequest = { model: 'm', system: '', messages: [], context: { query: 'q', passages: [] } };

describe('prometheusGuardObserver', () => {
  it("exports each provider's breaker state, its openings and the retries", async () => {
    const registry = createMetricsRegistry('generate');
    const provider = new FlakyProvider();
    const guard = new ProviderGuard({
      retries: 1,
      retryInitialDelayMs: 1,
      retryMaxDelayMs: 1,
      breakerThreshold: 2,
      halfOpenAfterMs: 20,
      observer: prometheusGuardObserver(registry),
    });
    const signal = new AbortController().signal;
    const state = () => metricValue(registry, 'ragfleet_generate_breaker_state', { provider: 'flaky' });

    // First attempt and its retry both fail: two consecutive failures open the circuit.
    await expect(guard.open(provider, request, signal)).rejects.toBeInstanceOf(RagfleetError);
    expect(await state()).toBe(2);
    expect(await metricValue(registry, 'ragfleet_generate_breaker_opened_total', { provider: 'flaky' })).toBe(
      1,
    );
    expect(
      await metricValue(registry, 'ragfleet_generate_provider_retries_total', { provider: 'flaky' }),
    ).toBe(1);

    // After halfOpenAfterMs one trial call goes through; it succeeds and closes the circuit.
    provider.failing = false;
    await new Promise((resolve) => setTimeout(resolve, 40));
    const opened = await guard.open(provider, request, signal);
    expect(opened.head).toEqual([{ token: 'ok' }]);
    expect(await state()).toBe(0);
  });
});
