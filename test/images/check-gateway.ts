import { collectFiles, readDocuments } from '../../packages/cli/src/document-readers.ts';
import { GatewayClient, type Job, type RagEvent } from '../../packages/cli/src/gateway-client.ts';
import { checker, type Check } from './checks.ts';

/*
 * The end-to-end check scripts/images.sh runs against a fleet of containers: the checks of
 * test/e2e/fleet.test.ts's first two cases, through the CLI's own gateway client. The project's
 * documentation goes in through the gateway and the job must succeed; a search must find it; a
 * streamed /v1/rag answer must send citations before its tokens, end with done, and cite the page
 * that explains what was asked. Exits 1, saying which step failed, otherwise prints the timings.
 * RAGFLEET_URL names the gateway (RAGFLEET_API_KEY, if set, is sent as the bearer key).
 */

const url = process.env.RAGFLEET_URL;
if (!url) {
  console.error('check-gateway: set RAGFLEET_URL to the gateway (http://127.0.0.1:<port>)');
  process.exit(2);
}
const repo = new URL('../..', import.meta.url).pathname;
const client = new GatewayClient(url, { apiKey: process.env.RAGFLEET_API_KEY || undefined });
const QUESTION = 'How does a retried ingest job avoid duplicating chunks?';
const EXPLAINING_PAGES = ['docs/ingest.md', 'docs/architecture.md'];

const check: Check = checker('check-gateway');

async function waitForJob(id: string, timeoutMs: number): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await client.job(id);
    if (job.state === 'succeeded' || job.state === 'failed' || Date.now() > deadline) return job;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const ingestStarted = performance.now();
const documents = [];
for (const file of await collectFiles(['docs', 'README.md'], repo)) {
  documents.push(...(await readDocuments(file, repo)).filter((document) => document.text.trim() !== ''));
}
const job = await waitForJob((await client.ingest(documents)).id, 120_000);
check(job.state === 'succeeded', `the ingest job ended ${job.state}: ${job.error ?? ''}`);
check(job.documents_done === documents.length, `${job.documents_done} of ${documents.length} documents done`);
const ingestMs = performance.now() - ingestStarted;

const searchStarted = performance.now();
const hits = await client.search('JetStream work queue', { k: 3 });
const searchMs = performance.now() - searchStarted;
check(hits.length > 0, '/v1/search found nothing in the ingested documentation');

const askStarted = performance.now();
let firstTokenMs: number | undefined;
const events: RagEvent[] = [];
for await (const event of client.ask(QUESTION, {})) {
  if (event.type === 'token' && firstTokenMs === undefined) firstTokenMs = performance.now() - askStarted;
  events.push(event);
}
const types = events.map((event) => event.type);
check(
  types.at(-1) === 'done',
  `the answer ended with ${types.at(-1)}, not done: ${JSON.stringify(events.at(-1))}`,
);
check(types.includes('token'), 'the answer streamed no token');
check(
  types.indexOf('citations') >= 0 && types.indexOf('citations') < types.indexOf('token'),
  'citations did not come before the tokens',
);
const answer = events.map((event) => (event.type === 'token' ? event.text : '')).join('');
const cited = new Set([...answer.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1])));
const citations = events.flatMap((event) => (event.type === 'citations' ? event.citations : []));
const citedPages = citations.filter((c) => cited.has(c.index)).map((c) => c.document_id);
check(
  citedPages.some((id) => EXPLAINING_PAGES.includes(id)),
  `the answer cites ${JSON.stringify(citedPages)}, none of ${EXPLAINING_PAGES.join(', ')}: ${answer}`,
);

console.log(
  `check-gateway: ok: ${documents.length} documents ingested in ${Math.round(ingestMs)} ms, ` +
    `search ${Math.round(searchMs)} ms, first token ${Math.round(firstTokenMs ?? -1)} ms, ` +
    `${types.filter((type) => type === 'token').length} token events, cited ${citedPages.join(', ')}`,
);
