import type { CallContext } from '@ragfleet/grpc';
import type { EmbedV1 } from '@ragfleet/protos';
import type { EmbeddingService } from '../domain/embedding-service.ts';
import type { ModelCatalog } from '../domain/model-catalog.ts';

export const EMBED_SERVICE_NAME = 'ragfleet.embed.v1.EmbedService';

/** ragfleet.embed.v1.EmbedService: proto messages in and out, the work is the domain's. */
export function embedHandlers(service: EmbeddingService, catalog: ModelCatalog) {
  return {
    Embed: async (
      request: EmbedV1.EmbedRequest__Output,
      context: CallContext,
    ): Promise<EmbedV1.EmbedResponse> => {
      const result = await service.embed({
        texts: request.texts,
        model: request.model,
        signal: context.signal,
      });
      return {
        embeddings: result.vectors.map((vector) => ({ values: Array.from(vector) })),
        model: result.model,
        dimensions: result.dimensions,
        cacheHits: result.cacheHits,
      };
    },
    ListModels: async (): Promise<EmbedV1.ListModelsResponse> => ({ models: catalog.list() }),
  };
}
