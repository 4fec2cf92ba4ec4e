import type { RouterClient } from '@ragfleet/grpc';
import type { ModelRouter, RouteDecision } from '../domain/ports.ts';

/** The router service as the pipeline's ModelRouter port. */
export class GrpcModelRouter implements ModelRouter {
  readonly #client: RouterClient;

  constructor(client: RouterClient) {
    this.#client = client;
  }

  async route(query: string, tier: string, signal: AbortSignal): Promise<RouteDecision> {
    const response = await this.#client.route({ query, tier }, { signal });
    return {
      chain: response.chain.map((choice) => ({ provider: choice.provider, model: choice.model })),
      reason: response.reason,
    };
  }
}
