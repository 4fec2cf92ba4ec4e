// Prompt-injection guard quality on the committed sets: detection per attack class and overall
// (the set written before the patterns and the two held out after them), false positives on
// ordinary questions (written near the patterns, plus the 225 Cranfield queries) and on documents
// (injected passages, ordinary passages, the 1,398 Cranfield abstracts), with every miss and
// false positive listed; writes reports/prompt-guard.json.
//
//   node scripts/eval/prompt-guard.ts            (pnpm eval:guard)
//   node scripts/eval/prompt-guard.ts --quiet    figures only, no lists
import { parseArgs } from 'node:util';
import { inspectText } from '../../packages/prompt-guard/src/index.ts';
import {
  ATTACK_SETS,
  BENIGN_SETS,
  cranfieldAbstracts,
  cranfieldQuestions,
  readPassages,
  readSamples,
  type Sample,
} from '../../packages/prompt-guard/src/evaluation/datasets.ts';
import {
  measureDetection,
  measureFalsePositives,
  type DetectionReport,
  type FalsePositiveReport,
} from '../../packages/prompt-guard/src/evaluation/measure.ts';
import { writeReport } from '../bench/report.ts';

const { values } = parseArgs({ options: { quiet: { type: 'boolean', default: false } } });

const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;
const shown = (text: string) => JSON.stringify(text.length > 110 ? `${text.slice(0, 107)}...` : text);

function printDetection(title: string, report: DetectionReport): void {
  console.log(`\n${title}: ${report.hits}/${report.total} flagged (${percent(report.rate)})`);
  for (const [name, rate] of Object.entries(report.byClass)) {
    console.log(`  ${name.padEnd(22)} ${`${rate.hits}/${rate.total}`.padStart(7)}  ${percent(rate.rate)}`);
  }
  if (!values.quiet)
    for (const miss of report.misses) console.log(`  MISS ${miss.id} [${miss.class}] ${shown(miss.text)}`);
}

function printFalsePositives(title: string, report: FalsePositiveReport): void {
  console.log(
    `${title.padEnd(46)} ${`${report.hits}/${report.total}`.padStart(9)} flagged (${percent(report.rate)})`,
  );
  if (values.quiet) return;
  for (const sample of report.flagged) {
    console.log(`  FLAGGED ${sample.id} ${shown(sample.text)} <- ${sample.patterns.join(', ')}`);
  }
}

const detection = Object.fromEntries(
  ATTACK_SETS.map((name) => [name, measureDetection(readSamples(name), inspectText)]),
);
const allAttacks = measureDetection(ATTACK_SETS.flatMap(readSamples), inspectText);
for (const [name, report] of Object.entries(detection)) printDetection(`Attacks, ${name}.jsonl`, report);
console.log(`\nAll attacks: ${allAttacks.hits}/${allAttacks.total} flagged (${percent(allAttacks.rate)})`);

console.log('\nFalse positives');
const written = BENIGN_SETS.flatMap(readSamples);
const questions = {
  written: measureFalsePositives(written, inspectText),
  cranfield: measureFalsePositives(cranfieldQuestions(), inspectText),
  all: measureFalsePositives([...written, ...cranfieldQuestions()], inspectText),
};
printFalsePositives('  questions written near the patterns', questions.written);
printFalsePositives('  Cranfield queries', questions.cranfield);
printFalsePositives('  all ordinary questions', questions.all);

const passages = readPassages().map((passage): Sample & { kind: string } => ({
  ...passage,
  text: `${passage.title}\n${passage.text}`,
}));
const abstracts = cranfieldAbstracts();
const started = performance.now();
const documentFalsePositives = measureFalsePositives(abstracts, inspectText);
const seconds = (performance.now() - started) / 1000;
const characters = abstracts.reduce((sum, abstract) => sum + abstract.text.length, 0);
const documents = {
  injected: measureDetection(
    passages.filter((passage) => passage.kind === 'injected'),
    inspectText,
  ),
  ordinary: measureFalsePositives(
    passages.filter((passage) => passage.kind === 'benign'),
    inspectText,
  ),
  cranfield: documentFalsePositives,
};
printFalsePositives('  ordinary passages near the patterns', documents.ordinary);
printFalsePositives('  Cranfield abstracts', documents.cranfield);
printDetection('Injected passages (documents)', documents.injected);

const throughput = {
  documents: abstracts.length,
  characters,
  seconds: Number(seconds.toFixed(3)),
  perDocumentMs: Number(((seconds * 1000) / abstracts.length).toFixed(3)),
  charactersPerSecond: Math.round(characters / seconds),
};
console.log(
  `\nSpeed: ${abstracts.length} abstracts (${characters} characters) in ${throughput.seconds} s, ` +
    `${throughput.perDocumentMs} ms per abstract, ${throughput.charactersPerSecond} characters/s`,
);

const file = writeReport('prompt-guard', {
  detection: { ...detection, all: allAttacks },
  falsePositives: { questions, documents: { ordinary: documents.ordinary, cranfield: documents.cranfield } },
  injectedPassages: documents.injected,
  throughput,
});
console.log(`\nwrote ${file}`);
