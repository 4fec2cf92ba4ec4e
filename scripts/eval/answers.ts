// Offline answer quality (issue 8): asks every question of data/answer-eval/questions.json of the
// extractive answerer, over the fleet's default retrieval of the snapshotted corpora, and checks
// that each answer OPENS with the fact it must state (or says plainly that nothing answers).
//
//   node scripts/eval/answers.ts [--min-good 0.8] [--show]
//
// Prints pass/fail per question and the share of good openings, writes reports/eval-answers.json,
// and exits 1 below the floor. Everything runs in this process (see answer-index.ts).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ExtractiveProvider } from '../../services/generate/src/adapters/extractive/extractive-provider.ts';
import { loadPromptLibrary } from '../../services/generate/src/adapters/prompt-files.ts';
import type { AnswerEvent } from '../../services/generate/src/domain/answer-events.ts';
import { AnswerPipeline } from '../../services/generate/src/domain/answer-pipeline.ts';
import { coalesceTokens } from '../../services/generate/src/domain/coalesce-tokens.ts';
import { ProviderGuard } from '../../services/generate/src/domain/provider-guard.ts';
import { writeReport } from '../bench/report.ts';
import { buildAnswerIndex } from './answer-index.ts';
import { judgeOpening, type EvalQuestion } from './answer-judge.ts';

const { values } = parseArgs({
  options: { 'min-good': { type: 'string' }, show: { type: 'boolean', default: false } },
});
const minGood = values['min-good'] === undefined ? undefined : Number(values['min-good']);
if (minGood !== undefined && !(minGood >= 0 && minGood <= 1)) {
  console.error('--min-good must be a share between 0 and 1, e.g. --min-good 0.8');
  process.exit(2);
}

const root = join(import.meta.dirname, '../../data/answer-eval');
const { questions } = JSON.parse(readFileSync(join(root, 'questions.json'), 'utf8')) as {
  questions: EvalQuestion[];
};
const corpora = [...new Set(questions.map((question) => question.corpus))];

const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-eval-answers-'));
const started = performance.now();
const index = await buildAnswerIndex(root, corpora, dataDir);
const indexSeconds = (performance.now() - started) / 1000;

const results = [];
try {
  for (const question of questions) {
    const pipeline = new AnswerPipeline({
      router: {
        route: async () => ({ chain: [{ provider: 'extractive', model: 'extractive-v1' }], reason: 'eval' }),
      },
      retriever: { search: (query, k) => index.search(question.corpus, query, k) },
      prompts: loadPromptLibrary('rag-answer', 'v3'),
      providers: [new ExtractiveProvider()],
      guard: new ProviderGuard(),
      // generate's GENERATE_TOP_K default
      defaultTopK: 5,
    });
    const request = { query: question.question, k: 0, filters: {}, tier: '', promptVersion: '' };
    const events: AnswerEvent[] = [];
    for await (const event of coalesceTokens(pipeline.answer(request, new AbortController().signal)))
      events.push(event);
    const failure = events.find((event) => event.type === 'error');
    if (failure?.type === 'error') throw new Error(`${question.id}: ${failure.code}: ${failure.message}`);
    const answer = events.flatMap((event) => (event.type === 'token' ? [event.text] : [])).join('');
    const tokenEvents = events.filter((event) => event.type === 'token').length;
    const citations = events.find((event) => event.type === 'citations');
    const sources = citations?.type === 'citations' ? citations.citations.length : 0;
    const verdict = judgeOpening(question, answer);
    // Whether retrieval brought the fact at all: a bad opening without it is retrieval's miss.
    const factRetrieved =
      question.opening !== null && citations?.type === 'citations'
        ? citations.citations.some((citation) => new RegExp(question.opening ?? '', 'iu').test(citation.text))
        : null;
    results.push({ id: question.id, ...verdict, factRetrieved, tokenEvents, sources, answer });
    const mark = verdict.good ? 'good' : factRetrieved === false ? 'BAD*' : 'BAD ';
    console.log(`${mark}  ${question.id.padEnd(24)} ${verdict.opening.slice(0, 110)}`);
    if (values.show) console.log(`      ${answer.replace(/\n/g, '\n      ')}\n`);
  }
} finally {
  await index.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const good = results.filter((result) => result.good).length;
const share = good / results.length;
const file = writeReport('eval-answers', {
  corpora: Object.fromEntries(corpora.map((name) => [name, name])),
  documents: index.documents,
  chunks: index.chunks,
  indexSeconds,
  questions: results.length,
  good,
  share,
  minGood: minGood ?? null,
  results,
});
console.log('(BAD* : the fact was in none of the retrieved passages)');
console.log(
  `\n${good}/${results.length} good openings (${(share * 100).toFixed(1)}%) over ${index.documents} documents, ${index.chunks} chunks; ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
console.log(`report: ${file}`);
if (minGood !== undefined && share < minGood) {
  console.error(`below the floor: ${share.toFixed(3)} < ${minGood}`);
  process.exit(1);
}
