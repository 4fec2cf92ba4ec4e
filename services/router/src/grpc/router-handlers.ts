import { protos, type RouterV1 } from '@ragfleet/protos';
import type { CallContext, Handlers } from '@ragfleet/grpc';
import { RagfleetError } from '@ragfleet/errors';
import { budgetCaller } from '../budgets/budget-caller.ts';
import type { CatalogModel } from '../domain/catalog.ts';
import { effectiveTier } from '../domain/effective-tier.ts';
import type { RouteDecision, RoutePolicy } from '../domain/route-policy.ts';

/** Told of every decision, with how long it took (analysis plus policy), for logs and metrics. */
export interface RouteObserver {
  decided(decision: RouteDecision, seconds: number): void;
}

/** Handlers other parts of the router add (GetUsage, from the ledger), merged over the defaults. */
export type ExtraHandlers = Handlers;

function toChoice(model: CatalogModel): RouterV1.ModelChoice {
  return {
    provider: model.provider,
    model: model.model,
    inputPricePerMtok: model.inputPricePerMtok,
    outputPricePerMtok: model.outputPricePerMtok,
    contextWindow: model.contextWindow,
    quality: model.quality,
    typicalLatencyMs: model.typicalLatencyMs,
  };
}

function toDecision(decision: RouteDecision): RouterV1.RouteDecision {
  return {
    complexityClass: decision.complexity.complexityClass,
    score: decision.complexity.score,
    features: decision.complexity.features.map(({ name, value, contribution }) => ({
      name,
      value,
      contribution,
    })),
    skipped: decision.skipped.map(({ model, reason }) => ({
      provider: model.provider,
      model: model.model,
      reason,
    })),
    prefer: decision.prefer,
    budgetFallback: decision.budgetFallback,
  };
}

/** METHOD_NOT_ALLOWED is gRPC UNIMPLEMENTED: the method exists in the proto, not in this build. */
function notServed(method: string): Handlers[string] {
  return async () => {
    throw new RagfleetError('METHOD_NOT_ALLOWED', `${method} is not served yet.`, {
      details: { reason: 'NOT_IMPLEMENTED', method },
    });
  };
}

/**
 * The RouterService handlers: Route and ListModels here, others (GetUsage from the ledger, the
 * budget methods) through `extra`. Every method of the service that nobody handles answers
 * UNIMPLEMENTED, so a proto that grows ahead of its implementation never stops the router.
 */
export function routerHandlers(
  policy: RoutePolicy,
  observer: RouteObserver,
  extra: ExtraHandlers = {},
): Handlers {
  const unserved = Object.fromEntries(
    Object.keys(protos.router().RouterService.service).map((method) => [method, notServed(method)]),
  );
  return {
    ...unserved,
    Route: async (
      request: RouterV1.RouteRequest__Output,
      context: CallContext,
    ): Promise<RouterV1.RouteResponse> => {
      const started = process.hrtime.bigint();
      const decision = await policy.route({
        query: request.query,
        tier: effectiveTier(request.tier, context.tier),
        prefer: request.prefer,
        conversationDepth: request.conversationDepth,
        promptTokens: request.promptTokens,
        // The caller's own budgets decide which models fit (tenant, user, key from its identity).
        caller: budgetCaller(context),
      });
      observer.decided(decision, Number(process.hrtime.bigint() - started) / 1e9);
      return { chain: decision.chain.map(toChoice), reason: decision.reason, decision: toDecision(decision) };
    },
    ListModels: async (): Promise<RouterV1.ListModelsResponse> => ({ models: policy.models().map(toChoice) }),
    ...extra,
  };
}
