// Query latency per backend and mode, with the backends' blocks interleaved (A B, then B A, ...)
// in one process where both are loaded, so a burst of other load on the shared machine falls on
// both sides alike. Bounded by count (rounds x block) and by time (a share of the deadline per mode).
import { DEFAULT_SEARCH } from '../../../services/retrieve/src/domain/search/search-service.ts';
import { fuse } from '../../../services/retrieve/src/domain/search/fusion.ts';
import { percentile } from '../report.ts';
import type { BackendHit, IndexBackend } from './backend.ts';
import { chunkPosition, RECALL_K, type Workload } from './workload.ts';

export const MODES = ['vector', 'keyword', 'hybrid'] as const;
export type Mode = (typeof MODES)[number];

export interface ModeFigures {
  queries: number;
  p50Ms: number;
  p99Ms: number;
  /** process.cpuUsage over the blocks: every thread, so a multi-threaded backend pays for them all. */
  cpuMsPerQuery: number;
  /** Vector mode: share of the exact top-10 in the first 10 hits. */
  recallAt10?: number;
}

export interface QueryPlan {
  rounds: number;
  block: number;
  candidates: number;
  /** Time for all modes together; each mode gets an equal share. */
  seconds: number;
}

type Search = (backend: IndexBackend, q: number) => Promise<BackendHit[]>;

/** Each mode as SearchService composes it from the two rankings (hybrid: keyword, then vector, fused). */
function searches(workload: Workload, candidates: number): Record<Mode, Search> {
  return {
    vector: (backend, q) => backend.vector(workload.queryVectors[q]!, candidates),
    keyword: (backend, q) => backend.keyword(workload.queryTexts[q]!, candidates),
    hybrid: async (backend, q) => {
      const keyword = await backend.keyword(workload.queryTexts[q]!, candidates);
      const vector = await backend.vector(workload.queryVectors[q]!, candidates);
      return fuse(vector, keyword, {
        method: DEFAULT_SEARCH.fusion,
        weights: DEFAULT_SEARCH.weights,
        rrfK: DEFAULT_SEARCH.rrfK,
      }).map((hit) => ({ chunkId: hit.chunkId, documentId: hit.documentId, score: hit.fusedScore }));
    },
  };
}

interface Tally {
  latencies: number[];
  cpuMicros: number;
  found: number;
  expected: number;
}

export interface InterleavedResult {
  figures: Record<string, Partial<Record<Mode, ModeFigures>>>;
  /** Rounds each mode completed before its time share ran out. */
  roundsRun: Partial<Record<Mode, number>>;
}

export async function measureInterleaved(
  backends: IndexBackend[],
  workload: Workload,
  plan: QueryPlan,
  log: (message: string) => void,
): Promise<InterleavedResult> {
  const byMode = searches(workload, plan.candidates);
  const queryCount = workload.queryTexts.length;
  const figures: InterleavedResult['figures'] = Object.fromEntries(backends.map((b) => [b.name, {}]));
  const roundsRun: InterleavedResult['roundsRun'] = {};
  for (const mode of MODES) {
    const search = byMode[mode];
    const deadline = performance.now() + (plan.seconds * 1000) / MODES.length;
    const tallies = new Map(
      backends.map((b) => [b, { latencies: [], cpuMicros: 0, found: 0, expected: 0 } as Tally]),
    );
    // Warm-up: JIT, caches, lazily opened files; not counted.
    for (const backend of backends)
      for (let q = 0; q < Math.min(30, queryCount); q++) await search(backend, q);
    let round = 0;
    for (; round < plan.rounds && performance.now() < deadline; round++) {
      const order = round % 2 === 0 ? backends : [...backends].reverse();
      for (const backend of order) {
        const tally = tallies.get(backend)!;
        const cpuBefore = process.cpuUsage();
        for (let j = 0; j < plan.block; j++) {
          const q = (round * plan.block + j) % queryCount;
          const begun = performance.now();
          const hits = await search(backend, q);
          tally.latencies.push(performance.now() - begun);
          if (mode === 'vector') {
            const truth = workload.truth[q]!;
            tally.expected += RECALL_K;
            for (const hit of hits.slice(0, RECALL_K))
              if (truth.includes(chunkPosition(hit.chunkId))) tally.found++;
          }
        }
        const cpu = process.cpuUsage(cpuBefore);
        tally.cpuMicros += cpu.user + cpu.system;
      }
    }
    roundsRun[mode] = round;
    for (const [backend, tally] of tallies) {
      const sorted = tally.latencies.sort((a, b) => a - b);
      figures[backend.name]![mode] = {
        queries: sorted.length,
        p50Ms: percentile(sorted, 50),
        p99Ms: percentile(sorted, 99),
        cpuMsPerQuery: tally.cpuMicros / 1000 / Math.max(1, sorted.length),
        ...(mode === 'vector' ? { recallAt10: tally.found / Math.max(1, tally.expected) } : {}),
      };
      log(`${backend.name} ${mode}: ${JSON.stringify(figures[backend.name]![mode])}`);
    }
  }
  return { figures, roundsRun };
}
