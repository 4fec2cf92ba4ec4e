import { z } from 'zod';
import type { AllowedAction } from './allowed-actions.ts';

/** Why a model suggestion was dropped: the label of ragfleet_recommend_model_output_dropped_total. */
export type DropReason = 'not_json' | 'wrong_shape' | 'unknown_action';

export interface ModelSuggestion {
  action: string;
  category: string;
  target: string;
  rationale: string;
  revenueDeltaFraction?: number;
  risk?: number;
  steps?: number;
  daysToValue?: number;
}

export interface ParsedModelOutput {
  suggestions: ModelSuggestion[];
  dropped: DropReason[];
}

/** One suggestion as the suggestion template asks for it; the effects are optional estimates. */
const suggestionSchema = z.object({
  action: z.string().min(1),
  target: z.string().trim().min(1).max(200),
  rationale: z.string().trim().min(1).max(2_000),
  revenue_delta_fraction: z.number().finite().min(-1).max(10).optional(),
  risk: z.number().finite().min(0).max(1).optional(),
  effort_steps: z.number().finite().min(0).max(100).optional(),
  days_to_value: z.number().finite().min(0).max(365).optional(),
});

/** A ```json fence (or a bare ``` one) around the array: models add it though told not to. */
const FENCE = /^\s*```(?:json)?\s*\n?([\s\S]*?)\n?\s*```\s*$/i;

/**
 * Model text into suggestions, never trusting it: text that is not JSON (after removing a fence)
 * or not an array is one dropped output; inside an array each element is checked alone, so one
 * bad element costs only itself. An action outside the allowed ones is dropped too. Nothing
 * invalid is passed on, and every drop has a reason to count.
 */
export function parseModelOutput(text: string, actions: readonly AllowedAction[]): ParsedModelOutput {
  const body = FENCE.exec(text)?.[1] ?? text;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { suggestions: [], dropped: ['not_json'] };
  }
  if (!Array.isArray(json)) return { suggestions: [], dropped: ['wrong_shape'] };
  const byName = new Map(actions.map((action) => [action.name, action]));
  const suggestions: ModelSuggestion[] = [];
  const dropped: DropReason[] = [];
  for (const element of json) {
    const parsed = suggestionSchema.safeParse(element);
    if (!parsed.success) {
      dropped.push('wrong_shape');
      continue;
    }
    const action = byName.get(parsed.data.action);
    if (action === undefined) {
      dropped.push('unknown_action');
      continue;
    }
    const s = parsed.data;
    suggestions.push({
      action: s.action,
      category: action.category,
      target: s.target,
      rationale: s.rationale,
      ...(s.revenue_delta_fraction === undefined ? {} : { revenueDeltaFraction: s.revenue_delta_fraction }),
      ...(s.risk === undefined ? {} : { risk: s.risk }),
      ...(s.effort_steps === undefined ? {} : { steps: s.effort_steps }),
      ...(s.days_to_value === undefined ? {} : { daysToValue: s.days_to_value }),
    });
  }
  return { suggestions, dropped };
}
