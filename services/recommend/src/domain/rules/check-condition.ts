import type { FieldProblem } from '@ragfleet/errors';
import { COMPARISON_OPERATORS, isComparisonOperator } from './condition.ts';
import { isReadablePath, type MetricSchema } from '@ragfleet/packs';

/** How deep a condition may nest: rules are read by people, and a bound keeps a hostile set from recursing deep. */
const MAX_DEPTH = 12;

/**
 * Every problem in a condition tree, each at its path (`rules.2.condition.all.1.lt.0`). Written by
 * hand rather than as a zod union because a union's errors name every branch it tried, and an
 * operator of a rule needs the one thing that is wrong.
 */
export function checkCondition(
  value: unknown,
  path: string,
  schema: MetricSchema,
  ruleScope: string,
  depth = 0,
): FieldProblem[] {
  if (depth > MAX_DEPTH) return [{ field: path, message: `nests deeper than ${MAX_DEPTH} levels` }];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field: path, message: 'must be an object with one operator' }];
  }
  const keys = Object.keys(value);
  if (keys.length !== 1) {
    return [{ field: path, message: `must have exactly one operator, has ${keys.length}` }];
  }
  const op = keys[0] as string;
  const operand = (value as Record<string, unknown>)[op];
  const at = `${path}.${op}`;
  if (op === 'all' || op === 'any') {
    if (!Array.isArray(operand) || operand.length === 0) {
      return [{ field: at, message: 'must be a non-empty list of conditions' }];
    }
    return operand.flatMap((child, i) => checkCondition(child, `${at}.${i}`, schema, ruleScope, depth + 1));
  }
  if (op === 'not') return checkCondition(operand, at, schema, ruleScope, depth + 1);
  if (!isComparisonOperator(op)) {
    return [
      {
        field: at,
        message: `unknown operator; use all, any, not or one of ${COMPARISON_OPERATORS.join(', ')}`,
      },
    ];
  }
  if (!Array.isArray(operand) || operand.length !== 2) {
    return [{ field: at, message: 'must be [metric path, number or metric path]' }];
  }
  const [left, right] = operand as [unknown, unknown];
  const problems: FieldProblem[] = [];
  problems.push(...checkPath(left, `${at}.0`, schema, ruleScope));
  if (typeof right === 'string') problems.push(...checkPath(right, `${at}.1`, schema, ruleScope));
  else if (typeof right !== 'number' || !Number.isFinite(right)) {
    problems.push({ field: `${at}.1`, message: 'must be a finite number or a metric path' });
  }
  return problems;
}

function checkPath(value: unknown, field: string, schema: MetricSchema, ruleScope: string): FieldProblem[] {
  if (typeof value !== 'string') return [{ field, message: 'must be a metric path' }];
  if (isReadablePath(schema, ruleScope, value)) return [];
  return [{ field, message: `unknown metric "${value}" for a ${ruleScope} rule` }];
}

/** The metric paths a condition reads, in order of first appearance (the inputs a candidate reports). */
export function pathsOf(condition: unknown): string[] {
  const seen = new Set<string>();
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const [op, operand] of Object.entries(node)) {
      if (op === 'all' || op === 'any') (operand as unknown[]).forEach(walk);
      else if (op === 'not') walk(operand);
      else if (Array.isArray(operand)) {
        for (const side of operand) if (typeof side === 'string') seen.add(side);
      }
    }
  };
  walk(condition);
  return [...seen];
}
