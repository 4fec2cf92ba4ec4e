import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startFakeAnthropic, startFakeOllama, type FakeAnthropic, type FakeOllama } from '@ragfleet/testing';
import { AnthropicProvider } from '../src/adapters/anthropic-provider.ts';
import { ExtractiveProvider } from '../src/adapters/extractive/extractive-provider.ts';
import { OllamaProvider } from '../src/adapters/ollama-provider.ts';
import { loadPromptLibrary } from '../src/adapters/prompt-files.ts';
import type { AnswerEvent } from '../src/domain/answer-events.ts';
import { AnswerPipeline } from '../src/domain/answer-pipeline.ts';
import type { ModelChoice, Passage } from '../src/domain/ports.ts';
import { ProviderGuard } from '../src/domain/provider-guard.ts';

const ANTHROPIC = { provider: 'anthropic', model: 'claude-haiku-4-5' };
const OLLAMA = { provider: 'ollama', model: 'llama3.2' };
const EXTRACTIVE = { provider: 'extractive', model: 'extractive-v1' };
const PASSAGES: Passage[] = [
  {
    documentId: 'design',
    chunkId: 'design#3',
    title: 'DESIGN.md',
    text: 'The router picks the model chain. A failure before the first token falls back to the next model.',
    score: 0.8,
    start: 120,
    end: 220,
  },
];

let anthropic: FakeAnthropic;
let ollama: FakeOllama;

beforeAll(async () => {
  [anthropic, ollama] = await Promise.all([startFakeAnthropic(), startFakeOllama()]);
});

afterAll(async () => {
  await Promise.all([anthropic.close(), ollama.close()]);
});

beforeEach(() => {
  anthropic.setBehavior({ mode: 'ok', tokens: ['Falls', ' back', ' [1].'] });
  ollama.setChatBehavior({ mode: 'ok', tokens: ['Ollama', ' says', ' hi'] });
});

function pipeline(chain: ModelChoice[]) {
  return new AnswerPipeline({
    router: { route: async () => ({ chain, reason: 'test' }) },
    retriever: { search: async () => PASSAGES },
    prompts: loadPromptLibrary('rag-answer', 'v1'),
    providers: [
      new AnthropicProvider({ apiKey: 'test-key', baseURL: anthropic.url }),
      new OllamaProvider({ host: ollama.url }),
      new ExtractiveProvider(),
    ],
    // No retries and a fresh breaker per test: each case sees exactly one call per provider.
    guard: new ProviderGuard({ retries: 0, breakerThreshold: 5 }),
    defaultTopK: 4,
  });
}

async function collect(chain: ModelChoice[], signal = new AbortController().signal): Promise<AnswerEvent[]> {
  const events: AnswerEvent[] = [];
  for await (const event of pipeline(chain).answer(
    {
      query: 'What happens after a failure before the first token?',
      k: 0,
      filters: {},
      tier: 'premium',
      promptVersion: '',
    },
    signal,
  )) {
    events.push(event);
  }
  return events;
}

const text = (events: AnswerEvent[]) => events.flatMap((e) => (e.type === 'token' ? [e.text] : [])).join('');
const stages = (events: AnswerEvent[]) => events.flatMap((e) => (e.type === 'status' ? [e.stage] : []));

describe('anthropic provider against the fake Messages API', () => {
  it('streams tokens, usage and the stop reason through the real SDK', async () => {
    const before = anthropic.requests.length;
    const events = await collect([ANTHROPIC, EXTRACTIVE]);
    expect(text(events)).toBe('Falls back [1].');
    expect(events.find((e) => e.type === 'usage')).toEqual({
      type: 'usage',
      inputTokens: 42,
      outputTokens: 3,
      provider: 'anthropic',
      model: 'claude-haiku-4-5',
    });
    expect(events.at(-1)).toMatchObject({
      type: 'done',
      provider: 'anthropic',
      finishReason: 'end_turn',
      promptVersion: 'v1',
    });
    const sent = anthropic.requests[before] as {
      model: string;
      stream: boolean;
      system: string;
      messages: Array<{ content: string }>;
    };
    expect(sent).toMatchObject({ model: 'claude-haiku-4-5', stream: true });
    expect(sent.messages[0]?.content).toContain('[1] DESIGN.md');
  });

  it('falls back to ollama when anthropic fails before the first token', async () => {
    anthropic.setBehavior({ mode: 'fail-before-first-token', status: 529 });
    const events = await collect([ANTHROPIC, OLLAMA, EXTRACTIVE]);
    expect(stages(events)).toEqual(['routing', 'retrieving', 'fallback', 'generating']);
    expect(events.find((e) => e.type === 'status' && e.stage === 'fallback')).toMatchObject({
      provider: 'anthropic',
    });
    expect(text(events)).toBe('Ollama says hi');
    expect(events.at(-1)).toMatchObject({ type: 'done', provider: 'ollama', model: 'llama3.2' });
  });

  it('ends with PROVIDER_FAILED, not done, when the stream fails mid-answer', async () => {
    anthropic.setBehavior({ mode: 'fail-mid-stream', tokensBeforeFailure: ['Half', ' an'] });
    const events = await collect([ANTHROPIC, EXTRACTIVE]);
    expect(text(events)).toBe('Half an');
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'PROVIDER_FAILED' });
    expect(events.some((e) => e.type === 'done')).toBe(false);
  });
});

describe('ollama provider against the fake /api/chat', () => {
  it('streams a normal answer with usage', async () => {
    const events = await collect([OLLAMA, EXTRACTIVE]);
    expect(text(events)).toBe('Ollama says hi');
    expect(events.find((e) => e.type === 'usage')).toMatchObject({
      provider: 'ollama',
      outputTokens: expect.any(Number),
    });
    expect(events.at(-1)).toMatchObject({ type: 'done', provider: 'ollama', finishReason: 'stop' });
  });

  it('falls back to the extractive answerer when ollama fails before the first token', async () => {
    ollama.setChatBehavior({ mode: 'fail-before-first-token', status: 500 });
    const events = await collect([OLLAMA, EXTRACTIVE]);
    expect(events.find((e) => e.type === 'status' && e.stage === 'fallback')).toMatchObject({
      provider: 'ollama',
    });
    expect(text(events)).toContain('falls back to the next model [1].');
    expect(events.at(-1)).toMatchObject({ type: 'done', provider: 'extractive', model: 'extractive-v1' });
  });

  it('ends with PROVIDER_FAILED when the connection drops mid-answer', async () => {
    ollama.setChatBehavior({ mode: 'fail-mid-stream', tokensBeforeFailure: ['Cut', ' off'] });
    const events = await collect([OLLAMA, EXTRACTIVE]);
    expect(text(events)).toBe('Cut off');
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'PROVIDER_FAILED' });
    expect(events.some((e) => e.type === 'done')).toBe(false);
  });
});

describe('cancellation', () => {
  it('aborting the answer cancels the upstream anthropic stream', async () => {
    anthropic.setBehavior({ mode: 'ok', tokens: Array.from({ length: 2000 }, (_, i) => ` w${i}`) });
    const controller = new AbortController();
    let tokens = 0;
    const reading = (async () => {
      for await (const event of pipeline([ANTHROPIC, EXTRACTIVE]).answer(
        { query: 'long answer please', k: 0, filters: {}, tier: 'premium', promptVersion: '' },
        controller.signal,
      )) {
        if (event.type === 'token' && ++tokens === 5) controller.abort(new Error('client went away'));
        expect(event.type).not.toBe('done');
      }
    })();
    await expect(reading).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(tokens).toBeLessThan(2000);
  });
});
