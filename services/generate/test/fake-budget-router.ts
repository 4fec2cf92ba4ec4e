import { RagfleetError } from '@ragfleet/errors';
import type { CallContext } from '@ragfleet/grpc';
import type { RouterV1 } from '@ragfleet/protos';

export interface PricedModel {
  provider: string;
  model: string;
  inputPricePerMtok: number;
  outputPricePerMtok: number;
}

export interface Reservation extends RouterV1.ReserveRequest__Output {
  tenant: string;
  usd: number;
}

export interface Settlement extends RouterV1.SettleRequest__Output {
  tenant: string;
  costUsd: number;
}

/** The day's reset, as the router would give it. */
export const RESET_AT = '2026-12-02T00:00:00.000Z';

// As the router prices (@ragfleet/budgets' estimateCost): rounded to the micro-dollar.
const costOf = (model: PricedModel, input: number, output: number) =>
  Math.round(input * model.inputPricePerMtok + output * model.outputPricePerMtok) / 1e6;

/**
 * A stand-in for the router's Reserve and Settle: one daily budget per tenant (unlimited unless
 * set), reserving the worst case at the model's prices and settling at the tokens used, as the
 * proto describes them. It records every call so the tests can check what generate asked.
 */
export class FakeBudgetRouter {
  readonly limits = new Map<string, number>();
  readonly reserves: Reservation[] = [];
  /** Set: every Reserve fails with it (a router without budgets, its store away). */
  reserveFailure: RagfleetError | undefined;
  readonly settles: Settlement[] = [];
  readonly #prices: Map<string, PricedModel>;
  readonly #holds = new Map<string, Reservation>();
  readonly #spent = new Map<string, number>();

  constructor(models: PricedModel[]) {
    this.#prices = new Map(models.map((model) => [`${model.provider}/${model.model}`, model]));
  }

  /** Reservations neither settled nor expired. */
  held(): Reservation[] {
    return [...this.#holds.values()];
  }

  handlers() {
    return {
      Reserve: async (request: RouterV1.ReserveRequest__Output, context: CallContext) =>
        this.#reserve(request, context.tenant),
      Settle: async (request: RouterV1.SettleRequest__Output, context: CallContext) =>
        this.#settle(request, context.tenant),
    };
  }

  #model(provider: string, model: string): PricedModel {
    const priced = this.#prices.get(`${provider}/${model}`);
    if (!priced) throw new RagfleetError('INVALID_ARGUMENT', `unknown model ${provider}/${model}`);
    return priced;
  }

  #reserve(request: RouterV1.ReserveRequest__Output, tenant: string): RouterV1.ReserveResponse {
    const usd = costOf(
      this.#model(request.provider, request.model),
      request.promptTokens,
      request.maxOutputTokens,
    );
    const reservation: Reservation = { ...request, tenant, usd };
    this.reserves.push(reservation);
    if (this.reserveFailure) throw this.reserveFailure;
    const limit = this.limits.get(tenant) ?? Number.POSITIVE_INFINITY;
    const spent = this.#spent.get(tenant) ?? 0;
    const reserved = this.held()
      .filter((hold) => hold.tenant === tenant)
      .reduce((sum, hold) => sum + hold.usd, 0);
    if (spent + reserved + usd > limit) {
      throw new RagfleetError('BUDGET_EXCEEDED', `the tenant budget of ${tenant} has no room`, {
        details: {
          scope: { tenant, kind: 'tenant', id: '' },
          period: 'day',
          limit_usd: limit,
          spent_usd: spent,
          reserved_usd: reserved,
          reset_at: RESET_AT,
        },
      });
    }
    this.#holds.set(request.generationId, reservation);
    return { reservedUsd: usd, expiresAt: new Date(Date.now() + 600_000).toISOString() };
  }

  #settle(request: RouterV1.SettleRequest__Output, tenant: string): RouterV1.SettleResponse {
    const earlier = this.settles.find((settled) => settled.generationId === request.generationId);
    if (earlier) return { costUsd: earlier.costUsd };
    const hold = this.#holds.get(request.generationId);
    if (!hold) throw new RagfleetError('NOT_FOUND', `no reservation ${request.generationId}`);
    const costUsd = costOf(
      this.#model(request.provider, request.model),
      request.inputTokens,
      request.outputTokens,
    );
    this.#holds.delete(request.generationId);
    this.#spent.set(tenant, (this.#spent.get(tenant) ?? 0) + costUsd);
    this.settles.push({ ...request, tenant, costUsd });
    return { costUsd };
  }
}
