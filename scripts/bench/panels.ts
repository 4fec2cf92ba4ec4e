// Panel latency against its slowest specialist and the sum of all four, p50/p99: the four
// specialists run at once over one retrieval, so a panel should take about its slowest one.
// Each specialist's model is the fake Ollama (packages/testing) behind a proxy that holds each
// specialist's answer back by its own delay (base + seeded jitter). Run:
//   node scripts/bench/panels.ts
// Env: BENCH_PANELS (60), BENCH_JITTER_MS (40), BENCH_SEED (7).
import { startFakeOllama } from '../../packages/testing/src/index.ts';
import { OllamaProvider } from '../../services/generate/src/adapters/ollama-provider.ts';
import { ProviderGuard } from '../../services/generate/src/domain/provider-guard.ts';
import { loadPanelPrompts } from '../../services/generate/src/panels/panel-prompts.ts';
import { PanelRunner } from '../../services/generate/src/panels/panel-runner.ts';
import { SPECIALISTS } from '../../services/generate/src/panels/panel-specialists.ts';
import { startPlanningProxy } from '../../services/generate/test/panel-ollama-proxy.ts';
import { percentile, writeReport } from './report.ts';
import { seededRandom } from './vector/datasets.ts';

const number = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`);
  return value;
};
const panels = number('BENCH_PANELS', 60);
const jitterMs = number('BENCH_JITTER_MS', 40);
const random = seededRandom(number('BENCH_SEED', 7));
// What each specialist's model takes before answering: the answer is the longest to write.
const BASE_MS: Record<string, number> = { answer: 120, risks: 80, 'next-questions': 60, decision: 100 };

const ollama = await startFakeOllama();
ollama.setChatBehavior({ mode: 'ok', tokens: ['The', ' sources', ' agree', ' [1].', '\nSCORE: 70'] });
const proxy = await startPlanningProxy(ollama.url);
proxy.setPlan((call) => ({ delayMs: (BASE_MS[call.specialist ?? ''] ?? 0) + random() * jitterMs }));
const runner = new PanelRunner({
  router: { route: async () => ({ chain: [{ provider: 'ollama', model: 'llama3.2' }], reason: 'bench' }) },
  retriever: {
    search: async () => [
      {
        documentId: 'handbook',
        chunkId: 'handbook#0',
        title: 'handbook.md',
        text: 'A rollout advances while its error rate stays under 1 % and rolls back otherwise.',
        score: 0.8,
        start: 0,
        end: 80,
      },
    ],
  },
  prompts: loadPanelPrompts('v1'),
  providers: [new OllamaProvider({ host: proxy.url })],
  guard: new ProviderGuard({ retries: 0, breakerThreshold: 1_000 }),
  defaultTopK: 1,
});

const rows: Array<{ elapsedMs: number; slowestMs: number; sumMs: number }> = [];
// One panel first, not counted: the first one pays for connections and module warm-up.
for (let i = -1; i < panels; i++) {
  for await (const event of runner.run(
    { query: 'Should the candidate roll out?', k: 0, filters: {}, tier: 'standard', promptVersion: '' },
    SPECIALISTS,
    AbortSignal.timeout(30_000),
  )) {
    if (event.type === 'panel_result' && i >= 0)
      rows.push({ elapsedMs: event.elapsedMs, slowestMs: event.slowestMs, sumMs: event.sumMs });
    if (event.type === 'error') throw new Error(`panel failed: ${event.code} ${event.message}`);
  }
}
await proxy.close();
await ollama.close();

const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: +percentile(sorted, 50).toFixed(1), p99: +percentile(sorted, 99).toFixed(1) };
};
const report = {
  panels: rows.length,
  specialists: SPECIALISTS.length,
  delaysMs: { base: BASE_MS, jitter: jitterMs },
  elapsedMs: summary(rows.map((row) => row.elapsedMs)),
  slowestMs: summary(rows.map((row) => row.slowestMs)),
  sumMs: summary(rows.map((row) => row.sumMs)),
  overheadOverSlowestMs: summary(rows.map((row) => row.elapsedMs - row.slowestMs)),
};
console.table([
  { measure: 'panel (elapsed)', ...report.elapsedMs },
  { measure: 'slowest specialist', ...report.slowestMs },
  { measure: 'sum of specialists', ...report.sumMs },
  { measure: 'elapsed - slowest', ...report.overheadOverSlowestMs },
]);
console.log(`report: ${writeReport('panels', report)}`);
