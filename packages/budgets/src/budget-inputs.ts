import { RagfleetError, fieldDetails, type FieldProblem } from '@ragfleet/errors';
import {
  BUDGET_PERIODS,
  SCOPE_KINDS,
  type BudgetDefinition,
  type BudgetPeriod,
  type BudgetScope,
  type ReserveRequest,
} from './budget-store.ts';
import { MAX_USD, toMicros } from './money.ts';

/*
 * Every input of the port is checked here, before any adapter touches storage, so that both
 * adapters refuse exactly the same things with the same INVALID_ARGUMENT and `details.fields`.
 */

/** A reservation outliving a day is a leak, not a long generation. */
export const MAX_RESERVATION_TTL_MS = 24 * 3600_000;
const MAX_ID_LENGTH = 200;

/*
 * Ids become parts of Redis keys and hash fields, where `|` separates kind, period and id: an id
 * with `|` could alias another scope's key, so it is refused (as are control characters).
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_ID = /[|\u0000-\u001f\u007f]/;

class Problems {
  readonly list: FieldProblem[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  throwIfAny(): void {
    if (this.list.length === 0) return;
    const summary = this.list.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
    throw new RagfleetError('INVALID_ARGUMENT', summary, { details: fieldDetails(this.list) });
  }
}

function checkId(problems: Problems, field: string, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0) problems.add(field, 'must be a non-empty string');
  else if (value.length > MAX_ID_LENGTH) problems.add(field, `must be at most ${MAX_ID_LENGTH} characters`);
  else if (FORBIDDEN_IN_ID.test(value)) problems.add(field, 'must not contain | or control characters');
}

function checkUsd(problems: Problems, field: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value))
    problems.add(field, 'must be a finite number of USD');
  else if (value < 0) problems.add(field, 'must not be negative');
  else if (value > MAX_USD) problems.add(field, `must be at most ${MAX_USD} USD`);
}

function checkPeriod(problems: Problems, field: string, value: unknown): void {
  if (!BUDGET_PERIODS.includes(value as BudgetPeriod)) {
    problems.add(field, `must be one of ${BUDGET_PERIODS.join(', ')}`);
  }
}

function checkScopeInto(problems: Problems, field: string, scope: unknown): void {
  if (typeof scope !== 'object' || scope === null) {
    problems.add(field, 'must be an object with tenant and kind');
    return;
  }
  const { tenant, kind, id } = scope as Record<string, unknown>;
  checkId(problems, `${field}.tenant`, tenant);
  if (!SCOPE_KINDS.includes(kind as BudgetScope['kind'])) {
    problems.add(`${field}.kind`, `must be one of ${SCOPE_KINDS.join(', ')}`);
  } else if (kind === 'tenant') {
    if (id !== undefined) problems.add(`${field}.id`, 'must be absent for the tenant scope');
  } else {
    checkId(problems, `${field}.id`, id);
  }
}

/** The scope alone (for reads), normalized to exactly its three fields. */
export function checkedScope(scope: BudgetScope): BudgetScope {
  const problems = new Problems();
  checkScopeInto(problems, 'scope', scope);
  problems.throwIfAny();
  return scope.kind === 'tenant'
    ? { tenant: scope.tenant, kind: 'tenant' }
    : { tenant: scope.tenant, kind: scope.kind, id: scope.id };
}

export function checkedScopeAndPeriod(scope: BudgetScope, period: BudgetPeriod): BudgetScope {
  const problems = new Problems();
  checkScopeInto(problems, 'scope', scope);
  checkPeriod(problems, 'period', period);
  problems.throwIfAny();
  return checkedScope(scope);
}

export function checkedTenant(tenant: string): string {
  const problems = new Problems();
  checkId(problems, 'tenant', tenant);
  problems.throwIfAny();
  return tenant;
}

export interface CheckedDefinition {
  definition: BudgetDefinition;
  limitMicros: number;
}

export function checkedDefinition(definition: BudgetDefinition): CheckedDefinition {
  const problems = new Problems();
  if (typeof definition !== 'object' || definition === null) {
    problems.add('definition', 'must be an object with scope, period and limitUsd');
    problems.throwIfAny();
  }
  checkScopeInto(problems, 'scope', definition.scope);
  checkPeriod(problems, 'period', definition.period);
  checkUsd(problems, 'limitUsd', definition.limitUsd);
  problems.throwIfAny();
  const limitMicros = toMicros(definition.limitUsd);
  return {
    definition: {
      scope: checkedScope(definition.scope),
      period: definition.period,
      limitUsd: limitMicros / 1e6,
    },
    limitMicros,
  };
}

export interface CheckedReserve {
  id: string;
  /** The scopes the reservation is charged to: the tenant, then the key and the user if named. */
  scopes: BudgetScope[];
  amountMicros: number;
  ttlMs: number;
}

export function checkedReserve(request: ReserveRequest): CheckedReserve {
  const problems = new Problems();
  if (typeof request !== 'object' || request === null) {
    problems.add('request', 'must be an object');
    problems.throwIfAny();
  }
  checkId(problems, 'id', request.id);
  checkId(problems, 'tenant', request.tenant);
  if (request.key !== undefined) checkId(problems, 'key', request.key);
  if (request.user !== undefined) checkId(problems, 'user', request.user);
  checkUsd(problems, 'amountUsd', request.amountUsd);
  const ttl = request.ttlMs;
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl <= 0 || ttl > MAX_RESERVATION_TTL_MS) {
    problems.add('ttlMs', `must be a whole number of milliseconds from 1 to ${MAX_RESERVATION_TTL_MS}`);
  }
  problems.throwIfAny();
  const scopes: BudgetScope[] = [{ tenant: request.tenant, kind: 'tenant' }];
  if (request.key !== undefined) scopes.push({ tenant: request.tenant, kind: 'key', id: request.key });
  if (request.user !== undefined) scopes.push({ tenant: request.tenant, kind: 'user', id: request.user });
  return { id: request.id, scopes, amountMicros: toMicros(request.amountUsd), ttlMs: ttl };
}

export function checkedSettle(
  tenant: string,
  id: string,
  actualUsd: number,
): { tenant: string; id: string; actualMicros: number } {
  const problems = new Problems();
  checkId(problems, 'tenant', tenant);
  checkId(problems, 'id', id);
  checkUsd(problems, 'actualUsd', actualUsd);
  problems.throwIfAny();
  return { tenant, id, actualMicros: toMicros(actualUsd) };
}
