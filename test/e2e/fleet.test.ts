import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniqueSuffix } from '@ragfleet/testing';
import { readServiceCredentials } from '../../packages/config/src/index.ts';
import { generateDemoNodes } from '../../packages/packs/lightning/demo-nodes.ts';
import {
  EmbedClient,
  GenerateClient,
  RecommendClient,
  RetrieveClient,
  RouterClient,
  SubjectClient,
  Transport,
  outgoingMetadata,
} from '../../packages/grpc/src/index.ts';
import type { RetrieveV1 } from '../../packages/protos/src/index.ts';
import { runWithRequestContext } from '../../packages/telemetry/src/index.ts';
import { startFleet, type Fleet } from '../../scripts/fleet-runner.ts';

/**
 * The whole fleet as separate processes against real Redis and NATS JetStream, authenticated as
 * `pnpm start` runs it (a service key made for the run): the project's own documentation goes in
 * through the gateway, a streamed answer must cite the right file, and no service port serves a
 * caller without the fleet's token.
 */
const repo = join(import.meta.dirname, '../..');
const namespace = `e2e_${uniqueSuffix()}`;
const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-e2e-'));
const logs: string[] = [];
let fleet: Fleet;
/** Clear keys whose hashes are in fixtures/api-keys.yaml: tenant e2e-a and tenant e2e-b. */
const KEY_A = 'rf_e2e_tenant_a_key_0123456789';
const KEY_B = 'rf_e2e_tenant_b_key_0123456789';
/** A second user (mallory) of tenant e2e-a: same tenant as A, not A's sessions. */
const KEY_A_OTHER_USER = 'rf_e2e_tenant_a_other_user_0123';
/** An operator's key with the admin scope (experiments, rollouts, prompts). */
const KEY_ADMIN = 'rf_e2e_admin_key_0123456789abcd';

interface NdjsonEvent {
  type: string;
  seq?: number;
  turn_id?: string;
  citations?: Array<{ index: number; document_id: string }>;
  text?: string;
  error?: { code: string };
}

function ndjson(text: string): NdjsonEvent[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as NdjsonEvent);
}

/** The documents an answer cites by their [n] markers, most cited first. */
function citedDocuments(events: NdjsonEvent[]): string[] {
  const citations = events.find((event) => event.type === 'citations')?.citations ?? [];
  const answer = events
    .filter((event) => event.type === 'token')
    .map((event) => event.text)
    .join('');
  const counts = new Map<string, number>();
  for (const match of answer.matchAll(/\[(\d+)\]/g)) {
    const document = citations.find((c) => c.index === Number(match[1]))?.document_id;
    if (document) counts.set(document, (counts.get(document) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([document]) => document);
}

function corpus() {
  const files = ['README.md', ...readdirSync(join(repo, 'docs')).map((file) => `docs/${file}`)];
  return files.map((file) => {
    const text = readFileSync(join(repo, file), 'utf8');
    const title = /^#\s+(.+)$/m.exec(text)?.[1] ?? file;
    return { id: file, title, text };
  });
}

/** As tenant A unless the headers say otherwise. */
async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${fleet.gatewayUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY_A}`, ...headers },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  fleet = await startFleet({
    freePorts: true,
    dataDir,
    readyTimeoutMs: 90_000,
    env: {
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      NATS_URL: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
      NATS_NAMESPACE: namespace,
      EMBED_CACHE_PREFIX: `ragfleet:e2e:${namespace}:`,
      EMBED_WORKERS: '1',
      GATEWAY_API_KEYS_FILE: join(import.meta.dirname, 'fixtures/api-keys.yaml'),
      GATEWAY_RATE_LIMIT_PREFIX: `ragfleet:e2e:${namespace}:rl:`,
      GATEWAY_KEYS_PREFIX: `ragfleet:e2e:${namespace}:keys:`,
      // With REDIS_URL set the session service keeps conversations in Redis: under this run's prefix.
      SESSION_KEY_PREFIX: `ragfleet:e2e:${namespace}:session:`,
      // Experiments, rollouts and the shadow budget live in Redis too: under this run's prefix.
      EXPERIMENTS_PREFIX: `ragfleet:e2e:${namespace}:experiments:`,
      GENERATE_SHADOW_PREFIX: `ragfleet:e2e:${namespace}:shadow:`,
      LOG_LEVEL: 'warn',
    },
    logSink: (service, line) => {
      logs.push(`${service}: ${line}`);
    },
  });
}, 120_000);

afterAll(async () => {
  await fleet?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  await deleteStreams();
}, 60_000);

async function deleteStreams(): Promise<void> {
  const { connect } = await import('@nats-io/transport-node');
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const connection = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
  const manager = await jetstreamManager(connection);
  for (const name of [`RAGFLEET_INGEST_${namespace}`, `RAGFLEET_EVENTS_${namespace}`]) {
    await manager.streams.delete(name).catch(() => false);
  }
  await connection.close();
}

describe('the fleet end to end', () => {
  it('ingests the documentation through the gateway and waits for the job', async () => {
    const documents = corpus();
    const response = await post('/v1/documents?wait=true&timeout_ms=90000', { documents });
    const body = (await response.json()) as {
      job: { state: string; documents_done: number; chunks_indexed: number };
    };
    if (response.status !== 200)
      throw new Error(
        `ingest answered ${response.status}: ${JSON.stringify(body)}\n${logs.slice(-30).join('\n')}`,
      );
    expect(body.job.state).toBe('succeeded');
    expect(body.job.documents_done).toBe(documents.length);
    expect(body.job.chunks_indexed).toBeGreaterThanOrEqual(documents.length);
  }, 120_000);

  it('streams a cited NDJSON answer that cites the document the question is about', async () => {
    const response = await post(
      '/v1/rag',
      { query: 'How does a retried ingest job avoid duplicating chunks?' },
      { accept: 'application/x-ndjson' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const events = (await response.text())
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as NdjsonEvent);
    const types = events.map((event) => event.type);
    expect(types.at(-1)).toBe('done');
    expect(types).toContain('token');
    expect(types.indexOf('citations')).toBeLessThan(types.indexOf('token'));
    const citations = events.find((event) => event.type === 'citations')?.citations ?? [];
    const answer = events
      .filter((event) => event.type === 'token')
      .map((event) => event.text)
      .join('');
    // The answer must quote a source by its marker, and cite a page that explains it: the ingest
    // guide, or the architecture page's summary of the same flow.
    const cited = [...answer.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
    expect(cited.length).toBeGreaterThan(0);
    const citedDocuments = citations.filter((c) => cited.includes(c.index)).map((c) => c.document_id);
    expect(
      citedDocuments.filter((id) => ['docs/ingest.md', 'docs/architecture.md'].includes(id)),
    ).not.toEqual([]);
  }, 60_000);

  describe('a conversation through the gateway', () => {
    let sessionId = '';
    let firstTurnId = '';
    const turns: NdjsonEvent[][] = [];

    async function turn(message: string): Promise<NdjsonEvent[]> {
      const response = await post(
        `/v1/sessions/${sessionId}/turns`,
        { message },
        { accept: 'application/x-ndjson' },
      );
      expect(response.status).toBe(200);
      const events = ndjson(await response.text());
      if (events.at(-1)?.type !== 'done')
        throw new Error(`the turn "${message}" ended with ${JSON.stringify(events.at(-1))}`);
      // Every event of a turn is numbered 1..N, in order, started first.
      if (events.some((event, index) => event.seq !== index + 1))
        throw new Error(`the turn's events are not numbered 1..N: ${JSON.stringify(events)}`);
      expect(events[0]?.type).toBe('started');
      turns.push(events);
      return events;
    }

    it('holds three turns whose follow-up ("its drawbacks") retrieves the document of the first', async () => {
      const created = await post('/v1/sessions', { title: 'prompt guard' });
      expect(created.status).toBe(201);
      sessionId = ((await created.json()) as { session: { id: string } }).session.id;
      const retrieved = (events: NdjsonEvent[]) =>
        (events.find((event) => event.type === 'citations')?.citations ?? []).map((c) => c.document_id);

      const first = await turn('What does the prompt injection guard do?');
      firstTurnId = first[0]?.turn_id ?? '';
      expect(citedDocuments(first)[0]).toBe('docs/prompt-guard.md');

      // Nothing in this message names the topic: only the conversation can find it. Asked alone
      // (/v1/rag), the same words do not retrieve the guard's page.
      const followUp = await turn('What about its drawbacks?');
      expect(retrieved(followUp)).toContain('docs/prompt-guard.md');
      const alone = await post(
        '/v1/rag',
        { query: 'What about its drawbacks?' },
        { accept: 'application/x-ndjson' },
      );
      expect(retrieved(ndjson(await alone.text()))).not.toContain('docs/prompt-guard.md');

      const third = await turn('How is it configured?');
      expect(third.filter((event) => event.type === 'token').length).toBeGreaterThan(0);
      expect(citedDocuments(third).length).toBeGreaterThan(0);

      // The session holds the six messages, each reply as it was streamed.
      const read = await fetch(`${fleet.gatewayUrl}/v1/sessions/${sessionId}`, {
        headers: { authorization: `Bearer ${KEY_A}` },
      });
      expect(read.status).toBe(200);
      const { session, messages } = (await read.json()) as {
        session: { message_count: number };
        messages: Array<{ role: string; text: string; status: string }>;
      };
      expect(session.message_count).toBe(6);
      const replies = messages.filter((message) => message.role === 'assistant').map((m) => m.text);
      const streamed = turns.map((events) =>
        events
          .filter((event) => event.type === 'token')
          .map((event) => event.text)
          .join(''),
      );
      expect([...replies].sort()).toEqual([...streamed].sort());
      expect(messages.every((message) => message.status === 'done')).toBe(true);
    }, 60_000);

    it('hides the conversation from another user of the tenant and from another tenant, on every route', async () => {
      expect(sessionId).not.toBe('');
      const routes: Array<[string, string, unknown?]> = [
        ['GET', `/v1/sessions/${sessionId}`],
        ['POST', `/v1/sessions/${sessionId}/turns`, { message: 'What did alice ask?' }],
        ['GET', `/v1/sessions/${sessionId}/turns/${firstTurnId}/events?after=0`],
        ['DELETE', `/v1/sessions/${sessionId}`],
      ];
      for (const stranger of [KEY_A_OTHER_USER, KEY_B]) {
        for (const [method, path, body] of routes) {
          const response = await fetch(`${fleet.gatewayUrl}${path}`, {
            method,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${stranger}` },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          });
          const { error } = (await response.json()) as { error: { code: string } };
          expect({ method, path, status: response.status, code: error.code }).toEqual({
            method,
            path,
            status: 404,
            code: 'SESSION_NOT_FOUND',
          });
        }
        const listed = await fetch(`${fleet.gatewayUrl}/v1/sessions`, {
          headers: { authorization: `Bearer ${stranger}` },
        });
        expect(listed.status).toBe(200);
        const { sessions } = (await listed.json()) as { sessions: Array<{ id: string }> };
        expect(sessions.map((entry) => entry.id)).not.toContain(sessionId);
      }
      // Untouched by the strangers: still A's, with its six messages and a replayable first turn.
      const own = await fetch(`${fleet.gatewayUrl}/v1/sessions/${sessionId}`, {
        headers: { authorization: `Bearer ${KEY_A}` },
      });
      expect(((await own.json()) as { session: { message_count: number } }).session.message_count).toBe(6);
      const replay = await fetch(
        `${fleet.gatewayUrl}/v1/sessions/${sessionId}/turns/${firstTurnId}/events?after=0`,
        { headers: { authorization: `Bearer ${KEY_A}` } },
      );
      expect(replay.status).toBe(200);
      expect(ndjson(await replay.text()).map((event) => event.seq)).toEqual(turns[0]?.map((e) => e.seq));
    }, 30_000);
  });

  describe('recommendations', () => {
    const asA = { authorization: `Bearer ${KEY_A}` };
    const node = generateDemoNodes(11, 1)[0]!;
    let recommendationId = '';

    it('streams scored rule and model recommendations for a demo node, each recorded and published', async () => {
      const handbook = 'packages/packs/lightning/guide/node-operator-handbook.md';
      const ingested = await post('/v1/documents?wait=true&timeout_ms=60000', {
        documents: [
          {
            id: handbook,
            title: 'Lightning node operator handbook',
            text: readFileSync(join(repo, handbook), 'utf8'),
          },
        ],
      });
      expect(ingested.status).toBe(200);
      expect(
        (await post('/v1/subjects', { id: node.pubkey, pack: 'lightning', name: node.alias })).status,
      ).toBe(201);
      const put = await fetch(`${fleet.gatewayUrl}/v1/subjects/${node.pubkey}/metrics`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...asA },
        body: JSON.stringify({ metrics: node.metrics.subject, collections: node.metrics.collections }),
      });
      expect(put.status).toBe(200);

      const response = await fetch(`${fleet.gatewayUrl}/v1/subjects/${node.pubkey}/recommendations`, {
        headers: { accept: 'application/x-ndjson', ...asA },
      });
      expect(response.status).toBe(200);
      const events = (await response.text())
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(events.map((event) => [event.type, event.progress])).toEqual([
        ['status', 0],
        ['subject_info', 25],
        ['rule_recommendations', 50],
        ['ai_recommendations', 90],
        ['complete', 100],
      ]);
      type Recommendation = {
        id: string;
        source: string;
        score: number;
        grounding: string[];
        weights_version: string;
      };
      const batch = (type: string) =>
        (events.find((event) => event.type === type)?.recommendations ?? []) as Recommendation[];
      const rules = batch('rule_recommendations');
      const model = batch('ai_recommendations');
      expect(rules.length).toBeGreaterThan(0);
      // The offline suggester grounds its suggestions in the handbook just ingested.
      expect(model.length).toBeGreaterThan(0);
      expect(model.every((r) => r.source === 'model' && r.grounding.includes(handbook))).toBe(true);
      expect(rules.map((r) => r.score)).toEqual([...rules.map((r) => r.score)].sort((a, b) => b - a));
      expect(events.at(-1)?.total).toBe(rules.length + model.length);
      recommendationId = rules[0]!.id;

      // Recorded by feedback before it was sent, and on JetStream as recommendations.generated.
      const record = await fetch(`${fleet.gatewayUrl}/v1/recommendations/${recommendationId}`, {
        headers: asA,
      });
      expect(((await record.json()) as { record: { stage: string } }).record.stage).toBe('generated');
      const { connect } = await import('@nats-io/transport-node');
      const { jetstreamManager } = await import('@nats-io/jetstream');
      const connection = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
      try {
        const manager = await jetstreamManager(connection);
        const info = await manager.streams.info(`RAGFLEET_EVENTS_${namespace}`, {
          subjects_filter: `ragfleet.events.${namespace}.recommendations.generated`,
        });
        const published = Object.values(info.state.subjects ?? {}).reduce((sum, count) => sum + count, 0);
        expect(published).toBe(rules.length + model.length);
      } finally {
        await connection.close();
      }
    }, 90_000);

    it('moves a recommendation through its lifecycle, refuses a forbidden move, and counts it', async () => {
      expect(recommendationId).not.toBe('');
      const move = (to: string, headers = asA) =>
        fetch(`${fleet.gatewayUrl}/v1/recommendations/${recommendationId}/${to}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ note: `marked ${to}` }),
        });
      expect((await move('shown')).status).toBe(200);
      const applied = await move('applied');
      expect(applied.status).toBe(200);
      const { record } = (await applied.json()) as { record: { stage: string; measure_due_at: string } };
      expect(record.stage).toBe('applied');
      expect(Date.parse(record.measure_due_at) - Date.now()).toBeGreaterThan(6 * 86_400_000);
      const dismissed = await move('dismissed');
      expect(dismissed.status).toBe(409);
      expect(((await dismissed.json()) as { error: { code: string } }).error.code).toBe(
        'FAILED_PRECONDITION',
      );
      const stats = await fetch(`${fleet.gatewayUrl}/v1/feedback/stats`, { headers: asA });
      const { overall } = (await stats.json()) as { overall: { applied: number; generated: number } };
      expect(overall.applied).toBe(1);
      expect(overall.generated).toBeGreaterThan(1);
      const rated = await post(`/v1/answers/e2e-answer-1/feedback`, { rating: 'up', kind: 'rag' });
      expect(rated.status).toBe(201);
    }, 30_000);

    it('hides subjects and recommendations from another tenant, and refuses NaN metrics', async () => {
      const asB = { authorization: `Bearer ${KEY_B}` };
      for (const path of [`/v1/subjects/${node.pubkey}`, `/v1/recommendations/${recommendationId}`]) {
        const response = await fetch(`${fleet.gatewayUrl}${path}`, { headers: asB });
        expect({ path, status: response.status }).toEqual({ path, status: 404 });
      }
      const moved = await post(`/v1/recommendations/${recommendationId}/dismissed`, {}, asB);
      expect(moved.status).toBe(404);
      const bad = await fetch(`${fleet.gatewayUrl}/v1/subjects/${node.pubkey}/metrics`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...asA },
        body: JSON.stringify({ metrics: { capacity_sat: 'NaN' } }),
      });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('INVALID_ARGUMENT');
    }, 30_000);
  });

  it('keeps one tenant from searching, reading or deleting another tenant documents', async () => {
    const own = await post('/v1/search', { query: 'JetStream work queue', k: 3 });
    expect(((await own.json()) as { hits: unknown[] }).hits.length).toBeGreaterThan(0);
    const asB = { authorization: `Bearer ${KEY_B}` };
    const other = await post('/v1/search', { query: 'JetStream work queue', k: 3 }, asB);
    expect(other.status).toBe(200);
    expect(((await other.json()) as { hits: unknown[] }).hits).toEqual([]);
    const document = `${fleet.gatewayUrl}/v1/documents/${encodeURIComponent('docs/ingest.md')}`;
    expect((await fetch(document, { headers: asB })).status).toBe(404);
    expect((await fetch(document, { method: 'DELETE', headers: asB })).status).toBe(404);
    expect((await fetch(document, { headers: { authorization: `Bearer ${KEY_A}` } })).status).toBe(200);
    // The tenant header no longer picks the tenant once auth is on.
    const smuggled = await post(
      '/v1/search',
      { query: 'JetStream work queue' },
      { ...asB, 'x-tenant-id': 'e2e-a' },
    );
    expect(smuggled.status).toBe(403);
  }, 30_000);

  it('refuses callers without a valid key', async () => {
    const anonymous = await fetch(`${fleet.gatewayUrl}/v1/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'JetStream' }),
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
    const wrong = await post('/v1/search', { query: 'JetStream' }, { authorization: 'Bearer rf_wrong' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('x-ratelimit-limit')).toBeNull();
    const allowed = await post('/v1/search', { query: 'JetStream' });
    // The window closest to running out speaks: here the daily 1000 per user, below 3000 per minute.
    expect(allowed.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(Number(allowed.headers.get('x-ratelimit-remaining'))).toBeLessThan(1000);
    expect(Number(allowed.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
  });

  it('refuses a direct gRPC call to any service port without a service token', async () => {
    const address = (service: 'embed' | 'retrieve' | 'router' | 'generate' | 'recommend' | 'feedback') =>
      `127.0.0.1:${fleet.ports[service].grpc}`;
    const embed = new EmbedClient(address('embed'));
    const retrieve = new RetrieveClient(address('retrieve'));
    const router = new RouterClient(address('router'));
    const generate = new GenerateClient(address('generate'));
    const recommend = new RecommendClient(address('recommend'));
    const subjects = new SubjectClient(address('feedback'));
    try {
      const unauthenticated = { code: 'UNAUTHENTICATED' };
      await expect(embed.listModels()).rejects.toMatchObject(unauthenticated);
      await expect(retrieve.search({ query: 'JetStream work queue', k: 3 })).rejects.toMatchObject(
        unauthenticated,
      );
      await expect(router.listModels()).rejects.toMatchObject(unauthenticated);
      await expect(generate.answer({ query: 'What is ragfleet?' }).next()).rejects.toMatchObject(
        unauthenticated,
      );
      await expect(recommend.getScorerState()).rejects.toMatchObject(unauthenticated);
      await expect(subjects.listSubjects()).rejects.toMatchObject(unauthenticated);
    } finally {
      for (const client of [embed, retrieve, router, generate, recommend, subjects]) client.close();
    }
  });

  it('believes the tenant in a token signed with the fleet key, not the one in x-tenant-id', async () => {
    const { keys } = readServiceCredentials('e2e', fleet.serviceAuthEnv);
    expect(keys.length).toBeGreaterThan(0);
    const retrieve = new RetrieveClient(`127.0.0.1:${fleet.ports.retrieve.grpc}`, {
      transport: Transport.create({ service: 'e2e', keys }),
    });
    try {
      const asTenant = (tenant: string) =>
        runWithRequestContext({ requestId: `e2e-${tenant}`, tenant }, () =>
          retrieve.search({ query: 'JetStream work queue', k: 3 }),
        );
      expect((await asTenant('e2e-a')).hits.length).toBeGreaterThan(0);
      // Tenant B's token with tenant A's header: still tenant B, who has no documents.
      const authorization = runWithRequestContext({ requestId: 'e2e-smuggle', tenant: 'e2e-b' }, () =>
        Transport.create({ service: 'e2e', keys }).authorization('retrieve'),
      );
      const metadata = outgoingMetadata(authorization);
      metadata.set('x-tenant-id', 'e2e-a');
      const smuggled = await new Promise<RetrieveV1.SearchResponse__Output | undefined>((resolve, reject) =>
        retrieve.grpc.raw.Search(
          { query: 'JetStream work queue', k: 3 },
          metadata,
          { deadline: Date.now() + 10_000 },
          (error, response) => (error ? reject(error) : resolve(response)),
        ),
      );
      expect(smuggled?.hits).toEqual([]);
    } finally {
      retrieve.close();
    }
  });

  it('answers bad input with a stable 4xx code', async () => {
    const response = await post('/v1/rag', { query: 42 });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; request_id: string } };
    expect(body.error.code).toBe('INVALID_ARGUMENT');
    expect(body.error.request_id).toBeTruthy();
  });
});

describe('changing prompts safely', () => {
  const asAdmin = { authorization: `Bearer ${KEY_ADMIN}` };
  /** The JSON answer names its answer id and, when enrolled, experiment and variant. */
  interface RagAnswer {
    answer_id?: string;
    experiment_id?: string;
    variant?: string;
  }
  const json = async <T = Record<string, unknown>>(response: Response) => (await response.json()) as T;
  const ask = async (query: string) =>
    json<RagAnswer>(await post('/v1/rag', { query }, { authorization: `Bearer ${KEY_A}` }));

  it('runs an experiment: sticky per user, named on done, rated through feedback into its results, stopped at once', async () => {
    const prompts = await json(await fetch(`${fleet.gatewayUrl}/v1/admin/prompts`, { headers: asAdmin }));
    const answer = (prompts.families as Array<{ name: string; versions: Array<{ version: string }> }>).find(
      (family) => family.name === 'answer',
    );
    expect(answer?.versions.map((v) => v.version)).toContain('v1');
    // The admin routes are the operator's, not a tenant's key's.
    expect((await post('/v1/admin/experiments', {}, { authorization: `Bearer ${KEY_A}` })).status).toBe(403);

    const created = await post(
      '/v1/admin/experiments',
      {
        name: 'e2e answer prompt',
        variants: [
          { name: 'control', prompt_version: 'v1', weight: 1 },
          { name: 'candidate', prompt_version: 'v1', weight: 1 },
        ],
        metric: 'thumbs_up_rate',
        min_samples: 50,
      },
      asAdmin,
    );
    expect(created.status).toBe(201);
    const experiment = (await json(created)).experiment as { id: string };

    // The gateway's replicas of the running set refresh within EXPERIMENTS_CACHE_MS.
    let first: RagAnswer = {};
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      first = await ask('How does a retried ingest job avoid duplicating chunks?');
      if (first.experiment_id === experiment.id) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(first.experiment_id).toBe(experiment.id);
    const second = await ask('What does the prompt injection guard do?');
    expect(second.variant).toBe(first.variant); // one user, one variant

    const rated = await post(`/v1/answers/${first.answer_id}/feedback`, { rating: 'up', kind: 'rag' });
    expect(rated.status).toBe(201);
    // feedback publishes answer.feedback; generate's consumer counts it into the variant.
    let result: { rated: number; thumbs_up: number } | undefined;
    const ratedBy = Date.now() + 15_000;
    while (Date.now() < ratedBy) {
      const read = (
        await json(
          await fetch(`${fleet.gatewayUrl}/v1/admin/experiments/${experiment.id}`, { headers: asAdmin }),
        )
      ).experiment as { results: Array<{ variant: string; rated: number; thumbs_up: number }> };
      result = read.results.find((r) => r.variant === first.variant);
      if (result?.rated === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(result).toMatchObject({ rated: 1, thumbs_up: 1 });

    const stopped = await post(`/v1/admin/experiments/${experiment.id}/stop`, {}, asAdmin);
    expect(stopped.status).toBe(200);
    expect(((await json(stopped)).experiment as { state: string }).state).toBe('stopped');
    let after: RagAnswer = {};
    const offBy = Date.now() + 10_000;
    while (Date.now() < offBy) {
      after = await ask('How does a retried ingest job avoid duplicating chunks?');
      if (!after.experiment_id) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(after.experiment_id).toBeUndefined();
  }, 60_000);

  it('answers a panel: four specialists at once over one retrieval, each streamed by name', async () => {
    const response = await post(
      '/v1/rag',
      {
        query: 'How does a retried ingest job avoid duplicating chunks?',
        panel: ['answer', 'risks', 'next_questions', 'decision'],
      },
      { accept: 'application/x-ndjson', authorization: `Bearer ${KEY_A}` },
    );
    expect(response.status).toBe(200);
    const events = ndjson(await response.text()) as Array<
      NdjsonEvent & {
        specialist?: string;
        ok?: boolean;
        score?: number;
        elapsed_ms?: number;
        sum_ms?: number;
      }
    >;
    const done = events.filter((event) => event.type === 'specialist_done');
    expect(done.map((event) => event.specialist).sort()).toEqual([
      'answer',
      'decision',
      'next_questions',
      'risks',
    ]);
    expect(done.every((event) => event.ok)).toBe(true);
    expect(typeof done.find((event) => event.specialist === 'decision')?.score).toBe('number');
    const tokens = events.filter((event) => event.type === 'token');
    expect(new Set(tokens.map((event) => event.specialist)).size).toBe(4);
    const result = events.find((event) => event.type === 'panel_result');
    expect(result?.elapsed_ms).toBeLessThanOrEqual(result?.sum_ms ?? 0);
    const end = events.at(-1) as NdjsonEvent & { answer_id?: string };
    expect(end.type).toBe('done');
    // A panel is rated like an answer, by the id its done names.
    expect(end.answer_id).toMatch(/^[0-9a-f-]{36}$/);
    const rated = await post(`/v1/answers/${end.answer_id}/feedback`, {
      rating: 'down',
      kind: 'rag',
      comment: 'the risks missed the retry limit',
    });
    expect(rated.status).toBe(201);
  }, 30_000);
});
