import type { RouterClient } from '@ragfleet/grpc';
import type { PriceLookup } from './shadow-runner.ts';

/**
 * The candidate's prices from the router's catalog (ListModels), read at most once a minute: the
 * shadow budget needs them, and a catalog change reaches it soon without a call per shadow run.
 * An unreachable router prices the candidate from the last catalog read, or as free.
 */
export function catalogPrices(router: RouterClient, maxAgeMs = 60_000): PriceLookup {
  let read: { at: number; models: Awaited<ReturnType<RouterClient['listModels']>>['models'] } | undefined;
  return async (provider, model) => {
    if (!read || Date.now() - read.at > maxAgeMs) {
      try {
        read = { at: Date.now(), models: (await router.listModels()).models };
      } catch {
        // keep the previous catalog
      }
    }
    const found = read?.models.find((entry) => entry.provider === provider && entry.model === model);
    return found
      ? { inputPricePerMtok: found.inputPricePerMtok, outputPricePerMtok: found.outputPricePerMtok }
      : undefined;
  };
}
