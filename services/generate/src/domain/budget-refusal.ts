import { RagfleetError } from '@ragfleet/errors';
import type { ModelChoice, RoutingDecision } from './ports.ts';

/** A field of the router's BUDGET_EXCEEDED details, by its wire name or its camelCase one. */
function detail(refusal: RagfleetError, snake: string): unknown {
  const details = refusal.details ?? {};
  const camel = snake.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase());
  return details[snake] ?? details[camel];
}

function describeScope(scope: unknown): string | undefined {
  if (typeof scope === 'string') return scope;
  if (typeof scope !== 'object' || scope === null) return undefined;
  const { tenant, kind, id } = scope as { tenant?: unknown; kind?: unknown; id?: unknown };
  if (kind === 'key' || kind === 'user') return `${String(kind)} ${String(id)} of tenant ${String(tenant)}`;
  return tenant === undefined ? undefined : `tenant ${String(tenant)}`;
}

// Budgets count micro-dollars: six decimals show a small budget's spend as it is.
const usd = (value: unknown) => (typeof value === 'number' ? `$${value.toFixed(6)}` : undefined);
const PERIOD_NAMES: Record<string, string> = { day: 'daily', month: 'monthly' };

/** Which budget refused, how much of it is spent and when it resets, from the refusal's details. */
export function describeRefusal(refusal: RagfleetError): string {
  const period = detail(refusal, 'period');
  const scope = describeScope(detail(refusal, 'scope'));
  const limit = usd(detail(refusal, 'limit_usd'));
  const spent = usd(detail(refusal, 'spent_usd'));
  const reserved = usd(detail(refusal, 'reserved_usd'));
  const resetAt = detail(refusal, 'reset_at');
  const parts = [
    [
      typeof period === 'string' ? (PERIOD_NAMES[period] ?? period) : undefined,
      'budget',
      scope ? `of ${scope}` : undefined,
    ]
      .filter(Boolean)
      .join(' '),
    limit && spent ? `${spent} spent${reserved ? ` and ${reserved} reserved` : ''} of ${limit}` : undefined,
    typeof resetAt === 'string' && resetAt ? `resets at ${resetAt}` : undefined,
  ].filter(Boolean);
  return parts.length > 1 ? parts.join(', ') : refusal.message;
}

/** The `budget` status of a refused model: which, why, and what is tried next. */
export function budgetStatusMessage(
  refused: ModelChoice,
  refusal: RagfleetError,
  cheaper: ModelChoice | undefined,
): string {
  const next = cheaper ? `trying ${cheaper.provider}/${cheaper.model}` : 'no cheaper model to try';
  return `${refused.provider}/${refused.model} does not fit the budget (${describeRefusal(refusal)}); ${next}`;
}

/** The answer's end when no model of the route fits: 402, not retryable, the reset time in its message. */
export function budgetExceeded(refusal: RagfleetError): RagfleetError {
  return new RagfleetError(
    'BUDGET_EXCEEDED',
    `no model of the route fits the budget: ${describeRefusal(refusal)}`,
    {
      ...(refusal.details ? { details: refusal.details } : {}),
      cause: refusal,
    },
  );
}

/** The router's decision with the models the budget refused: budget_fallback, skipped for `budget`. */
export function withBudgetFallback(
  decision: RoutingDecision | undefined,
  refused: readonly ModelChoice[],
): RoutingDecision | undefined {
  if (!decision) return undefined;
  return {
    ...decision,
    budgetFallback: true,
    skipped: [
      ...decision.skipped,
      ...refused.map(({ provider, model }) => ({ provider, model, reason: 'budget' })),
    ],
  };
}
