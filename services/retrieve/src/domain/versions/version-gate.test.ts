import { describe, expect, it } from '@jest/globals';
import type { SearchResult } from '../search/search-service.ts';
import { judgeCutover, meanNdcg10, type LabeledSet, type Searcher } from './version-gate.ts';

/** A searcher answering each query with a fixed ranking of document ids (one chunk each, or more). */
function rankings(byQuery: Record<string, string[]>): Searcher & { tenants: string[] } {
  const tenants: string[] = [];
  return {
    tenants,
    query: async (tenant, request) => {
      tenants.push(tenant);
      const hits = (byQuery[request.query] ?? []).map((documentId) => ({ documentId }));
      return { hits } as unknown as SearchResult;
    },
  };
}

const set: LabeledSet = {
  tenant: 'acme',
  queries: [
    { query: 'owls', relevant: { birds: 2, forest: 1 } },
    { query: 'engines', relevant: { engines: 1 } },
  ],
};

describe('meanNdcg10', () => {
  it('scores documents by their first chunk and averages over the queries, in the set tenant', async () => {
    const perfect = rankings({ owls: ['birds', 'birds', 'forest'], engines: ['engines'] });
    expect(await meanNdcg10(perfect, set)).toBeCloseTo(1, 10);
    expect(perfect.tenants).toEqual(['acme', 'acme']);
    const half = rankings({ owls: ['birds', 'forest'], engines: ['other'] });
    expect(await meanNdcg10(half, set)).toBeCloseTo(0.5, 10);
  });
});

describe('judgeCutover', () => {
  const active = rankings({ owls: ['birds', 'forest'], engines: ['x', 'engines'] });

  it('passes a candidate that scores as well or better', async () => {
    const better = rankings({ owls: ['birds', 'forest'], engines: ['engines'] });
    const verdict = await judgeCutover(better, active, set, 0);
    expect(verdict.pass).toBe(true);
    expect(verdict.candidateNdcg10).toBeGreaterThan(verdict.activeNdcg10);
  });

  it('fails a worse candidate unless the loss is within the tolerance', async () => {
    const worse = rankings({ owls: ['forest', 'birds'], engines: ['x', 'engines'] });
    const strict = await judgeCutover(worse, active, set, 0.01);
    expect(strict.pass).toBe(false);
    const loss = strict.activeNdcg10 - strict.candidateNdcg10;
    expect((await judgeCutover(worse, active, set, loss + 0.001)).pass).toBe(true);
  });
});
