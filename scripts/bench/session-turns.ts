// What a conversation costs next to a lone question, measured in ONE fleet run (pnpm
// bench:session): (a) time to the first token of a session turn vs the same question through
// /v1/rag, both NDJSON through the gateway, interleaved one by one; (b) resume: from the resume
// request sent on a new connection to the first replayed event; (c) Redis bytes of a session of
// 50 messages (MEMORY USAGE over its keys); (d) context tokens the session service sent to
// generate with the turn reaching message 10, 50 and 200, read from its
// ragfleet_session_context_tokens histogram around that single turn (the rolling summary must
// keep it flat past the 45-message trigger).
//
// The fleet runs as `pnpm start` runs it (processes, service tokens, offline extractive answers),
// unthrottled, on free ports and the local Redis (REDIS_URL, default redis://127.0.0.1:6379)
// under a prefix of its own, removed at the end. Every loop is bounded in count and by
// BENCH_MAX_SECONDS.
//
// BENCH_STORE=memory runs the session service on its embedded store instead (no Redis for any
// service; (c) is skipped): the difference to a Redis run is what the store's round trips cost.
//
// Env: BENCH_TTFT_REQUESTS (200 per side), BENCH_RESUMES (100), BENCH_MEMORY_SESSIONS (3),
// BENCH_LONG_TURNS (100: the session reaches 200 messages), BENCH_MAX_SECONDS (900).
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFleet, type Fleet } from '../fleet-runner.ts';
import { percentile, writeReport } from './report.ts';
import { RedisCommands } from './session-redis.ts';
import { timedPost, timedReconnect, type StreamedEvent } from './session-streams.ts';

const number = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};
const TTFT_REQUESTS = number('BENCH_TTFT_REQUESTS', 200);
const RESUMES = number('BENCH_RESUMES', 100);
const MEMORY_SESSIONS = number('BENCH_MEMORY_SESSIONS', 3);
const LONG_TURNS = number('BENCH_LONG_TURNS', 100);
const deadline = Date.now() + number('BENCH_MAX_SECONDS', 900) * 1_000;
/** Turns per session in (a): a little history, far from the summary trigger. */
const TURNS_PER_SESSION = 4;
const WARM_UP = 20;
const GOALS = { turnOverheadP50Ms: 3 };
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const onRedis = (process.env.BENCH_STORE ?? 'redis') !== 'memory';
const prefix = `ragfleet:bench:session:${process.pid}_${Date.now().toString(36)}:`;
const log = (message: string) => console.error(`[bench:session] ${message}`);

function inTime(what: string): boolean {
  if (Date.now() < deadline) return true;
  log(`BENCH_MAX_SECONDS reached during ${what}: stopping that phase early`);
  return false;
}

/** The project's own documentation, as the end-to-end test ingests it. */
function corpus() {
  const root = join(import.meta.dirname, '../..');
  const files = ['README.md', ...readdirSync(join(root, 'docs')).map((file) => `docs/${file}`)];
  return files.map((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    return { id: file, title: /^#\s+(.+)$/m.exec(text)?.[1] ?? file, text };
  });
}

/** Standalone questions (no back-reference), so a turn searches for exactly what /v1/rag does. */
const QUESTIONS = [
  'What does the prompt injection guard do?',
  'How does a retried ingest job avoid duplicating chunks?',
  'How are API keys hashed and stored by the gateway?',
  'Which error codes can a client retry safely?',
  'How does the router pick a model for a question?',
  'How does retrieve combine keyword and vector search?',
  'What does the embedding cache keep in Redis?',
  'How does a new index version get built and activated?',
];
const question = (index: number) => QUESTIONS[index % QUESTIONS.length] as string;

const summary = (values: number[]) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return { requests: sorted.length, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
};

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

function gateway(fleet: Fleet) {
  const url = (path: string) => `${fleet.gatewayUrl}${path}`;
  return {
    url,
    createSession: async () =>
      (
        await json<{ session: { id: string } }>(
          await fetch(url('/v1/sessions'), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          }),
        )
      ).session.id,
    turn: async (sessionId: string, message: string) => {
      const timed = await timedPost(url(`/v1/sessions/${sessionId}/turns`), { message }, isToken);
      const last = timed.events.at(-1);
      if (last?.type !== 'done') throw new Error(`a turn ended with ${JSON.stringify(last)}`);
      return timed;
    },
    rag: async (query: string) => {
      const timed = await timedPost(url('/v1/rag'), { query }, isToken);
      if (timed.events.at(-1)?.type !== 'done')
        throw new Error(`/v1/rag ended with ${JSON.stringify(timed.events.at(-1))}`);
      return timed;
    },
  };
}
const isToken = (event: StreamedEvent) => event.type === 'token';

/** The histogram's running sum and count on the session service's /metrics. */
async function contextTokens(fleet: Fleet): Promise<{ sum: number; count: number }> {
  const text = await (await fetch(`http://127.0.0.1:${fleet.ports.session.ops}/metrics`)).text();
  const read = (series: string) =>
    Number(
      new RegExp(`^ragfleet_session_context_tokens_${series}(?:\\{[^}]*\\})? ([0-9.eE+-]+)$`, 'm').exec(
        text,
      )?.[1],
    );
  return { sum: read('sum'), count: read('count') };
}

/** (a) The same question as a session turn and through /v1/rag, one after the other, order alternating. */
async function firstTokenLatency(fleet: Fleet) {
  const api = gateway(fleet);
  const turns: number[] = [];
  const rag: number[] = [];
  const finished: Array<{ sessionId: string; turnId: string; lastSeq: number }> = [];
  let sessionId = '';
  let errors = 0;
  let firstError: string | undefined;
  for (let index = 0; index < WARM_UP + TTFT_REQUESTS && inTime('first-token latency'); index++) {
    if (index % TURNS_PER_SESSION === 0) sessionId = await api.createSession();
    const message = question(index);
    const asTurn = async () => {
      const timed = await api.turn(sessionId, message);
      if (index >= WARM_UP) turns.push(timed.firstMs);
      finished.push({
        sessionId,
        turnId: timed.events[0]?.turn_id ?? '',
        lastSeq: timed.events.at(-1)?.seq ?? 0,
      });
    };
    const asRag = async () => {
      const timed = await api.rag(message);
      if (index >= WARM_UP) rag.push(timed.firstMs);
    };
    try {
      if (index % 2 === 0) await asTurn().then(asRag);
      else await asRag().then(asTurn);
    } catch (error) {
      errors += 1;
      firstError ??= String(error);
      if (errors > 10) throw new Error(`too many failures: ${firstError}`, { cause: error });
    }
  }
  const turn = summary(turns);
  const alone = summary(rag);
  return {
    figures: {
      turn,
      rag: alone,
      differenceP50Ms: turn.p50Ms - alone.p50Ms,
      differenceP99Ms: turn.p99Ms - alone.p99Ms,
      errors,
      ...(firstError ? { firstError } : {}),
    },
    finished,
  };
}

/** (b) Resumes of finished turns after their second event, each on a new connection. */
async function resumeLatency(
  fleet: Fleet,
  finished: Array<{ sessionId: string; turnId: string; lastSeq: number }>,
) {
  const times: number[] = [];
  let replayed = 0;
  for (let index = 0; index < RESUMES && index < finished.length && inTime('resume latency'); index++) {
    const { sessionId, turnId, lastSeq } = finished[finished.length - 1 - index]!;
    const timed = await timedReconnect(
      gateway(fleet).url(`/v1/sessions/${sessionId}/turns/${turnId}/events?after=2`),
    );
    if (timed.events.length !== lastSeq - 2)
      throw new Error(`resume gave ${timed.events.length} events, not ${lastSeq - 2}`);
    replayed += timed.events.length;
    times.push(timed.firstMs);
  }
  return { ...summary(times), eventsPerResume: replayed / Math.max(1, times.length) };
}

/** (c) Redis bytes of sessions of 50 messages (25 turns), by kind of key. */
async function sessionBytes(fleet: Fleet, redis: RedisCommands) {
  const api = gateway(fleet);
  const perSession: Array<Record<string, number>> = [];
  for (let made = 0; made < MEMORY_SESSIONS && inTime('session bytes'); made++) {
    const sessionId = await api.createSession();
    for (let turn = 0; turn < 25 && inTime('session bytes'); turn++)
      await api.turn(sessionId, question(made + turn));
    // The fold after the 45th message runs after its turn answered: let it land.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const bytes: Record<string, number> = {};
    for (const key of await redis.keys(`${prefix}session:`)) {
      const at = key.indexOf(sessionId);
      if (at < 0) continue;
      const rest = key.slice(at + sessionId.length);
      const kind =
        rest === ''
          ? 'session hash'
          : rest === ':messages'
            ? 'messages list'
            : rest === ':owner'
              ? 'owner record (kept a day past expiry, for SESSION_EXPIRED)'
              : rest.startsWith(':turn:')
                ? 'turn event streams (expire 10 min after their turn)'
                : rest.slice(1);
      bytes[kind] = (bytes[kind] ?? 0) + Number(await redis.send('MEMORY', 'USAGE', key, 'SAMPLES', 0));
    }
    perSession.push(bytes);
  }
  const kinds = [...new Set(perSession.flatMap((bytes) => Object.keys(bytes)))];
  const mean = (kind: string) =>
    perSession.reduce((sum, bytes) => sum + (bytes[kind] ?? 0), 0) / perSession.length;
  const byKind = Object.fromEntries(kinds.map((kind) => [kind, Math.round(mean(kind))]));
  const total = Math.round(kinds.reduce((sum, kind) => sum + mean(kind), 0));
  const kept = Math.round(
    kinds.filter((kind) => !kind.startsWith('turn event')).reduce((sum, kind) => sum + mean(kind), 0),
  );
  return {
    sessions: perSession.length,
    messages: 50,
    meanBytes: total,
    meanBytesKept: kept,
    meanBytesByKey: byKind,
  };
}

/** (d) One session of LONG_TURNS turns; the context tokens of each single turn from the histogram. */
async function contextGrowth(fleet: Fleet) {
  const api = gateway(fleet);
  const sessionId = await api.createSession();
  const perTurn: Array<{ messages: number; tokens: number }> = [];
  for (let turn = 1; turn <= LONG_TURNS && inTime('context growth'); turn++) {
    const before = await contextTokens(fleet);
    await api.turn(sessionId, question(turn));
    const after = await contextTokens(fleet);
    if (after.count - before.count !== 1)
      throw new Error(`a turn observed ${after.count - before.count} contexts`);
    perTurn.push({ messages: turn * 2, tokens: after.sum - before.sum });
    // Let a fold that this turn triggered finish before the next turn reads the window.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const at = (messages: number) => perTurn.find((entry) => entry.messages === messages)?.tokens ?? Number.NaN;
  const afterTrigger = perTurn.filter((entry) => entry.messages > 45).map((entry) => entry.tokens);
  return {
    atMessage10: at(10),
    atMessage50: at(50),
    atMessage200: at(200),
    maxAfter45Messages: afterTrigger.length > 0 ? Math.max(...afterTrigger) : Number.NaN,
    perTurn,
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-bench-session-'));
const fleet = await startFleet({
  freePorts: true,
  unthrottled: true,
  dataDir,
  env: {
    LOG_LEVEL: 'warn',
    REDIS_URL: onRedis ? REDIS_URL : '',
    NATS_URL: '',
    SESSION_KEY_PREFIX: `${prefix}session:`,
    GATEWAY_RATE_LIMIT_PREFIX: `${prefix}rl:`,
    GATEWAY_KEYS_PREFIX: `${prefix}keys:`,
    GATEWAY_WS_TICKET_PREFIX: `${prefix}ws:`,
    EMBED_CACHE_PREFIX: `${prefix}embed:`,
    EMBED_WORKERS: '1',
  },
});
const redis = await RedisCommands.open(REDIS_URL);
const report: Record<string, unknown> = {
  goals: GOALS,
  store: onRedis ? 'redis' : 'memory',
  ...(onRedis && { redisPrefix: prefix }),
};
try {
  const documents = corpus();
  log(`ingesting ${documents.length} documents (README and docs/)`);
  await json(
    await fetch(`${fleet.gatewayUrl}/v1/documents?wait=true&timeout_ms=120000`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ documents }),
    }),
  );
  log(
    `(a) first token: ${TTFT_REQUESTS} turns and ${TTFT_REQUESTS} /v1/rag, interleaved (after ${WARM_UP} of each to warm up)`,
  );
  const latency = await firstTokenLatency(fleet);
  report.firstToken = latency.figures;
  log(`(b) resume: ${RESUMES} on new connections`);
  report.resume = await resumeLatency(fleet, latency.finished);
  if (onRedis) {
    log(`(c) Redis bytes: ${MEMORY_SESSIONS} sessions of 50 messages`);
    report.sessionBytes = await sessionBytes(fleet, redis);
  }
  log(`(d) context tokens: one session of ${LONG_TURNS} turns`);
  report.contextTokens = await contextGrowth(fleet);
} finally {
  await fleet.stop();
  const removed = await redis.deleteUnder(prefix).catch(() => 0);
  redis.close();
  log(`removed ${removed} Redis keys under ${prefix}`);
  rmSync(dataDir, { recursive: true, force: true });
}

type Latency = { requests: number; p50Ms: number; p99Ms: number };
const first = report.firstToken as {
  turn: Latency;
  rag: Latency;
  differenceP50Ms: number;
  differenceP99Ms: number;
  errors: number;
};
const resume = report.resume as Latency & { eventsPerResume: number };
const bytes = report.sessionBytes as
  | { meanBytes: number; meanBytesKept: number; meanBytesByKey: Record<string, number>; sessions: number }
  | undefined;
const context = report.contextTokens as {
  atMessage10: number;
  atMessage50: number;
  atMessage200: number;
  maxAfter45Messages: number;
};
const ms = (value: number) => `${value.toFixed(2)} ms`;
const rows: Array<[string, string, string?]> = [
  [
    `turn, first token p50 / p99 (${first.turn.requests})`,
    `${ms(first.turn.p50Ms)} / ${ms(first.turn.p99Ms)}`,
  ],
  [
    `/v1/rag, first token p50 / p99 (${first.rag.requests})`,
    `${ms(first.rag.p50Ms)} / ${ms(first.rag.p99Ms)}`,
  ],
  [
    'a turn adds, p50',
    ms(first.differenceP50Ms),
    `goal < ${GOALS.turnOverheadP50Ms} ms ${first.differenceP50Ms < GOALS.turnOverheadP50Ms ? 'met' : 'MISSED'}`,
  ],
  ['a turn adds, p99', ms(first.differenceP99Ms)],
  [
    `resume to first replayed event p50 / p99 (${resume.requests})`,
    `${ms(resume.p50Ms)} / ${ms(resume.p99Ms)}`,
  ],
  ...(bytes
    ? ([
        [
          `Redis bytes per session of 50 messages (${bytes.sessions})`,
          `${bytes.meanBytes.toLocaleString('en')} B`,
        ],
        ['  of which kept past the turn buffers’ TTL', `${bytes.meanBytesKept.toLocaleString('en')} B`],
        ...Object.entries(bytes.meanBytesByKey).map(
          ([kind, value]) => [`  ${kind}`, `${value.toLocaleString('en')} B`] as [string, string],
        ),
      ] as Array<[string, string]>)
    : []),
  ['context tokens sent at message 10', String(context.atMessage10)],
  ['context tokens sent at message 50', String(context.atMessage50)],
  ['context tokens sent at message 200', String(context.atMessage200)],
  [
    'most context tokens after message 45',
    String(context.maxAfter45Messages),
    Number.isNaN(context.atMessage200)
      ? 'not reached (BENCH_LONG_TURNS < 100)'
      : context.atMessage200 <= context.atMessage50 * 1.25
        ? 'flat: met'
        : 'GROWS',
  ],
];
console.log('');
for (const [what, value, goal] of rows)
  console.log(`${what.padEnd(58)} ${value.padStart(22)}   ${goal ?? ''}`);
const markdown = [
  '# Session benchmark (bench:session)',
  '',
  `${new Date().toISOString()}; one fleet, offline extractive answers, session store: ${onRedis ? `Redis ${REDIS_URL}` : 'embedded memory'}.`,
  '',
  '| figure | value | goal |',
  '| --- | ---: | --- |',
  ...rows.map(([what, value, goal]) => `| ${what.trim()} | ${value} | ${goal ?? ''} |`),
  '',
].join('\n');
const file = writeReport(onRedis ? 'bench-session' : 'bench-session-memory', report);
writeFileSync(file.replace(/\.json$/, '.md'), markdown);
if (first.errors) console.log(`errors in (a): ${first.errors}`);
console.log(`\nreport: ${file} (and .md)`);
