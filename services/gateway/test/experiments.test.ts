import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as schemas from '../src/openapi/change-schemas.ts';
import { FakeChanges } from './support/fake-changes.ts';
import { ADMIN_TOKEN, KEYS, callAs, startKeyedGateway, type KeyedGateway } from './support/keyed-gateway.ts';
import { conforms, expectError, fieldsOf, type Json } from './support/response-checks.ts';

/*
 * The change-management admin routes (prompts, experiments, shadow, rollouts) over real gRPC to
 * a fake of generate's three services: every route, the admin scope, bad input at the edge with
 * the field named, and upstream NOT_FOUND / FAILED_PRECONDITION / INVALID_ARGUMENT mapped.
 */

let fake: FakeChanges;
let gateway: KeyedGateway;

const admin = (method: string, path: string, body?: unknown) =>
  callAs(gateway.url, ADMIN_TOKEN, method, path, body);

const AB = {
  name: 'shorter answers',
  variants: [
    { name: 'control', prompt_version: 'v1', weight: 1 },
    { name: 'short', prompt_version: 'v2', model: 'openai/gpt-4o-mini', weight: 1 },
  ],
  metric: 'thumbs_up_rate',
  min_samples: 200,
  alpha: 0.05,
};

beforeAll(async () => {
  fake = new FakeChanges();
  const address = await fake.start();
  gateway = await startKeyedGateway(undefined, { changesAddress: address });
});

afterAll(async () => {
  await gateway.stop();
  await fake.stop();
});

describe('GET /v1/admin/prompts', () => {
  it('lists every family with its versions and the default in force', async () => {
    const response = await admin('GET', '/v1/admin/prompts');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Json;
    conforms(schemas.promptList, body);
    expect(body.families[0]).toEqual({
      name: 'answer',
      versions: [
        { version: 'v1', variables: ['context', 'question'], digest: 'sha256:aa' },
        { version: 'v2', variables: ['context', 'question'], digest: 'sha256:bb' },
      ],
      default_version: 'v1',
      default_source: 'config',
    });
  });
});

describe('admin scope', () => {
  // Every row has its body slot (undefined for none): a shorter row would make jest pass `done`.
  const routes: Array<[string, string, unknown]> = [
    ['GET', '/v1/admin/prompts', undefined],
    ['POST', '/v1/admin/experiments', AB],
    ['GET', '/v1/admin/experiments', undefined],
    ['GET', '/v1/admin/experiments/exp-1', undefined],
    ['POST', '/v1/admin/experiments/exp-1/stop', undefined],
    ['GET', '/v1/admin/shadow', undefined],
    ['POST', '/v1/admin/rollouts', { candidate: { prompt_version: 'v2' } }],
    ['GET', '/v1/admin/rollouts', undefined],
    ['GET', '/v1/admin/rollouts/ro-1', undefined],
    ['POST', '/v1/admin/rollouts/ro-1/abort', undefined],
  ];

  it.each(routes)(
    '%s %s is 403 for a key with every API scope but admin, 401 without one',
    async (method, path, body) => {
      const before = fake.calls.length;
      await expectError(await callAs(gateway.url, KEYS.alice, method, path, body), 403, 'PERMISSION_DENIED');
      expect((await callAs(gateway.url, undefined, method, path, body)).status).toBe(401);
      // Refused at the edge: generate never saw the call.
      expect(fake.calls.length).toBe(before);
    },
  );
});

describe('experiments', () => {
  let id: string;

  it('creates an experiment (201, Location), passing every field to generate', async () => {
    const response = await admin('POST', '/v1/admin/experiments', AB);
    expect(response.status).toBe(201);
    const body = (await response.json()) as Json;
    conforms(schemas.experimentResponse, body);
    id = body.experiment.id;
    expect(response.headers.get('location')).toBe(`/v1/admin/experiments/${id}`);
    expect(body.experiment).toMatchObject({
      name: 'shorter answers',
      family: 'answer',
      metric: 'thumbs_up_rate',
      min_samples: 200,
      alpha: 0.05,
      max_samples: null,
      state: 'running',
      winner: null,
      ended_at: null,
      variants: [
        { name: 'control', prompt_version: 'v1', model: null, weight: 1 },
        { name: 'short', prompt_version: 'v2', model: 'openai/gpt-4o-mini', weight: 1 },
      ],
    });
    expect(fake.seen('CreateExperiment').at(-1)?.request).toMatchObject({
      name: 'shorter answers',
      family: '',
      metric: 'METRIC_THUMBS_UP_RATE',
      minSamples: 200,
      alpha: 0.05,
      maxSamples: 0,
      variants: [
        { name: 'control', promptVersion: 'v1', model: '', weight: 1 },
        { name: 'short', promptVersion: 'v2', model: 'openai/gpt-4o-mini', weight: 1 },
      ],
    });
  });

  it('shows one experiment with per-variant counts and confidence intervals', async () => {
    const response = await admin('GET', `/v1/admin/experiments/${id}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Json;
    conforms(schemas.experimentResponse, body);
    expect(body.experiment.results).toEqual([
      {
        variant: 'control',
        answers: 100,
        errors: 0,
        rated: 40,
        thumbs_up: 20,
        cost_usd_total: 0.5,
        latency_ms_total: 12_000,
        value: 0.5,
        ci_low: expect.closeTo(0.3, 10),
        ci_high: expect.closeTo(0.6, 10),
      },
      {
        variant: 'short',
        answers: 101,
        errors: 1,
        rated: 41,
        thumbs_up: 30,
        cost_usd_total: 1.5,
        latency_ms_total: 12_001,
        value: expect.closeTo(30 / 41, 10),
        ci_low: expect.closeTo(0.4, 10),
        ci_high: expect.closeTo(0.7, 10),
      },
    ]);
  });

  it('refuses a second running change of one family: 409 FAILED_PRECONDITION', async () => {
    await expectError(await admin('POST', '/v1/admin/experiments', AB), 409, 'FAILED_PRECONDITION');
  });

  it('lists experiments', async () => {
    const response = await admin('GET', '/v1/admin/experiments');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Json;
    conforms(schemas.experimentList, body);
    expect(body.experiments.map((experiment: Json) => experiment.id)).toContain(id);
  });

  it('stops an experiment at once, and stopping again changes nothing', async () => {
    const response = await admin('POST', `/v1/admin/experiments/${id}/stop`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Json;
    conforms(schemas.experimentResponse, body);
    expect(body.experiment).toMatchObject({ state: 'stopped', decision: 'stopped by an operator' });
    expect(body.experiment.ended_at).not.toBeNull();
    const again = (await (await admin('POST', `/v1/admin/experiments/${id}/stop`)).json()) as Json;
    expect(again.experiment).toEqual(body.experiment);
  });

  it('answers an unknown experiment with 404 NOT_FOUND, and a malformed id with 400', async () => {
    await expectError(await admin('GET', '/v1/admin/experiments/exp-404'), 404, 'NOT_FOUND');
    await expectError(await admin('POST', '/v1/admin/experiments/exp-404/stop'), 404, 'NOT_FOUND');
    const bad = await expectError(await admin('GET', '/v1/admin/experiments/a%20b'), 400, 'INVALID_ARGUMENT');
    expect(fieldsOf(bad)).toEqual(['path.id']);
  });

  it.each<[string, Json, string[]]>([
    ['an unknown field', { ...AB, extra: 1 }, ['body.extra']],
    ['one variant', { ...AB, variants: [AB.variants[0]] }, ['body.variants']],
    [
      'duplicate variant names',
      { ...AB, variants: [AB.variants[0], AB.variants[0]] },
      ['body.variants.1.name'],
    ],
    [
      'a zero weight',
      { ...AB, variants: [AB.variants[0], { name: 'b', weight: 0 }] },
      ['body.variants.1.weight'],
    ],
    ['an unknown metric', { ...AB, metric: 'clicks' }, ['body.metric']],
    ['a tiny min_samples', { ...AB, min_samples: 1 }, ['body.min_samples']],
    ['an alpha of 1', { ...AB, alpha: 1 }, ['body.alpha']],
    ['max_samples under min_samples', { ...AB, max_samples: 100 }, ['body.max_samples']],
    [
      'a model without a provider',
      { ...AB, variants: [AB.variants[0], { name: 'b', model: 'gpt', weight: 1 }] },
      ['body.variants.1.model'],
    ],
    ['a blank name', { ...AB, name: '  ' }, ['body.name']],
  ])('refuses %s with 400 INVALID_ARGUMENT naming the field', async (_what, body, fields) => {
    const before = fake.seen('CreateExperiment').length;
    const error = await expectError(
      await admin('POST', '/v1/admin/experiments', body),
      400,
      'INVALID_ARGUMENT',
    );
    for (const field of fields) expect(fieldsOf(error).join(' ')).toContain(field);
    expect(fake.seen('CreateExperiment').length).toBe(before);
  });

  it('passes generate’s refusal of an unknown prompt version on as a 400 naming the body field', async () => {
    const error = await expectError(
      await admin('POST', '/v1/admin/experiments', {
        ...AB,
        family: 'panel-risks',
        variants: [
          { name: 'a', weight: 1 },
          { name: 'b', prompt_version: 'v9', weight: 1 },
        ],
      }),
      400,
      'INVALID_ARGUMENT',
    );
    expect(fieldsOf(error)).toEqual(['body.variants.1.prompt_version']);
  });
});

describe('GET /v1/admin/shadow', () => {
  it('shows the shadow comparison and the budget’s use', async () => {
    const response = await admin('GET', '/v1/admin/shadow');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Json;
    conforms(schemas.shadowReport, body);
    expect(body).toEqual({
      enabled: true,
      share: 0.05,
      summary: {
        candidate: 'openai/gpt-4o-mini',
        runs: 120,
        errors: 2,
        latency_ms_delta: -35.5,
        cost_usd_delta: 0.0004,
        length_ratio: 1.1,
        citation_overlap: 0.8,
        budget_usd: 5,
        spent_usd: 1.25,
        skipped_budget: 0,
      },
    });
  });

  it('says so when shadowing is off (no summary)', async () => {
    const saved = fake.shadow;
    fake.shadow = { enabled: false, share: 0 };
    try {
      const body = (await (await admin('GET', '/v1/admin/shadow')).json()) as Json;
      expect(body).toEqual({ enabled: false, share: 0, summary: null });
    } finally {
      fake.shadow = saved;
    }
  });
});

describe('rollouts', () => {
  let id: string;

  it('creates a rollout with the default stages (201, Location)', async () => {
    const response = await admin('POST', '/v1/admin/rollouts', {
      candidate: { model: 'openai/gpt-4o-mini' },
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as Json;
    conforms(schemas.rolloutResponse, body);
    id = body.rollout.id;
    expect(response.headers.get('location')).toBe(`/v1/admin/rollouts/${id}`);
    expect(body.rollout).toMatchObject({
      family: 'answer',
      candidate: { prompt_version: null, model: 'openai/gpt-4o-mini' },
      stages: [
        { share: 0.1, hold_seconds: 600, hold_answers: 200 },
        { share: 0.5, hold_seconds: 600, hold_answers: 200 },
        { share: 1, hold_seconds: 600, hold_answers: 200 },
      ],
      stage: 0,
      share: 0.1,
      state: 'running',
      max_error_rate: 0.01,
      reason: null,
      current: { variant: 'candidate', answers: 7, errors: 0 },
    });
    expect(fake.seen('CreateRollout').at(-1)?.request).toMatchObject({
      candidate: { name: 'candidate', promptVersion: '', model: 'openai/gpt-4o-mini' },
      stages: [],
      maxErrorRate: 0,
    });
  });

  it('passes given stages and guards on', async () => {
    const response = await admin('POST', '/v1/admin/rollouts', {
      family: 'panel-risks',
      candidate: { prompt_version: 'v1' },
      stages: [
        { share: 0.2, hold_seconds: 60, hold_answers: 10 },
        { share: 1, hold_seconds: 0, hold_answers: 0 },
      ],
      max_error_rate: 0.02,
      min_quality: 0.8,
      min_rated: 20,
    });
    expect(response.status).toBe(201);
    expect(fake.seen('CreateRollout').at(-1)?.request).toMatchObject({
      family: 'panel-risks',
      stages: [
        { share: expect.closeTo(0.2, 10), holdSeconds: 60, holdAnswers: 10 },
        { share: 1, holdSeconds: 0, holdAnswers: 0 },
      ],
      maxErrorRate: 0.02,
      minQuality: 0.8,
      minRated: 20,
    });
  });

  it('passes a retrieval candidate and its recall floor on, and shows the measured recall', async () => {
    const response = await admin('POST', '/v1/admin/rollouts', {
      family: 'panel-next_questions',
      candidate: { retrieval: { mode: 'hybrid', fusion: 'minmax', rerank: 'mmr', k: 8 } },
      min_recall: 0.75,
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as Json;
    conforms(schemas.rolloutResponse, body);
    expect(body.rollout).toMatchObject({
      candidate: {
        prompt_version: null,
        model: null,
        retrieval: { mode: 'hybrid', fusion: 'minmax', rerank: 'mmr', k: 8 },
      },
      min_recall: 0.75,
      recall_at_5: 0.82,
    });
    expect(fake.seen('CreateRollout').at(-1)?.request).toMatchObject({
      candidate: { retrieval: { mode: 'hybrid', fusion: 'minmax', rerank: 'mmr', k: 8 } },
      minRecall: 0.75,
    });
    // Only k: the other settings go as empty (retrieve's defaults) and show as null.
    const onlyK = await admin('POST', '/v1/admin/rollouts', {
      family: 'panel-decision',
      candidate: { retrieval: { k: 3 } },
    });
    const shown = (await onlyK.json()) as Json;
    expect(shown.rollout.candidate.retrieval).toEqual({ mode: null, fusion: null, rerank: null, k: 3 });
    expect(shown.rollout).toMatchObject({ min_recall: 0.7, recall_at_5: 0.82 });
    expect(fake.seen('CreateRollout').at(-1)?.request).toMatchObject({
      candidate: { retrieval: { mode: '', fusion: '', rerank: '', k: 3 } },
      minRecall: 0,
    });
  });

  it('shows a prompt candidate without a recall guard (null) and maps a missing labelled set to 409', async () => {
    const list = (await (await admin('GET', '/v1/admin/rollouts')).json()) as Json;
    const prompt = list.rollouts.find((r: Json) => r.family === 'panel-risks');
    expect(prompt).toMatchObject({ min_recall: null, recall_at_5: null, candidate: { retrieval: null } });
    const saved = fake.recallAt5;
    fake.recallAt5 = undefined;
    try {
      await expectError(
        await admin('POST', '/v1/admin/rollouts', {
          family: 'panel-answer',
          candidate: { retrieval: { mode: 'keyword' } },
        }),
        409,
        'FAILED_PRECONDITION',
      );
    } finally {
      fake.recallAt5 = saved;
    }
  });

  it('refuses a rollout of a family already running a change: 409', async () => {
    await expectError(
      await admin('POST', '/v1/admin/rollouts', { candidate: { prompt_version: 'v2' } }),
      409,
      'FAILED_PRECONDITION',
    );
  });

  it('shows and lists rollouts', async () => {
    const one = await admin('GET', `/v1/admin/rollouts/${id}`);
    expect(one.status).toBe(200);
    conforms(schemas.rolloutResponse, await one.json());
    const list = await admin('GET', '/v1/admin/rollouts');
    const body = (await list.json()) as Json;
    conforms(schemas.rolloutList, body);
    expect(body.rollouts.length).toBe(4);
  });

  it('aborts a rollout at once with reason "aborted" and share 0', async () => {
    const response = await admin('POST', `/v1/admin/rollouts/${id}/abort`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Json;
    conforms(schemas.rolloutResponse, body);
    expect(body.rollout).toMatchObject({ state: 'rolled_back', reason: 'aborted', share: 0 });
    const shown = (await (await admin('GET', `/v1/admin/rollouts/${id}`)).json()) as Json;
    expect(shown.rollout.state).toBe('rolled_back');
  });

  it('answers an unknown rollout with 404 NOT_FOUND', async () => {
    await expectError(await admin('GET', '/v1/admin/rollouts/ro-404'), 404, 'NOT_FOUND');
    await expectError(await admin('POST', '/v1/admin/rollouts/ro-404/abort'), 404, 'NOT_FOUND');
  });

  it.each<[string, Json, string]>([
    ['no candidate', {}, 'body.candidate'],
    ['an empty candidate', { candidate: {} }, 'body.candidate'],
    ['a candidate name', { candidate: { name: 'x', model: 'a/b' } }, 'body.candidate'],
    [
      'a share over 1',
      { candidate: { model: 'a/b' }, stages: [{ share: 1.5, hold_seconds: 0, hold_answers: 0 }] },
      'body.stages.0.share',
    ],
    [
      'decreasing shares',
      {
        candidate: { model: 'a/b' },
        stages: [
          { share: 0.5, hold_seconds: 0, hold_answers: 0 },
          { share: 0.2, hold_seconds: 0, hold_answers: 0 },
          { share: 1, hold_seconds: 0, hold_answers: 0 },
        ],
      },
      'body.stages.1.share',
    ],
    [
      'a last stage under 1',
      { candidate: { model: 'a/b' }, stages: [{ share: 0.5, hold_seconds: 0, hold_answers: 0 }] },
      'body.stages.0.share',
    ],
    [
      'a stage without holds',
      { candidate: { model: 'a/b' }, stages: [{ share: 1 }] },
      'body.stages.0.hold_seconds',
    ],
    ['an error rate of 0', { candidate: { model: 'a/b' }, max_error_rate: 0 }, 'body.max_error_rate'],
    ['a quality over 1', { candidate: { model: 'a/b' }, min_quality: 2 }, 'body.min_quality'],
    ['an unknown mode', { candidate: { retrieval: { mode: 'fuzzy' } } }, 'body.candidate.retrieval.mode'],
    [
      'an unknown fusion',
      { candidate: { retrieval: { fusion: 'zscore' } } },
      'body.candidate.retrieval.fusion',
    ],
    [
      'an unknown rerank',
      { candidate: { retrieval: { rerank: 'cross' } } },
      'body.candidate.retrieval.rerank',
    ],
    ['a k of 0', { candidate: { retrieval: { k: 0 } } }, 'body.candidate.retrieval.k'],
    ['a k over 50', { candidate: { retrieval: { k: 51 } } }, 'body.candidate.retrieval.k'],
    ['a fractional k', { candidate: { retrieval: { k: 2.5 } } }, 'body.candidate.retrieval.k'],
    ['empty retrieval settings', { candidate: { retrieval: {} } }, 'body.candidate.retrieval'],
    [
      'an unknown retrieval field',
      { candidate: { retrieval: { k: 3, top: 1 } } },
      'body.candidate.retrieval',
    ],
    [
      'a recall over 1',
      { candidate: { retrieval: { mode: 'keyword' } }, min_recall: 1.5 },
      'body.min_recall',
    ],
    [
      'a recall floor for a prompt candidate',
      { candidate: { model: 'a/b' }, min_recall: 0.8 },
      'body.min_recall',
    ],
  ])('refuses %s with 400 INVALID_ARGUMENT naming the field', async (_what, body, field) => {
    const before = fake.seen('CreateRollout').length;
    const error = await expectError(await admin('POST', '/v1/admin/rollouts', body), 400, 'INVALID_ARGUMENT');
    expect(fieldsOf(error).join(' ')).toContain(field);
    expect(fake.seen('CreateRollout').length).toBe(before);
  });
});

describe('without generate’s change services', () => {
  it('answers 503 SERVICE_UNAVAILABLE (retryable)', async () => {
    const bare = await startKeyedGateway();
    try {
      const response = await callAs(bare.url, ADMIN_TOKEN, 'GET', '/v1/admin/experiments');
      const error = await expectError(response, 503, 'SERVICE_UNAVAILABLE');
      expect(error.retryable).toBe(true);
    } finally {
      await bare.stop();
    }
  });
});
