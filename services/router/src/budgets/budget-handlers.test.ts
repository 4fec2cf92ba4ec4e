import { afterAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { RedisBudgetStore } from '@ragfleet/budgets';
import { InMemoryEventBus } from '@ragfleet/events';
import type { CallContext } from '@ragfleet/grpc';
import { freePort } from '@ragfleet/testing';
import { createMetricsRegistry } from '@ragfleet/telemetry';
import { parseCatalog } from '../domain/catalog.ts';
import { budgetHandlers } from './budget-handlers.ts';
import { thresholdEvents } from './threshold-events.ts';

const quiet = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
};
const catalog = parseCatalog({
  models: [
    {
      provider: 'extractive',
      model: 'extractive-v1',
      inputPricePerMtok: 0,
      outputPricePerMtok: 0,
      contextWindow: 1_000_000,
      quality: 10,
      typicalLatencyMs: 5,
      tiers: ['free', 'standard', 'premium', 'enterprise'],
    },
    {
      provider: 'anthropic',
      model: 'haiku',
      inputPricePerMtok: 1,
      outputPricePerMtok: 5,
      contextWindow: 200_000,
      quality: 70,
      typicalLatencyMs: 900,
      tiers: ['standard'],
    },
  ],
});
const context = { tenant: 'acme', requestId: 'r', signal: new AbortController().signal } as CallContext;
let redis: Redis | undefined;

afterAll(() => redis?.disconnect());

describe('budget handlers', () => {
  it('answers SERVICE_UNAVAILABLE, retryable, when the budget store cannot be reached', async () => {
    // Nothing listens on this port; no offline queue, so commands fail at once.
    redis = new Redis(`redis://127.0.0.1:${await freePort()}`, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    redis.on('error', () => undefined);
    const bus = new InMemoryEventBus({ streams: [], logger: quiet });
    const handlers = budgetHandlers({
      store: new RedisBudgetStore(redis, { keyPrefix: 'unreachable:' }),
      catalog: () => catalog,
      reservationTtlMs: 60_000,
      thresholds: thresholdEvents({ bus, subject: 'x', registry: createMetricsRegistry('t'), logger: quiet }),
    });
    const reserve = handlers.Reserve as (request: unknown, context: CallContext) => Promise<unknown>;
    await expect(
      reserve(
        { generationId: 'g', provider: 'anthropic', model: 'haiku', promptTokens: 1, maxOutputTokens: 1 },
        context,
      ),
    ).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    // The caller's own mistakes stay INVALID_ARGUMENT, checked before the store is asked.
    await expect(
      reserve(
        { generationId: 'g', provider: 'anthropic', model: 'opus', promptTokens: 1, maxOutputTokens: 1 },
        context,
      ),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
