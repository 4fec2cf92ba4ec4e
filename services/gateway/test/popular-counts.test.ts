import { afterAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { uniqueSuffix } from '@ragfleet/testing';
import { createLogger, runWithRequestContext } from '@ragfleet/telemetry';
import { MemoryQuestionCounts } from '../src/popular/memory-question-counts.ts';
import { normalizeQuestion, MAX_COUNTED_QUESTION_CHARS } from '../src/popular/normalize-question.ts';
import { PopularQuestions, WARM_HEADER } from '../src/popular/popular-questions.ts';
import type { QuestionCounts, QuestionCountSettings } from '../src/popular/question-counts.ts';
import { RedisQuestionCounts } from '../src/popular/redis-question-counts.ts';

/**
 * One contract for both counts: in this process and in the local Redis (under a prefix of this
 * run's own, deleted afterwards). Times are given explicitly, so decay is exact, not slept for.
 */
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const prefix = `test:popular:${uniqueSuffix()}:`;
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 11, 1);

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

let run = 0;
const adapters: Array<[string, (settings: QuestionCountSettings) => QuestionCounts]> = [
  ['memory', (settings) => new MemoryQuestionCounts(settings)],
  ['redis', (settings) => new RedisQuestionCounts(redis, `${prefix}${run++}:`, settings)],
];

describe.each(adapters)('question counts (%s)', (_name, create) => {
  const hourly = { halfLifeSeconds: 3_600, maxQuestions: 100 };

  it('ranks questions by their hits, highest first, with the limit applied', async () => {
    const counts = create(hourly);
    for (const [question, hits] of [
      ['a', 1],
      ['b', 3],
      ['c', 2],
    ] as const) {
      for (let i = 0; i < hits; i++) await counts.record('t1', question, T0);
    }
    expect(await counts.top('t1', 10, T0)).toEqual([
      { question: 'b', score: 3 },
      { question: 'c', score: 2 },
      { question: 'a', score: 1 },
    ]);
    expect((await counts.top('t1', 2, T0)).map((entry) => entry.question)).toEqual(['b', 'c']);
  });

  it('halves a hit every half-life: an old burst falls below a recent few', async () => {
    const counts = create(hourly);
    for (let i = 0; i < 8; i++) await counts.record('t1', 'yesterday', T0);
    await counts.record('t1', 'now', T0 + 2 * HOUR);
    await counts.record('t1', 'now', T0 + 3 * HOUR);
    await counts.record('t1', 'now', T0 + 3 * HOUR);
    const top = await counts.top('t1', 10, T0 + 3 * HOUR);
    // 8 hits three half-lives ago weigh 1; 1 hit one half-life ago 0.5, and 2 now.
    expect(top.map((entry) => entry.question)).toEqual(['now', 'yesterday']);
    expect(top[0]!.score).toBeCloseTo(2.5, 9);
    expect(top[1]!.score).toBeCloseTo(1, 9);
    // Read later, both keep decaying by the same factor.
    const later = await counts.top('t1', 10, T0 + 4 * HOUR);
    expect(later[0]!.score).toBeCloseTo(1.25, 9);
    expect(later[1]!.score).toBeCloseTo(0.5, 9);
  });

  it('keeps scores exact across many half-lives (where Redis rescales its base)', async () => {
    const counts = create(hourly);
    await counts.record('t1', 'old', T0);
    await counts.record('t1', 'old', T0 + 30 * HOUR);
    // 40 half-lives after the first hit: past the rescale point of 2^32.
    await counts.record('t1', 'new', T0 + 40 * HOUR);
    const top = await counts.top('t1', 10, T0 + 40 * HOUR);
    expect(top[0]).toEqual({ question: 'new', score: expect.closeTo(1, 9) });
    expect(top[1]!.question).toBe('old');
    expect(top[1]!.score).toBeCloseTo(2 ** -10 + 2 ** -40, 12);
  });

  it('keeps at most maxQuestions per tenant, dropping the lowest scored', async () => {
    const counts = create({ halfLifeSeconds: 3_600, maxQuestions: 3 });
    for (const [question, hits] of [
      ['q1', 3],
      ['q2', 1],
      ['q3', 2],
    ] as const) {
      for (let i = 0; i < hits; i++) await counts.record('t1', question, T0);
    }
    // An hour later q1, q2, q3 weigh 1.5, 0.5 and 1: the newcomer's first hit (1) drops q2.
    await counts.record('t1', 'q4', T0 + HOUR);
    await counts.record('t1', 'q4', T0 + HOUR);
    const top = await counts.top('t1', 10, T0 + HOUR);
    expect(top.map(({ question, score }) => [question, score])).toEqual([
      ['q4', expect.closeTo(2, 9)],
      ['q1', expect.closeTo(1.5, 9)],
      ['q3', expect.closeTo(1, 9)],
    ]);
  });

  it('keeps tenants apart', async () => {
    const counts = create(hourly);
    await counts.record('t1', 'only one', T0);
    await counts.record('t2', 'only two', T0);
    await counts.record('t2', 'only two', T0);
    expect(await counts.top('t1', 10, T0)).toEqual([{ question: 'only one', score: 1 }]);
    expect(await counts.top('t2', 10, T0)).toEqual([{ question: 'only two', score: 2 }]);
    expect(await counts.top('nobody', 10, T0)).toEqual([]);
  });
});

describe('the Redis counts keys', () => {
  it('expire after twenty half-lives without a hit, so a silent tenant leaves nothing', async () => {
    const own = `${prefix}ttl:`;
    const counts = new RedisQuestionCounts(redis, own, { halfLifeSeconds: 60, maxQuestions: 10 });
    await counts.record('t1', 'q', Date.now());
    const ttl = await redis.ttl(`${own}{t1}:questions`);
    expect(ttl).toBeGreaterThan(1_190);
    expect(ttl).toBeLessThanOrEqual(1_200);
    expect(await redis.ttl(`${own}{t1}:base`)).toBeGreaterThan(1_190);
  });
});

describe('normalizeQuestion', () => {
  it('trims, collapses white space and lower-cases; blank and over-long questions are not counted', () => {
    expect(normalizeQuestion('  What   is\tLIFT?\n')).toBe('what is lift?');
    expect(normalizeQuestion(' \n ')).toBeUndefined();
    expect(normalizeQuestion('x'.repeat(MAX_COUNTED_QUESTION_CHARS))).toHaveLength(
      MAX_COUNTED_QUESTION_CHARS,
    );
    expect(normalizeQuestion('x'.repeat(MAX_COUNTED_QUESTION_CHARS + 1))).toBeUndefined();
  });
});

describe('PopularQuestions.asked', () => {
  const logger = createLogger('gateway', 'silent');
  const context = (tenant: string) => ({ requestId: 'r1', tenant });
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it("counts the normalized question for the request's tenant, not the warmer's replays", async () => {
    const counts = new MemoryQuestionCounts({ halfLifeSeconds: 3_600, maxQuestions: 10 });
    const popular = new PopularQuestions(counts, { halfLifeSeconds: 3_600, logger });
    runWithRequestContext(context('t1'), () => popular.asked('What is LIFT?'));
    runWithRequestContext(context('t1'), () => popular.asked('what  is lift?', {}));
    runWithRequestContext(context('t1'), () => popular.asked('what is lift?', { [WARM_HEADER]: '1' }));
    runWithRequestContext(context('t2'), () => popular.asked('what is drag?'));
    popular.asked('no request context');
    await settle();
    expect((await popular.top('t1', 10)).map(({ question, score }) => [question, Math.round(score)])).toEqual(
      [['what is lift?', 2]],
    );
    expect((await popular.top('t2', 10)).map((entry) => entry.question)).toEqual(['what is drag?']);
  });

  it('never throws nor rejects when the counts cannot be written', async () => {
    const failing: QuestionCounts = {
      record: () => Promise.reject(new Error('redis down')),
      top: () => Promise.resolve([]),
    };
    const popular = new PopularQuestions(failing, { halfLifeSeconds: 3_600, logger });
    expect(() => runWithRequestContext(context('t1'), () => popular.asked('q'))).not.toThrow();
    await settle();
  });
});
