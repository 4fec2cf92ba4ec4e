import type { RouterClient } from '@ragfleet/grpc';
import type { RouterV1 } from '@ragfleet/protos';
import type { ModelRouter, RouteDecision, RouteHints, RoutingDecision } from '../domain/ports.ts';

function toRoutingDecision(decision: RouterV1.RouteDecision__Output): RoutingDecision {
  return {
    complexityClass: decision.complexityClass,
    score: decision.score,
    features: decision.features.map(({ name, value, contribution }) => ({ name, value, contribution })),
    skipped: decision.skipped.map(({ provider, model, reason }) => ({ provider, model, reason })),
    prefer: decision.prefer,
    budgetFallback: decision.budgetFallback,
  };
}

/** The router service as the pipeline's ModelRouter port. */
export class GrpcModelRouter implements ModelRouter {
  readonly #client: RouterClient;

  constructor(client: RouterClient) {
    this.#client = client;
  }

  async route(
    query: string,
    tier: string,
    signal: AbortSignal,
    hints: RouteHints = {},
  ): Promise<RouteDecision> {
    const response = await this.#client.route(
      { query, tier, prefer: hints.prefer ?? '', conversationDepth: hints.conversationDepth ?? 0 },
      { signal },
    );
    return {
      chain: response.chain.map((choice) => ({
        provider: choice.provider,
        model: choice.model,
        inputPricePerMtok: choice.inputPricePerMtok,
        outputPricePerMtok: choice.outputPricePerMtok,
      })),
      reason: response.reason,
      ...(response.decision ? { decision: toRoutingDecision(response.decision) } : {}),
    };
  }
}
