import type { RouterV1 } from '@ragfleet/protos';
import type { Handlers } from '@ragfleet/grpc';
import { RagfleetError } from '@ragfleet/errors';
import type { CatalogModel } from '../domain/catalog.ts';
import type { RoutePolicy } from '../domain/route-policy.ts';

export interface RouteObserver {
  routed(tier: string, firstProvider: string): void;
}

function toChoice(model: CatalogModel): RouterV1.ModelChoice {
  return {
    provider: model.provider,
    model: model.model,
    inputPricePerMtok: model.inputPricePerMtok,
    outputPricePerMtok: model.outputPricePerMtok,
  };
}

export function routerHandlers(policy: RoutePolicy, observer: RouteObserver): Handlers {
  return {
    Route: async (request: RouterV1.RouteRequest__Output): Promise<RouterV1.RouteResponse> => {
      const decision = policy.route(request.query, request.tier);
      observer.routed(decision.tier, decision.chain[0]?.provider ?? 'none');
      return { chain: decision.chain.map(toChoice), reason: decision.reason };
    },
    ListModels: async (): Promise<RouterV1.ListModelsResponse> => ({ models: policy.models().map(toChoice) }),
    // Until the ledger lands (issue 12): METHOD_NOT_ALLOWED is gRPC UNIMPLEMENTED.
    GetUsage: async () => {
      throw new RagfleetError('METHOD_NOT_ALLOWED', 'GetUsage is not served yet.', {
        details: { reason: 'NOT_IMPLEMENTED', method: 'GetUsage' },
      });
    },
  };
}
