import type { RouterClient } from '@ragfleet/grpc';
import type { RouterV1 } from '@ragfleet/protos';
import type { BudgetReservation, BudgetSettlement, Budgets } from '../domain/ports.ts';

/**
 * The router's Reserve and Settle as the pipeline's Budgets port. Both are idempotent by
 * generation id (a retried reserve holds nothing more, a second settle changes nothing), so a
 * transport retry is safe. The tenant, user and key come from the call's identity.
 */
export class GrpcBudgets implements Budgets {
  readonly #client: RouterClient;

  constructor(client: RouterClient) {
    this.#client = client;
  }

  async reserve(reservation: BudgetReservation, signal: AbortSignal): Promise<void> {
    const request: RouterV1.ReserveRequest = {
      generationId: reservation.generationId,
      provider: reservation.provider,
      model: reservation.model,
      promptTokens: reservation.promptTokens,
      maxOutputTokens: reservation.maxOutputTokens,
    };
    await this.#client.reserve(request, { signal });
  }

  async settle(settlement: BudgetSettlement): Promise<number> {
    const request: RouterV1.SettleRequest = { ...settlement };
    // No caller signal: an answer the caller cancelled is settled all the same.
    const response = await this.#client.settle(request, { deadlineMs: 5_000 });
    return response.costUsd;
  }
}
