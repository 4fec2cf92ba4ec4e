import { describe, expect, it } from '@jest/globals';
import { isRagfleetError, type FieldProblem } from '@ragfleet/errors';
import { loadRulePack } from './load-pack.ts';
import { parseMetricSchema } from '@ragfleet/packs';
import { parseRuleSet } from './rule-set.ts';

const { schema } = loadRulePack('lightning');

function rule(overrides: Record<string, unknown> = {}) {
  return {
    id: 'r1',
    version: 1,
    category: 'liquidity',
    description: 'A rule written for the validation tests.',
    scope: 'channel',
    condition: { lt: ['channel.local_ratio', 0.2] },
    candidate: {
      action: 'rebalance_in',
      target: 'channel:{id}',
      effects: { revenue_delta_fraction: 0.1, effort_steps: 2, risk: 0.2, days_to_value: 3 },
    },
    ...overrides,
  };
}

function problemsOf(input: unknown): FieldProblem[] {
  try {
    parseRuleSet(input, schema);
  } catch (error) {
    if (!isRagfleetError(error)) throw error;
    expect(error.code).toBe('INVALID_ARGUMENT');
    return (error.details as { fields: FieldProblem[] }).fields;
  }
  throw new Error('the rule set was accepted');
}

const set = (...rules: unknown[]) => ({ name: 'test', version: 1, rules });

describe('parseRuleSet', () => {
  it('accepts a valid set, comparing a metric with a number or another metric', () => {
    const parsed = parseRuleSet(
      set(
        rule(),
        rule({ id: 'r2', condition: { gt: ['channel.failed_forwards_30d', 'channel.forwards_30d'] } }),
      ),
      schema,
    );
    expect(parsed.rules.map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('names an unknown metric path', () => {
    expect(problemsOf(set(rule({ condition: { lt: ['channel.local_ration', 0.2] } })))).toEqual([
      { field: 'rules.0.condition.lt.0', message: expect.stringContaining('channel.local_ration') },
    ]);
  });

  it('refuses an unknown metric on the right-hand side, deep in a tree', () => {
    const condition = {
      all: [{ lt: ['channel.fee_ppm', 10] }, { not: { any: [{ gt: ['channel.age_days', 'node.nope'] }] } }],
    };
    expect(problemsOf(set(rule({ condition }))).map((p) => p.field)).toEqual([
      'rules.0.condition.all.1.not.any.0.gt.1',
    ]);
  });

  it('refuses a channel metric in a node rule (a node rule sees no single channel)', () => {
    const bad = rule({ scope: 'node', target: 'node', condition: { lt: ['channel.local_ratio', 0.2] } });
    const withNodeTarget = { ...bad, candidate: { ...bad.candidate, target: 'node' } };
    expect(problemsOf(set(withNodeTarget)).map((p) => p.field)).toEqual(['rules.0.condition.lt.0']);
  });

  it('names a bad operator, a wrong arity and a non-number operand', () => {
    const condition = {
      all: [
        { lessThan: ['channel.fee_ppm', 10] },
        { lt: ['channel.fee_ppm'] },
        { gt: ['channel.fee_ppm', true] },
        {},
      ],
    };
    expect(problemsOf(set(rule({ condition }))).map((p) => p.field)).toEqual([
      'rules.0.condition.all.0.lessThan',
      'rules.0.condition.all.1.lt',
      'rules.0.condition.all.2.gt.1',
      'rules.0.condition.all.3',
    ]);
  });

  it('refuses a condition nested deeper than the bound', () => {
    let condition: unknown = { lt: ['channel.fee_ppm', 10] };
    for (let i = 0; i < 20; i++) condition = { not: condition };
    expect(problemsOf(set(rule({ condition })))).toEqual([
      {
        field: expect.stringMatching(/^rules\.0\.condition(\.not)+$/),
        message: expect.stringContaining('deeper'),
      },
    ]);
  });

  it('names every duplicate id with where the first one is', () => {
    expect(problemsOf(set(rule(), rule({ id: 'r2' }), rule()))).toEqual([
      { field: 'rules.2.id', message: 'duplicate id "r1" (first at rules.0)' },
    ]);
  });

  it('names shape problems by path: risk out of range, missing fields, unknown scope, bad target', () => {
    const badRisk = rule();
    badRisk.candidate = { ...badRisk.candidate, effects: { ...badRisk.candidate.effects, risk: 1.5 } };
    const noDescription: Record<string, unknown> = rule({ id: 'r2' });
    delete noDescription.description;
    const fields = problemsOf(
      set(
        badRisk,
        noDescription,
        rule({ id: 'r3', scope: 'peer' }),
        rule({ id: 'r4', candidate: { ...rule().candidate, target: 'channel' } }),
        rule({ id: 'r5', candidate: { ...rule().candidate, target: 'channel:{peer}' } }),
      ),
    ).map((p) => p.field);
    expect(fields).toEqual([
      'rules.0.candidate.effects.risk',
      'rules.1.description',
      'rules.2.scope',
      'rules.3.candidate.target',
      'rules.4.candidate.target',
    ]);
  });

  it('refuses a set without name, version or rules', () => {
    expect(
      problemsOf({ rules: [] })
        .map((p) => p.field)
        .sort(),
    ).toEqual(['name', 'rules', 'version']);
  });

  it('refuses a malformed metric schema', () => {
    expect(() =>
      parseMetricSchema({ subjectScope: 'node', subject: { 'Bad Name': 'x' }, collections: {} }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('refuses a pack folder that does not exist with INVALID_ARGUMENT, not a crash', () => {
    expect(() => loadRulePack('lightning', '/nonexistent/pack')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
