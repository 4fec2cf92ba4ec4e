import { invalidField } from '@ragfleet/errors';
import type { Handlers } from '@ragfleet/grpc';
import type { FeedbackV1 } from '@ragfleet/protos';
import type { WeightsBook } from '../domain/learning/weights-book.ts';
import { pageLimit } from './caller.ts';
import { toWeightsVersion } from './messages.ts';

/** WeightsService: the fleet's weights (not a tenant's), read by every scorer replica. */
export function weightsHandlers(book: WeightsBook): Handlers {
  return {
    GetActiveWeights: async (): Promise<FeedbackV1.GetActiveWeightsResponse> => ({
      weights: toWeightsVersion(await book.active()),
    }),

    ListWeights: async (
      request: FeedbackV1.ListWeightsRequest__Output,
    ): Promise<FeedbackV1.ListWeightsResponse> => ({
      versions: (await book.list(pageLimit(request.limit))).map(toWeightsVersion),
    }),

    FitWeights: async (): Promise<FeedbackV1.FitWeightsResponse> => {
      const { weights, changed } = await book.fit();
      return { weights: toWeightsVersion(weights), changed };
    },

    RollbackWeights: async (
      request: FeedbackV1.RollbackWeightsRequest__Output,
    ): Promise<FeedbackV1.RollbackWeightsResponse> => {
      if (!request.version) throw invalidField('version', 'is required');
      return { weights: toWeightsVersion(await book.rollback(request.version)) };
    },
  };
}
