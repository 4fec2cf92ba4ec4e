/**
 * Cost accuracy (issue 12): a whole fleet with a priced llama3.2 (the fake Ollama, which reports
 * usage; test/routing/cost-fleet.ts) answers a bounded, class-balanced subset of the labelled
 * questions in data/routing/questions.jsonl through /v1/rag, streamed and whole, a tenth of them
 * twice (cached, at 0). Then it compares, in micro-dollars: the sum of done.cost_usd, the day
 * budget's settled spend, the ledger's total (/v1/usage) and the ledger's tokens recomputed at
 * the catalog's prices. They must be equal; the script exits 1 when they are not.
 *
 *   node scripts/bench/routing-cost.ts            # 60 questions, at most 180 s of asking
 *   ROUTING_COST_QUESTIONS=200 ROUTING_COST_SECONDS=300 node scripts/bench/routing-cost.ts
 *
 * The fake model answers every question with the same few tokens, so what varies from one answer
 * to the next is the prompt (question and retrieved passages): the figure measured is the
 * accounting, not a model's verbosity.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '../../packages/testing/src/index.ts';
import {
  micros,
  recomputedMicros,
  startCostFleet,
  type AnswerOutcome,
} from '../../test/routing/cost-fleet.ts';
import { percentile, writeReport } from './report.ts';

const QUESTION_COUNT = Number(process.env.ROUTING_COST_QUESTIONS ?? 60);
const TIME_LIMIT_MS = Number(process.env.ROUTING_COST_SECONDS ?? 180) * 1000;
/** Every REPEAT_EVERY-th question is asked again: the response cache answers it at no cost. */
const REPEAT_EVERY = 10;
const DAY_BUDGET_USD = 100;

interface LabelledQuestion {
  id: string;
  class: string;
  question: string;
}

const all = readFileSync(join(import.meta.dirname, '../../data/routing/questions.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as LabelledQuestion);
// Evenly spaced over the file, which lists the classes one after another: every class is asked.
const step = Math.max(1, all.length / Math.min(QUESTION_COUNT, all.length));
const subset = Array.from(
  { length: Math.min(QUESTION_COUNT, all.length) },
  (_, index) => all[Math.floor(index * step)]!,
);

const DOCUMENTS = [
  {
    id: 'routing',
    title: 'Routing economics',
    text: 'The router scores each question and picks the cheapest model whose quality clears its class bar; budgets reserve the worst case and settle at the tokens used.',
  },
  {
    id: 'retrieval',
    title: 'Retrieval',
    text: 'Hybrid search fuses BM25 and HNSW vector results; the embedding cache avoids a model call for a text already seen.',
  },
  {
    id: 'ledger',
    title: 'Ledger',
    text: 'Each finished generation is published as generation.completed and appended to the ledger once, by its generation id.',
  },
];

const cost = await startCostFleet({ tenants: ['bench'], documents: DOCUMENTS });
let failed: boolean;
try {
  await cost.setDayBudget('bench', DAY_BUDGET_USD);
  const started = Date.now();
  const asked: Array<AnswerOutcome & { class: string; ms: number }> = [];
  const plan = subset.flatMap((question, index) =>
    index % REPEAT_EVERY === 0 ? [question, question] : [question],
  );
  for (const [index, question] of plan.entries()) {
    if (Date.now() - started > TIME_LIMIT_MS) break;
    const before = performance.now();
    const answer = await cost.ask('bench', question.question, index % 2 === 0);
    asked.push({ ...answer, class: question.class, ms: performance.now() - before });
  }
  const askingMs = Date.now() - started;
  await waitFor(async () => (await cost.usage('bench')).generations === asked.length, 30_000, 100);

  const budget = await cost.dayBudget('bench');
  const usage = await cost.usage('bench');
  const lines = cost.ledger('bench');
  const figures = {
    doneMicros: asked.reduce((sum, answer) => sum + micros(answer.costUsd ?? 0), 0),
    settledMicros: micros(budget.spent_usd),
    ledgerTotalMicros: micros(usage.total_cost_usd),
    ledgerLinesMicros: lines.reduce((sum, line) => sum + micros(line.costUsd), 0),
    recomputedMicros: lines.reduce((sum, line) => sum + recomputedMicros(line, cost.catalog), 0),
    reservedMicrosAfter: micros(budget.reserved_usd),
  };
  const equal =
    new Set([
      figures.doneMicros,
      figures.settledMicros,
      figures.ledgerTotalMicros,
      figures.ledgerLinesMicros,
      figures.recomputedMicros,
    ]).size === 1 && figures.reservedMicrosAfter === 0;
  // Answer by answer: a line whose recorded cost is not its tokens at catalog prices.
  const mismatchedLines = lines.filter(
    (line) => micros(line.costUsd) !== recomputedMicros(line, cost.catalog),
  );
  const byClass: Record<string, { answers: number; micros: number }> = {};
  for (const answer of asked) {
    const entry = (byClass[answer.class] ??= { answers: 0, micros: 0 });
    entry.answers++;
    entry.micros += micros(answer.costUsd ?? 0);
  }
  const latencies = asked.map((answer) => answer.ms).sort((a, b) => a - b);
  const report = {
    questions: subset.length,
    answers: asked.length,
    failedAnswers: asked.filter((answer) => answer.status !== 200 || answer.costUsd === undefined).length,
    cachedAnswers: asked.filter((answer) => answer.cached).length,
    providers: Object.fromEntries(
      [...new Set(asked.map((answer) => `${answer.provider}/${answer.model}`))].map((name) => [
        name,
        asked.filter((answer) => `${answer.provider}/${answer.model}` === name).length,
      ]),
    ),
    ollamaPrices: cost.catalog.find((model) => model.provider === 'ollama'),
    settledUsd: figures.settledMicros / 1e6,
    recomputedFromLedgerUsd: figures.recomputedMicros / 1e6,
    micros: figures,
    equal,
    mismatchedLedgerLines: mismatchedLines.length,
    ledgerLines: lines.length,
    costByClassMicros: byClass,
    answerMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
    askingSeconds: askingMs / 1000,
    timeLimitSeconds: TIME_LIMIT_MS / 1000,
  };
  const file = writeReport('bench-routing-cost', report);
  console.log(JSON.stringify(report, null, 2));
  console.log(
    `settled ${report.settledUsd.toFixed(6)} USD vs recomputed from the ledger ${report.recomputedFromLedgerUsd.toFixed(6)} USD: ${equal ? 'equal' : 'NOT EQUAL'} (${file})`,
  );
  failed = !equal || report.failedAnswers > 0 || mismatchedLines.length > 0;
} finally {
  await cost.stop();
}
process.exit(failed ? 1 : 0);
