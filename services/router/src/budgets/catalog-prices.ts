import { RagfleetError } from '@ragfleet/errors';
import type { ModelPrices } from '@ragfleet/budgets';
import type { Catalog } from '../domain/catalog.ts';

/**
 * A model's prices from the current catalog. Reserve and Settle price at the catalog, never at
 * what the caller says: an unknown provider/model is the caller's mistake, INVALID_ARGUMENT.
 */
export function catalogPrices(catalog: Catalog, provider: string, model: string): ModelPrices {
  const entry = catalog.models.find((each) => each.provider === provider && each.model === model);
  if (entry === undefined) {
    throw new RagfleetError('INVALID_ARGUMENT', `unknown model "${provider}/${model}"`, {
      details: {
        fields: [{ field: 'model', message: `no model ${provider}/${model} in the catalog` }],
        known: catalog.models.map((each) => `${each.provider}/${each.model}`),
      },
    });
  }
  return { inputPricePerMtok: entry.inputPricePerMtok, outputPricePerMtok: entry.outputPricePerMtok };
}
