import { describe, expect, it } from '@jest/globals';
import { parseCatalog, type ProviderName } from './catalog.ts';
import { RoutePolicy } from './route-policy.ts';

const catalog = parseCatalog({
  models: [
    {
      provider: 'extractive',
      model: 'extractive-v1',
      inputPricePerMtok: 0,
      outputPricePerMtok: 0,
      quality: 1,
      tiers: ['free', 'standard', 'premium'],
    },
    {
      provider: 'ollama',
      model: 'llama3.2',
      inputPricePerMtok: 0,
      outputPricePerMtok: 0,
      quality: 3,
      tiers: ['free', 'standard', 'premium'],
    },
    {
      provider: 'anthropic',
      model: 'claude-haiku-4-5',
      inputPricePerMtok: 1,
      outputPricePerMtok: 5,
      quality: 6,
      tiers: ['standard', 'premium'],
    },
    {
      provider: 'anthropic',
      model: 'claude-sonnet-4-6',
      inputPricePerMtok: 3,
      outputPricePerMtok: 15,
      quality: 9,
      tiers: ['premium'],
    },
  ],
});
const all = new Set<ProviderName>(['extractive', 'ollama', 'anthropic']);
const SIMPLE = 'What is HNSW?';
const COMPLEX =
  'Compare vector search and BM25 for short queries, and explain why hybrid fusion helps when documents are long?';

const chainOf = (policy: RoutePolicy, query: string, tier: string) =>
  policy.route(query, tier).chain.map((model) => model.model);

describe('RoutePolicy', () => {
  it('puts the strongest allowed model first for a complex premium query', () => {
    const policy = new RoutePolicy(catalog, all);
    expect(chainOf(policy, COMPLEX, 'premium')).toEqual([
      'claude-sonnet-4-6',
      'claude-haiku-4-5',
      'llama3.2',
      'extractive-v1',
    ]);
    expect(policy.route(COMPLEX, 'premium').reason).toMatch(/complex query .*strongest model first/);
  });

  it('respects the tier: standard never gets the premium-only model', () => {
    const policy = new RoutePolicy(catalog, all);
    expect(chainOf(policy, COMPLEX, 'standard')).toEqual(['claude-haiku-4-5', 'llama3.2', 'extractive-v1']);
  });

  it('puts the cheapest model first for a simple query', () => {
    const policy = new RoutePolicy(catalog, all);
    expect(chainOf(policy, SIMPLE, 'premium')).toEqual([
      'llama3.2',
      'claude-haiku-4-5',
      'claude-sonnet-4-6',
      'extractive-v1',
    ]);
    expect(policy.route(SIMPLE, 'premium').reason).toMatch(/simple query .*cheapest model first/);
  });

  it('orders free tier by price even for complex queries and treats an empty tier as free', () => {
    const policy = new RoutePolicy(catalog, all);
    expect(chainOf(policy, COMPLEX, 'free')).toEqual(['llama3.2', 'extractive-v1']);
    expect(policy.route(SIMPLE, '').tier).toBe('free');
  });

  it('leaves out providers that are not enabled, keeping the offline fallback', () => {
    const policy = new RoutePolicy(catalog, new Set<ProviderName>(['extractive']));
    expect(chainOf(policy, COMPLEX, 'premium')).toEqual(['extractive-v1']);
    expect(policy.route(COMPLEX, 'premium').reason).toContain('no online model is enabled');
    expect(policy.models().map((model) => model.provider)).toEqual(['extractive']);
  });

  it('rejects an unknown tier with INVALID_ARGUMENT', () => {
    const policy = new RoutePolicy(catalog, all);
    expect(() => policy.route(SIMPLE, 'gold')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
