import { readFileSync } from 'node:fs';
import { generateDemoNodes } from '../../packages/packs/lightning/demo-nodes.ts';
import { checker, type Check } from './checks.ts';

/*
 * The recommendation half against a fleet of containers, through the gateway as an application
 * would call it (scripts/images.sh runs it after check-gateway.ts): the Lightning handbook in, a
 * demo node with its metrics, its recommendations streamed in order with rule and model
 * candidates, one applied (its measurement scheduled by feedback), and the stats counting it.
 * Exits 1 naming the step that failed. RAGFLEET_URL names the gateway (RAGFLEET_API_KEY, if set,
 * is sent as the bearer key).
 */
const check: Check = checker('check-recommend');
const url = process.env.RAGFLEET_URL;
check(url, 'set RAGFLEET_URL to the gateway (http://127.0.0.1:<port>)');
const started = performance.now();
const headers: Record<string, string> = {
  'content-type': 'application/json',
  ...(process.env.RAGFLEET_API_KEY ? { authorization: `Bearer ${process.env.RAGFLEET_API_KEY}` } : {}),
};

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, text: await response.text() };
}

const handbook = 'packages/packs/lightning/guide/node-operator-handbook.md';
const text = readFileSync(new URL(`../../${handbook}`, import.meta.url), 'utf8');
const ingested = await call('POST', '/v1/documents?wait=true&timeout_ms=120000', {
  documents: [{ id: handbook, title: 'Lightning node operator handbook', text }],
});
check(ingested.status === 200, `ingesting the handbook answered ${ingested.status}: ${ingested.text}`);

const node = generateDemoNodes(17, 1)[0]!;
const created = await call('POST', '/v1/subjects', { id: node.pubkey, pack: 'lightning', name: node.alias });
check(created.status === 201, `POST /v1/subjects answered ${created.status}: ${created.text}`);
const put = await call('PUT', `/v1/subjects/${node.pubkey}/metrics`, {
  metrics: node.metrics.subject,
  collections: node.metrics.collections,
});
check(put.status === 200, `PUT metrics answered ${put.status}: ${put.text}`);

const streamed = await call('GET', `/v1/subjects/${node.pubkey}/recommendations?stream=true`);
check(streamed.status === 200, `the recommendation stream answered ${streamed.status}: ${streamed.text}`);
const events = streamed.text
  .split('\n')
  .filter((line) => line.trim())
  .map(
    (line) =>
      JSON.parse(line) as {
        type: string;
        progress: number;
        recommendations?: Array<{ id: string; source: string }>;
      },
  );
const order = events.map((event) => `${event.type}:${event.progress}`).join(' ');
check(
  order === 'status:0 subject_info:25 rule_recommendations:50 ai_recommendations:90 complete:100',
  `the stream's events were ${order}`,
);
const rules = events.find((event) => event.type === 'rule_recommendations')?.recommendations ?? [];
const model = events.find((event) => event.type === 'ai_recommendations')?.recommendations ?? [];
check(rules.length > 0 && model.length > 0, `${rules.length} rule and ${model.length} model recommendations`);

const first = rules[0]!;
const applied = await call('POST', `/v1/recommendations/${first.id}/applied`, { note: 'images check' });
check(applied.status === 200, `applying ${first.id} answered ${applied.status}: ${applied.text}`);
const due = (JSON.parse(applied.text) as { record: { measure_due_at: string } }).record.measure_due_at;
const stats = JSON.parse((await call('GET', '/v1/feedback/stats')).text) as { overall: { applied: number } };
check(stats.overall.applied >= 1, `the stats count ${stats.overall.applied} applied`);
console.log(
  `check-recommend: ok in ${Math.round(performance.now() - started)} ms: ${rules.length} rule and ` +
    `${model.length} model recommendations in order, one applied (measurement due ${due}), counted`,
);
