import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import * as schemas from '../src/openapi/recommend-schemas.ts';
import { FakeRecommendations } from './support/fake-recommendations.ts';
import { ADMIN_TOKEN, KEYS, callAs, startKeyedGateway, type KeyedGateway } from './support/keyed-gateway.ts';
import { ndjsonLines, startTestGateway } from './support/start-gateway.ts';
import { WsClient } from './support/ws-gateway.ts';
import { conforms, expectError, fieldsOf, type Json } from './support/response-checks.ts';

/*
 * The recommendation routes over real gRPC to fake recommend and feedback servers: every route,
 * the NDJSON stream and its JSON variant, WebSocket, tenant isolation (two tenants' keys), bad
 * input at the edge and upstream errors mapped to their statuses.
 */

let fake: FakeRecommendations;
let gateway: KeyedGateway;
const sockets: WsClient[] = [];

const as = (
  key: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => callAs(gateway.url, key, method, path, body, headers);

async function createSubject(key: string, body: Json): Promise<Json> {
  const response = await as(key, 'POST', '/v1/subjects', body);
  expect(response.status).toBe(201);
  return (await response.json()) as Json;
}

/** A node of tenant-a with two channels, one of them holding 95 % of its liquidity locally. */
async function nodeWithMetrics(id: string): Promise<void> {
  await createSubject(KEYS.alice, { id, pack: 'lightning', name: `Node ${id}` });
  const put = await as(KEYS.alice, 'PUT', `/v1/subjects/${id}/metrics`, {
    observed_at: '2026-03-01T12:00:00Z',
    metrics: { capacity_sat: 5_000_000, routing_revenue_sat: 1_200 },
    collections: {
      channel: [
        { id: 'ch-1', metrics: { local_ratio: 0.95, capacity_sat: 2_000_000 } },
        { id: 'ch-2', metrics: { local_ratio: 0.5, capacity_sat: 3_000_000 } },
      ],
    },
  });
  expect(put.status).toBe(200);
}

async function streamed(path: string, headers: Record<string, string> = {}): Promise<Json[]> {
  const response = await as(KEYS.alice, 'GET', path, undefined, headers);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/x-ndjson');
  const lines: Json[] = [];
  for await (const line of ndjsonLines(response.body!)) lines.push(line);
  return lines;
}

beforeAll(async () => {
  fake = new FakeRecommendations();
  const address = await fake.start();
  gateway = await startKeyedGateway(undefined, { recommendAddress: address });
  await nodeWithMetrics('node-a');
});

afterEach(() => {
  fake.cutAfter = undefined;
  fake.modelFailure = undefined;
  for (const socket of sockets.splice(0)) socket.socket.terminate();
});

afterAll(async () => {
  await gateway.stop();
  await fake.stop();
});

describe('subjects', () => {
  it('creates a subject for the caller’s tenant, with a Location, and refuses a second with the same id', async () => {
    const response = await as(KEYS.alice, 'POST', '/v1/subjects', {
      id: 'node-new',
      pack: 'lightning',
      name: 'A new node',
      labels: { region: 'eu' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/v1/subjects/node-new');
    const body = (await response.json()) as Json;
    conforms(schemas.subjectResponse, body);
    expect(body.subject).toMatchObject({
      id: 'node-new',
      pack: 'lightning',
      labels: { region: 'eu' },
      snapshot_count: 0,
    });
    expect(fake.seen('CreateSubject').at(-1)).toMatchObject({ tenant: 'tenant-a', user: 'alice' });
    await expectError(
      await as(KEYS.alice, 'POST', '/v1/subjects', { id: 'node-new', pack: 'lightning', name: 'x' }),
      409,
      'CONFLICT',
    );
  });

  it('refuses bad subjects at the edge and an unknown pack from the service, naming the field', async () => {
    const missing = await expectError(
      await as(KEYS.alice, 'POST', '/v1/subjects', { name: 'x' }),
      400,
      'INVALID_ARGUMENT',
    );
    expect(fieldsOf(missing)).toContain('body.pack');
    const unknown = await expectError(
      await as(KEYS.alice, 'POST', '/v1/subjects', { pack: 'lightning', name: 'x', colour: 'red' }),
      400,
      'INVALID_ARGUMENT',
    );
    expect(fieldsOf(unknown)).toEqual(['body.colour']);
    const pack = await expectError(
      await as(KEYS.alice, 'POST', '/v1/subjects', { pack: 'bitcoin', name: 'x' }),
      400,
      'INVALID_ARGUMENT',
    );
    expect(fieldsOf(pack)).toEqual(['body.pack']);
  });

  it('lists and reads subjects of the caller’s tenant only, with the latest snapshot', async () => {
    const list = (await (await as(KEYS.alice, 'GET', '/v1/subjects')).json()) as Json;
    conforms(schemas.subjectList, list);
    expect(list.subjects.map((subject: Json) => subject.id)).toContain('node-a');
    const other = (await (await as(KEYS.carol, 'GET', '/v1/subjects')).json()) as Json;
    expect(other.subjects).toEqual([]);

    const one = (await (await as(KEYS.alice, 'GET', '/v1/subjects/node-a')).json()) as Json;
    conforms(schemas.subjectWithSnapshot, one);
    expect(one.subject).toMatchObject({
      id: 'node-a',
      snapshot_count: 1,
      metrics_observed_at: '2026-03-01T12:00:00Z',
    });
    expect(one.latest.metrics).toEqual({ capacity_sat: 5_000_000, routing_revenue_sat: 1_200 });
    expect(one.latest.collections.channel).toHaveLength(2);

    await expectError(await as(KEYS.carol, 'GET', '/v1/subjects/node-a'), 404, 'NOT_FOUND');
    await expectError(
      await as(KEYS.carol, 'PUT', '/v1/subjects/node-a/metrics', { metrics: { capacity_sat: 1 } }),
      404,
      'NOT_FOUND',
    );
  });

  it('refuses metric values that are not finite numbers, before the service sees them', async () => {
    const before = fake.seen('PutMetrics').length;
    const cases: Array<[Json, string]> = [
      [{ metrics: { capacity_sat: 'NaN' } }, 'body.metrics.capacity_sat'],
      [{ metrics: { capacity_sat: null } }, 'body.metrics.capacity_sat'],
      [{ metrics: { capacity_sat: { value: 1 } } }, 'body.metrics.capacity_sat'],
      [{ metrics: { capacity_sat: '12' } }, 'body.metrics.capacity_sat'],
      [
        { metrics: {}, collections: { channel: [{ id: 'c', metrics: { local_ratio: 'Infinity' } }] } },
        'body.collections.channel.0.metrics.local_ratio',
      ],
      [{ metrics: {}, observed_at: 'yesterday' }, 'body.observed_at'],
      [{ metrics: {}, extra: 1 }, 'body.extra'],
      [{ metrics: [1, 2] }, 'body.metrics'],
      [{}, 'body.metrics'],
    ];
    for (const [body, field] of cases) {
      const error = await expectError(
        await as(KEYS.alice, 'PUT', '/v1/subjects/node-a/metrics', body),
        400,
        'INVALID_ARGUMENT',
      );
      expect({ body, fields: fieldsOf(error) }).toEqual({ body, fields: expect.arrayContaining([field]) });
    }
    expect(fake.seen('PutMetrics').length).toBe(before);
  });

  it('passes on the service’s refusal of a metric the pack does not know, naming the body field', async () => {
    const error = await expectError(
      await as(KEYS.alice, 'PUT', '/v1/subjects/node-a/metrics', { metrics: { bogus_metric: 1 } }),
      400,
      'INVALID_ARGUMENT',
    );
    expect(fieldsOf(error)).toEqual(['body.metrics.bogus_metric']);
  });

  it('scores a batch of candidates best first, and refuses non-numeric effects', async () => {
    const response = await as(KEYS.alice, 'POST', '/v1/subjects/node-a/score', {
      candidates: [
        {
          category: 'fees',
          action: 'lower_fees',
          target: 'ch-2',
          effects: { revenue_delta_fraction: 0.05, risk: 0.6 },
        },
        {
          category: 'liquidity',
          action: 'rebalance',
          target: 'ch-1',
          effects: { revenue_delta_fraction: 0.4, risk: 0.1 },
        },
      ],
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Json;
    conforms(schemas.scoreResponse, body);
    expect(body.scored.map((scored: Json) => scored.candidate.action)).toEqual(['rebalance', 'lower_fees']);
    expect(body.scored[0].candidate.effects).toMatchObject({
      revenue_delta_fraction: 0.4,
      risk: 0.1,
      steps: null,
    });
    expect(body.weights_version).toBe('w1');
    const bad = await expectError(
      await as(KEYS.alice, 'POST', '/v1/subjects/node-a/score', {
        candidates: [{ category: 'x', action: 'y', effects: { risk: 'NaN' } }],
      }),
      400,
      'INVALID_ARGUMENT',
    );
    expect(fieldsOf(bad)).toEqual(['body.candidates.0.effects.risk']);
    await expectError(
      await as(KEYS.carol, 'POST', '/v1/subjects/node-a/score', {
        candidates: [{ category: 'x', action: 'y' }],
      }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('GET /v1/subjects/:id/recommendations', () => {
  it('streams status → subject_info → rule → ai → complete as NDJSON with progress (Accept)', async () => {
    const lines = await streamed('/v1/subjects/node-a/recommendations', { accept: 'application/x-ndjson' });
    expect(lines.map((line) => [line.type, line.progress])).toEqual([
      ['status', 0],
      ['subject_info', 25],
      ['rule_recommendations', 50],
      ['ai_recommendations', 90],
      ['complete', 100],
    ]);
    for (const line of lines) conforms(schemas.recommendEvent, line);
    const [, info, rules, model, complete] = lines;
    expect(info?.subject.id).toBe('node-a');
    expect(info?.context).toEqual({ health: 0.7, network_conditions: null, metric_completeness: null });
    // Only ch-1 holds most of its liquidity locally: one rebalance, from the rule.
    expect(rules?.recommendations.map((rec: Json) => [rec.action, rec.target, rec.source])).toEqual([
      ['rebalance', 'ch-1', 'rule'],
    ]);
    expect(model?.recommendations.map((rec: Json) => rec.source)).toEqual(['model']);
    expect(model).toMatchObject({ dropped: 1, error: null });
    expect(complete).toMatchObject({ total: 2, weights_version: 'w1' });
    // The scorer got the caller's tenant and tier, and the defaults.
    expect(fake.seen('Recommend').at(-1)).toMatchObject({
      tenant: 'tenant-a',
      user: 'alice',
      request: { subjectId: 'node-a', includeModel: true, limit: 0, tier: 'premium' },
    });
  });

  it('streams on ?stream=true too, and passes include_model=false and limit', async () => {
    const lines = await streamed(
      '/v1/subjects/node-a/recommendations?stream=true&include_model=false&limit=7',
    );
    expect(lines.at(-1)?.type).toBe('complete');
    expect(lines.find((line) => line.type === 'ai_recommendations')?.recommendations).toEqual([]);
    expect(fake.seen('Recommend').at(-1)?.request).toMatchObject({ includeModel: false, limit: 7 });
  });

  it('answers plain JSON otherwise: every recommendation best first, the weights version, the counts', async () => {
    const response = await as(KEYS.alice, 'GET', '/v1/subjects/node-a/recommendations');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as Json;
    conforms(schemas.recommendationsJson, body);
    expect(body.recommendations).toHaveLength(2);
    const scores = body.recommendations.map((rec: Json) => rec.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(body).toMatchObject({
      total: 2,
      weights_version: 'w1',
      dropped: 1,
      merged: 0,
      subject: { id: 'node-a' },
    });
    expect(body.sources.model).toEqual({ dropped: 1, merged: 0, error: null });
  });

  it('says which source could not run, and still completes', async () => {
    fake.modelFailure = 'PROVIDER_UNAVAILABLE';
    const body = (await (await as(KEYS.alice, 'GET', '/v1/subjects/node-a/recommendations')).json()) as Json;
    expect(body.sources.model.error).toEqual({
      code: 'PROVIDER_UNAVAILABLE',
      message: 'the model chain failed',
    });
    expect(body.recommendations.map((rec: Json) => rec.source)).toEqual(['rule']);
  });

  it('ends a stream cut short with an error event, and the JSON variant with a 503', async () => {
    fake.cutAfter = 3;
    const lines = await streamed('/v1/subjects/node-a/recommendations?stream=true');
    expect(lines.map((line) => line.type)).toEqual([
      'status',
      'subject_info',
      'rule_recommendations',
      'error',
    ]);
    conforms(schemas.recommendEvent, lines.at(-1));
    expect(lines.at(-1)?.error.code).toBe('SERVICE_UNAVAILABLE');
    await expectError(
      await as(KEYS.alice, 'GET', '/v1/subjects/node-a/recommendations'),
      503,
      'SERVICE_UNAVAILABLE',
    );
  });

  it('answers 404 for an unknown subject or another tenant’s, streamed or not', async () => {
    await expectError(await as(KEYS.alice, 'GET', '/v1/subjects/nobody/recommendations'), 404, 'NOT_FOUND');
    await expectError(
      await as(KEYS.carol, 'GET', '/v1/subjects/node-a/recommendations', undefined, {
        accept: 'application/x-ndjson',
      }),
      404,
      'NOT_FOUND',
    );
  });

  it('refuses bad query parameters', async () => {
    for (const query of ['limit=0', 'limit=abc', 'limit=101', 'include_model=maybe', 'stream=yes']) {
      await expectError(
        await as(KEYS.alice, 'GET', `/v1/subjects/node-a/recommendations?${query}`),
        400,
        'INVALID_ARGUMENT',
      );
    }
  });
});

describe('the recommendation lifecycle', () => {
  async function freshRecommendationId(): Promise<string> {
    const body = (await (
      await as(KEYS.alice, 'GET', '/v1/subjects/node-a/recommendations?include_model=false')
    ).json()) as Json;
    return body.recommendations[0].id as string;
  }

  it('reads a record with its history; another tenant gets 404', async () => {
    const id = await freshRecommendationId();
    const response = await as(KEYS.alice, 'GET', `/v1/recommendations/${id}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Json;
    conforms(schemas.recordResponse, body);
    expect(body.record).toMatchObject({
      stage: 'generated',
      outcome: null,
      measure_due_at: null,
      recommendation: { id },
    });
    await expectError(await as(KEYS.carol, 'GET', `/v1/recommendations/${id}`), 404, 'NOT_FOUND');
    await expectError(await as(KEYS.alice, 'GET', '/v1/recommendations/rec-unknown'), 404, 'NOT_FOUND');
  });

  it('moves shown → applied with the caller as actor, and a forbidden move is a 409', async () => {
    const id = await freshRecommendationId();
    const shown = await as(KEYS.bob, 'POST', `/v1/recommendations/${id}/shown`);
    expect(shown.status).toBe(200);
    const applied = (await (
      await as(KEYS.alice, 'POST', `/v1/recommendations/${id}/applied`, { note: 'done' })
    ).json()) as Json;
    conforms(schemas.recordResponse, applied);
    expect(applied.record.stage).toBe('applied');
    expect(applied.record.history.map((change: Json) => [change.stage, change.actor])).toEqual([
      ['generated', 'service'],
      ['shown', 'bob'],
      ['applied', 'alice'],
    ]);
    expect(applied.record.measure_due_at).not.toBeNull();
    expect(fake.seen('Transition').at(-1)?.request).toMatchObject({ id, to: 'STAGE_APPLIED', note: 'done' });
    await expectError(
      await as(KEYS.alice, 'POST', `/v1/recommendations/${id}/dismissed`),
      409,
      'FAILED_PRECONDITION',
    );
    await expectError(await as(KEYS.carol, 'POST', `/v1/recommendations/${id}/shown`), 404, 'NOT_FOUND');
  });

  it('refuses an overlong note or unknown fields', async () => {
    const id = await freshRecommendationId();
    const long = await expectError(
      await as(KEYS.alice, 'POST', `/v1/recommendations/${id}/dismissed`, { note: 'x'.repeat(2_001) }),
      400,
      'INVALID_ARGUMENT',
    );
    expect(fieldsOf(long)).toEqual(['body.note']);
    await expectError(
      await as(KEYS.alice, 'POST', `/v1/recommendations/${id}/dismissed`, { reason: 'x' }),
      400,
      'INVALID_ARGUMENT',
    );
  });

  it('needs the write scope to move one, the read scope to read it', async () => {
    const id = await freshRecommendationId();
    expect((await as(KEYS.recoReader, 'GET', `/v1/recommendations/${id}`)).status).toBe(200);
    await expectError(
      await as(KEYS.recoReader, 'POST', `/v1/recommendations/${id}/shown`),
      403,
      'PERMISSION_DENIED',
    );
    await expectError(
      await as(KEYS.recoReader, 'POST', '/v1/subjects', { pack: 'lightning', name: 'x' }),
      403,
      'PERMISSION_DENIED',
    );
    await expectError(await as(KEYS.ragOnly, 'GET', '/v1/subjects'), 403, 'PERMISSION_DENIED');
  });
});

describe('feedback', () => {
  it('answers the tenant’s statistics', async () => {
    const response = await as(KEYS.alice, 'GET', '/v1/feedback/stats?top=2');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Json;
    conforms(schemas.feedbackStats, body);
    expect(body.overall.generated).toBeGreaterThan(0);
    expect(body.top_effective.length).toBeLessThanOrEqual(2);
    expect(fake.seen('GetStats').at(-1)).toMatchObject({ tenant: 'tenant-a', request: { top: 2 } });
    const other = (await (await as(KEYS.carol, 'GET', '/v1/feedback/stats')).json()) as Json;
    expect(other.overall.generated).toBe(0);
    await expectError(await as(KEYS.alice, 'GET', '/v1/feedback/stats?top=0'), 400, 'INVALID_ARGUMENT');
  });

  it('records a rating of an answer; a second by the same caller replaces the first', async () => {
    const first = await as(KEYS.alice, 'POST', '/v1/answers/ans-1/feedback', {
      rating: 'up',
      comment: 'clear',
    });
    expect(first.status).toBe(201);
    const body = (await first.json()) as Json;
    conforms(schemas.answerFeedbackResponse, body);
    expect(body.replaced).toBe(false);
    expect(fake.seen('RecordAnswerFeedback').at(-1)).toMatchObject({
      tenant: 'tenant-a',
      user: 'alice',
      request: { answerId: 'ans-1', rating: 'RATING_UP', comment: 'clear', kind: 'rag', sessionId: '' },
    });
    const again = (await (
      await as(KEYS.alice, 'POST', '/v1/answers/ans-1/feedback', {
        rating: 'down',
        kind: 'chat',
        session_id: 's1',
      })
    ).json()) as Json;
    expect(again).toMatchObject({ id: body.id, replaced: true });
    const stats = (await (await as(KEYS.alice, 'GET', '/v1/feedback/stats')).json()) as Json;
    expect(stats.answer_feedback).toEqual({ up: 0, down: 1 });
  });

  it('refuses a bad rating, an overlong comment, a session without kind chat and unknown fields', async () => {
    const cases: Array<[Json, string]> = [
      [{ rating: 'meh' }, 'body.rating'],
      [{ rating: 1 }, 'body.rating'],
      [{}, 'body.rating'],
      [{ rating: 'up', comment: 'x'.repeat(2_001) }, 'body.comment'],
      [{ rating: 'up', session_id: 's1' }, 'body.session_id'],
      [{ rating: 'up', kind: 'search' }, 'body.kind'],
      [{ rating: 'up', stars: 5 }, 'body.stars'],
    ];
    for (const [body, field] of cases) {
      const error = await expectError(
        await as(KEYS.alice, 'POST', '/v1/answers/ans-2/feedback', body),
        400,
        'INVALID_ARGUMENT',
      );
      expect({ body, fields: fieldsOf(error) }).toEqual({ body, fields: [field] });
    }
  });
});

describe('/v1/admin/weights', () => {
  it('is for the admin scope only', async () => {
    await expectError(await as(KEYS.alice, 'GET', '/v1/admin/weights'), 403, 'PERMISSION_DENIED');
  });

  it('lists versions, refuses a fit without outcomes (409), rolls back, and 404s an unknown version', async () => {
    const list = (await (await as(ADMIN_TOKEN, 'GET', '/v1/admin/weights')).json()) as Json;
    conforms(schemas.weightsList, list);
    expect(list.versions[0]).toMatchObject({ version: 'w1', origin: 'seed', active: true, fit: null });
    expect(list.versions[0].factors.revenue_impact).toBe(0.3);
    await expectError(await as(ADMIN_TOKEN, 'POST', '/v1/admin/weights/fit'), 409, 'FAILED_PRECONDITION');
    const rollback = await as(ADMIN_TOKEN, 'POST', '/v1/admin/weights/rollback', { version: 'w1' });
    expect(rollback.status).toBe(200);
    const restored = (await rollback.json()) as Json;
    conforms(schemas.weightsResponse, restored);
    expect(restored.weights).toMatchObject({ origin: 'rollback', restored_version: 'w1', active: true });
    await expectError(
      await as(ADMIN_TOKEN, 'POST', '/v1/admin/weights/rollback', { version: 'w99' }),
      404,
      'NOT_FOUND',
    );
    await expectError(
      await as(ADMIN_TOKEN, 'POST', '/v1/admin/weights/rollback', {}),
      400,
      'INVALID_ARGUMENT',
    );
  });
});

describe('WebSocket recommend', () => {
  async function socket(key: string): Promise<WsClient> {
    const client = new WsClient(gateway.wsUrl, { authorization: `Bearer ${key}` });
    sockets.push(client);
    return client.open();
  }
  const until = (client: WsClient, id: string) =>
    client.until((event) => event.id === id && (event.type === 'complete' || event.type === 'error'));

  it('streams the same events, tagged with the ask id, on a socket opened with the read scope only', async () => {
    const client = await socket(KEYS.recoReader);
    client.send({ type: 'recommend', id: 'r1', subject_id: 'node-a', include_model: false });
    await until(client, 'r1');
    const events = client.events.filter((event) => event.id === 'r1');
    expect(events.map((event) => [event.type, event.progress])).toEqual([
      ['status', 0],
      ['subject_info', 25],
      ['rule_recommendations', 50],
      ['ai_recommendations', 90],
      ['complete', 100],
    ]);
    for (const { id: _id, ...event } of events) conforms(schemas.recommendEvent, event);
    expect(fake.seen('Recommend').at(-1)?.request).toMatchObject({ includeModel: false, tier: 'premium' });
  });

  it('ends with NOT_FOUND for another tenant’s subject, and refuses a bad message', async () => {
    const client = await socket(KEYS.carol);
    client.send({ type: 'recommend', id: 'r2', subject_id: 'node-a' });
    const end = await until(client, 'r2');
    expect(end).toMatchObject({ type: 'error', progress: null, error: { code: 'NOT_FOUND' } });
    client.send({ type: 'recommend', id: 'r3', subject_id: 'node-a', limit: 'ten' });
    const refused = await until(client, 'r3');
    expect(refused).toMatchObject({ type: 'error', error: { code: 'INVALID_ARGUMENT' } });
  });

  it('needs the read scope for a recommend ask', async () => {
    const client = await socket(KEYS.ragOnly);
    client.send({ type: 'recommend', id: 'r4', subject_id: 'node-a' });
    const end = await until(client, 'r4');
    expect(end).toMatchObject({ type: 'error', error: { code: 'PERMISSION_DENIED' } });
  });
});

describe('a gateway without the recommendation services', () => {
  it('answers their routes 503 SERVICE_UNAVAILABLE', async () => {
    const bare = await startTestGateway();
    try {
      const response = await fetch(`${bare.url}/v1/subjects`);
      await expectError(response, 503, 'SERVICE_UNAVAILABLE');
    } finally {
      await bare.stop();
    }
  });
});
