import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@ragfleet/testing';
import {
  micros,
  recomputedMicros,
  startCostFleet,
  type AnswerOutcome,
  type CostFleet,
} from './cost-fleet.ts';

/*
 * Issue 12: the ledger and the budgets reconcile. A whole fleet (processes, service key, local
 * Redis and NATS under names of this run's own) answers twenty different questions, five of them
 * twice (the second from the response cache, at 0), streamed and whole; then what the answers
 * said they cost, what the tenant's day budget settled, what the ledger totals and what the
 * ledger's tokens cost at the catalog's prices are one figure to the micro-dollar, with nothing
 * left reserved. A second tenant's budget fits a few answers: the next falls back to the free
 * model, and its spend never passes the limit.
 */

const TOPICS = [
  'budgets',
  'the ledger',
  'the response cache',
  'circuit breakers',
  'the router',
  'reservations',
  'settlement',
  'the catalog',
  'tiers',
  'fallbacks',
];
const QUESTIONS = TOPICS.flatMap((topic) => [
  `What is ${topic}?`,
  `How does ${topic} affect the cost of an answer?`,
]);
const REPEATED = QUESTIONS.slice(0, 5);
const DOCUMENTS = [
  {
    id: 'budgets',
    title: 'Budgets',
    text: 'Each answer reserves its worst-case cost against the tenant budget and settles at the tokens it used.',
  },
  {
    id: 'ledger',
    title: 'Ledger',
    text: 'Every finished generation lands in the ledger with its tokens and its cost; a cached answer costs nothing.',
  },
];

let cost: CostFleet;
const answers: AnswerOutcome[] = [];

beforeAll(async () => {
  cost = await startCostFleet({ tenants: ['reconcile', 'lean'], documents: DOCUMENTS });
  await cost.setDayBudget('reconcile', 5);
  for (const [index, query] of QUESTIONS.entries())
    answers.push(await cost.ask('reconcile', query, index % 2 === 0));
  for (const [index, query] of REPEATED.entries())
    answers.push(await cost.ask('reconcile', query, index % 2 === 1));
  // generation.completed crosses NATS to the router's ledger after each answer has ended.
  await waitFor(async () => (await cost.usage('reconcile')).generations === answers.length, 20_000, 100);
}, 120_000);

afterAll(async () => {
  await cost?.stop();
}, 30_000);

describe('the ledger and the budgets reconcile', () => {
  it('answers every question, live ones from the priced model and repeats from the cache at 0', () => {
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    const live = answers.slice(0, QUESTIONS.length);
    expect(live.every((answer) => answer.provider === 'ollama' && answer.cached === false)).toBe(true);
    expect(live.every((answer) => micros(answer.costUsd ?? 0) > 0)).toBe(true);
    const repeats = answers.slice(QUESTIONS.length);
    expect(repeats.map((answer) => ({ cached: answer.cached, cost: answer.costUsd }))).toEqual(
      REPEATED.map(() => ({ cached: true, cost: 0 })),
    );
  });

  it("done's costs = the budget's spend = the ledger's total = its tokens at catalog prices, nothing reserved", async () => {
    const answered = answers.reduce((sum, answer) => sum + micros(answer.costUsd ?? 0), 0);
    const budget = await cost.dayBudget('reconcile');
    const usage = await cost.usage('reconcile');
    const lines = cost.ledger('reconcile');
    const recomputed = lines.reduce((sum, line) => sum + recomputedMicros(line, cost.catalog), 0);
    expect(answered).toBeGreaterThan(0);
    expect({
      budgetSpent: micros(budget.spent_usd),
      ledgerTotal: micros(usage.total_cost_usd),
      ledgerLines: lines.reduce((sum, line) => sum + micros(line.costUsd), 0),
      recomputed,
      reserved: micros(budget.reserved_usd),
    }).toEqual({
      budgetSpent: answered,
      ledgerTotal: answered,
      ledgerLines: answered,
      recomputed: answered,
      reserved: 0,
    });
    // One line per answer, cached ones included; the usage route's tokens are the file's.
    expect(lines.length).toBe(answers.length);
    expect(lines.filter((line) => line.cached).length).toBe(REPEATED.length);
    const tokens = (field: 'inputTokens' | 'outputTokens') =>
      lines.reduce((sum, line) => sum + line[field], 0);
    expect({
      input: usage.groups.reduce((sum, group) => sum + group.input_tokens, 0),
      output: usage.groups.reduce((sum, group) => sum + group.output_tokens, 0),
    }).toEqual({ input: tokens('inputTokens'), output: tokens('outputTokens') });
  });

  it('a budget that fits a few answers: the next falls back to the free model, and spend stays within it', async () => {
    // One answer reserves its prompt plus 256 output tokens (~0.4 m$) and settles far less (~0.1 m$).
    const limitUsd = 0.0012;
    await cost.setDayBudget('lean', limitUsd);
    const lean: AnswerOutcome[] = [];
    for (const [index, query] of QUESTIONS.entries()) {
      const answer = await cost.ask('lean', query, index % 2 === 0);
      lean.push(answer);
      if (answer.provider !== 'ollama') break;
    }
    const priced = lean.filter((answer) => answer.provider === 'ollama');
    const last = lean.at(-1)!;
    expect(priced.length).toBeGreaterThanOrEqual(2);
    expect(last).toMatchObject({ status: 200, provider: 'extractive', costUsd: 0 });
    // The router saw it would not fit (budget_fallback), or generate's reservation was refused (a budget status).
    expect(last.budgetFallback === true || last.budgetStatuses > 0).toBe(true);
    const budget = await cost.dayBudget('lean');
    expect(micros(budget.spent_usd)).toBe(
      priced.reduce((sum, answer) => sum + micros(answer.costUsd ?? 0), 0),
    );
    expect(micros(budget.spent_usd)).toBeLessThanOrEqual(micros(limitUsd));
    expect(micros(budget.reserved_usd)).toBe(0);
  });
});
