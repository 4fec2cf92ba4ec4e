// The RAG pipeline of generate, retrieve, router and embed composed in ONE process from the same
// domain classes and the same data directory the fleet wrote, so that fleet latency can be
// compared with the pipeline alone: the difference is what the fleet's hops cost.
import { availableParallelism } from 'node:os';
import type { SearchService } from '../../services/retrieve/src/domain/search/search-service.ts';
import { composeInProcessRetrieve, type InProcessRetrieve } from '../in-process-retrieve.ts';
import { routePolicyFromFiles } from '../../services/router/src/route-policy-from-files.ts';
import { ExtractiveProvider } from '../../services/generate/src/adapters/extractive/extractive-provider.ts';
import { loadPromptLibrary } from '../../services/generate/src/adapters/prompt-files.ts';
import { AnswerPipeline } from '../../services/generate/src/domain/answer-pipeline.ts';
import { ProviderGuard } from '../../services/generate/src/domain/provider-guard.ts';

export interface InProcessPipeline {
  pipeline: AnswerPipeline;
  /** The search the pipeline retrieves with: what /v1/search is compared against. */
  search: SearchService;
  /** Its store and embedder, for peers that search the same chunks with the same vectors. */
  retrieve: InProcessRetrieve;
  close(): Promise<void>;
}

export async function composeInProcessPipeline(
  dataDir: string,
  tenant = 'default',
): Promise<InProcessPipeline> {
  const retrieve = await composeInProcessRetrieve(dataDir, {
    workers: Number(process.env.EMBED_WORKERS ?? availableParallelism()),
    cacheEntries: 50_000,
  });

  const policy = routePolicyFromFiles({ enabled: new Set(['extractive']) });
  const pipeline = new AnswerPipeline({
    router: { route: async (query, tier) => policy.route({ query, tier }) },
    retriever: { search: (query, k, filters) => retrieve.passages(tenant, query, k, filters) },
    prompts: loadPromptLibrary('rag-answer', 'v1'),
    providers: [new ExtractiveProvider()],
    guard: new ProviderGuard(),
    defaultTopK: 5,
  });
  return { pipeline, search: retrieve.search, retrieve, close: () => retrieve.close() };
}
