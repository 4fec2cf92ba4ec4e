import { describe, expect, it } from '@jest/globals';
import type { AnswerRequest } from '../src/domain/answer-events.ts';
import type { ChatChunk, ChatProvider, NumberedPassage } from '../src/domain/ports.ts';
import { PromptLibrary, parseTemplate } from '../src/domain/prompt-template.ts';
import { ProviderGuard } from '../src/domain/provider-guard.ts';
import { citedDocumentIds, compareShadow, jaccard } from '../src/shadow/shadow-comparison.ts';
import { ShadowRunner } from '../src/shadow/shadow-runner.ts';
import { MemoryShadowStore } from '../src/shadow/shadow-store.ts';
import type { AnswerEvent } from '../src/domain/answer-events.ts';

const PASSAGES: NumberedPassage[] = ['a', 'b', 'c'].map((id, position) => ({
  index: position + 1,
  documentId: id,
  chunkId: `${id}#0`,
  title: id,
  text: `passage ${id}`,
  score: 0.5,
  start: 0,
  end: 9,
}));
const REQUEST: AnswerRequest = {
  query: 'What is shadowed?',
  k: 0,
  filters: {},
  tier: 'free',
  promptVersion: '',
};
const prompts = new PromptLibrary(
  [parseTemplate('v1', '# system\nanswer\n# user\n{{context}}\n{{question}}')],
  'v1',
);

/** A candidate model answering at once with a fixed usage, so its cost is known. */
const candidate: ChatProvider = {
  name: 'priced',
  async *stream(): AsyncIterable<ChatChunk> {
    yield { token: 'Shadow cites [2][3].' };
    yield { usage: { inputTokens: 1000, outputTokens: 1000 }, finishReason: 'stop' };
  },
};

/** The primary's stream as the pipeline gives it. */
async function* primary(): AsyncGenerator<AnswerEvent> {
  yield { type: 'citations', citations: PASSAGES };
  yield { type: 'status', stage: 'generating', message: 'x', provider: 'local', model: 'small' };
  yield { type: 'token', text: 'Primary cites [1][2].' };
  yield {
    type: 'done',
    provider: 'local',
    model: 'small',
    finishReason: 'stop',
    promptVersion: 'v1',
    timeToFirstTokenMs: 1,
    cached: false,
    costUsd: 0.0005,
  };
}

function runner(overrides: Partial<ConstructorParameters<typeof ShadowRunner>[0]> = {}) {
  return new ShadowRunner({
    share: 1,
    candidate: { model: { provider: 'priced', model: 'big' } },
    budgetUsd: 100,
    maxConcurrent: 1_000,
    keepRecent: 10,
    store: new MemoryShadowStore(),
    // $1 per million tokens each way: 1,000 + 1,000 tokens cost $0.002.
    prices: async () => ({ inputPricePerMtok: 1, outputPricePerMtok: 1 }),
    prompts,
    providers: [candidate],
    guard: new ProviderGuard({ retries: 0 }),
    maxOutputTokens: 1024,
    ...overrides,
  });
}

async function drain(events: AsyncIterable<AnswerEvent>): Promise<AnswerEvent[]> {
  const seen: AnswerEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

describe('shadow comparison', () => {
  it('computes the deltas, the length ratio and the Jaccard overlap of cited documents', () => {
    expect(citedDocumentIds('x [1] y [3][1] z [9]', PASSAGES)).toEqual(['a', 'c']);
    expect(jaccard(['a', 'b'], ['b', 'c'])).toBeCloseTo(1 / 3);
    expect(jaccard([], [])).toBe(1);
    const comparison = compareShadow(
      'priced/big',
      { latencyMs: 100, costUsd: 0.001, text: 'abcd', citedDocumentIds: ['a', 'b'] },
      { latencyMs: 250, costUsd: 0.003, text: 'abcdef', citedDocumentIds: ['b'] },
      new Date('2026-12-01T10:00:00Z'),
    );
    expect(comparison).toEqual({
      at: '2026-12-01T10:00:00.000Z',
      candidate: 'priced/big',
      latencyMsDelta: 150,
      costUsdDelta: 0.002,
      lengthRatio: 1.5,
      citationOverlap: 0.5,
      shadowCostUsd: 0.003,
    });
  });
});

describe('ShadowRunner', () => {
  it('passes the primary through untouched and records the candidate against it', async () => {
    const shadow = runner();
    const seen = await drain(shadow.observe(primary(), REQUEST));
    expect(seen).toEqual(await drain(primary()));
    await shadow.settled();
    const [comparison] = await shadow.store.recent(5);
    expect(comparison?.citationOverlap).toBeCloseTo(1 / 3); // {a,b} vs {b,c}
    expect(comparison?.costUsdDelta).toBeCloseTo(0.002 - 0.0005, 9);
    expect(comparison?.lengthRatio).toBeCloseTo(
      'Shadow cites [2][3].'.length / 'Primary cites [1][2].'.length,
    );
    expect(comparison?.shadowError).toBeUndefined();
  });

  it('honours the share statistically', async () => {
    const shadow = runner({ share: 0.3 });
    const answers = 2_000;
    for (let i = 0; i < answers; i++) await drain(shadow.observe(primary(), REQUEST));
    await shadow.settled();
    const { runs } = await shadow.store.totals();
    // Binomial(2000, 0.3): mean 600, sd 20.5; 4 sd either side.
    expect(runs).toBeGreaterThan(600 - 82);
    expect(runs).toBeLessThan(600 + 82);
    const off = runner({ share: 0 });
    await drain(off.observe(primary(), REQUEST));
    await off.settled();
    expect((await off.store.totals()).runs).toBe(0);
  });

  it('stops at the daily shadow budget and counts what it skipped', async () => {
    // Each run holds its estimate (~$0.0015) first and then costs $0.002: two fit in $0.005.
    const shadow = runner({ budgetUsd: 0.005 });
    for (let i = 0; i < 5; i++) {
      await drain(shadow.observe(primary(), REQUEST));
      await shadow.settled();
    }
    const totals = await shadow.store.totals();
    expect(totals.runs).toBe(2);
    expect(totals.skippedBudget).toBe(3);
    const spent = await shadow.store.spent(new Date().toISOString().slice(0, 10));
    expect(spent).toBeCloseTo(0.004, 9);
    expect(spent).toBeLessThanOrEqual(0.005);
  });

  it('skips a sampled answer when the concurrency limit is reached', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const stalled: ChatProvider = {
      name: 'priced',
      async *stream() {
        await gate;
        yield { token: 'late [1]' };
      },
    };
    const shadow = runner({ maxConcurrent: 1, providers: [stalled] });
    await drain(shadow.observe(primary(), REQUEST));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await drain(shadow.observe(primary(), REQUEST));
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await shadow.settled();
    const totals = await shadow.store.totals();
    expect(totals.runs).toBe(1);
    expect(totals.skippedBusy).toBe(1);
  });
});
