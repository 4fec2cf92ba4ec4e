import { describe, expect, it } from '@jest/globals';
import type { AnswerEvent } from './answer-events.ts';
import { AnswerPipeline } from './answer-pipeline.ts';
import type { ChatChunk, ChatProvider, ChatRequest } from './ports.ts';
import { PromptLibrary, parseTemplate } from './prompt-template.ts';
import { ProviderGuard } from './provider-guard.ts';

/** A model that reports no usage, so the pipeline approximates it; it keeps what it was sent. */
class SilentModel implements ChatProvider {
  readonly name = 'silent';
  readonly requests: ChatRequest[] = [];

  async *stream(request: ChatRequest): AsyncGenerator<ChatChunk> {
    this.requests.push(request);
    yield { token: 'ok' };
  }
}

function setup() {
  const model = new SilentModel();
  const searched: string[] = [];
  const pipeline = new AnswerPipeline({
    router: { route: async () => ({ chain: [{ provider: 'silent', model: 'm' }], reason: 'test' }) },
    retriever: {
      search: async (query) => {
        searched.push(query);
        return [];
      },
    },
    prompts: new PromptLibrary([parseTemplate('v1', '# system\nrules\n# user\n{{question}}')], 'v1'),
    providers: [model],
    guard: new ProviderGuard({ retries: 0 }),
    defaultTopK: 3,
  });
  const answer = async (conversation: object) => {
    const events: AnswerEvent[] = [];
    const request = {
      query: 'and its price?',
      k: 0,
      filters: {},
      tier: 't',
      promptVersion: '',
      ...conversation,
    };
    for await (const event of pipeline.answer(request, new AbortController().signal)) events.push(event);
    const usage = events.find((event) => event.type === 'usage');
    return usage?.type === 'usage' ? usage.inputTokens : -1;
  };
  return { model, searched, answer };
}

describe('AnswerPipeline with a conversation', () => {
  it('approximates input tokens over the history and the summary too', async () => {
    const { model, answer } = setup();
    const bare = await answer({});
    const history = [
      { role: 'user', content: 'x'.repeat(400) },
      { role: 'assistant', content: 'y'.repeat(400) },
    ];
    const withHistory = await answer({ history, summary: 'z'.repeat(400) });
    // About four characters a token: 800 of history, the summary with its fence and notes.
    expect(withHistory - bare).toBeGreaterThan(300);
    expect(model.requests[0]?.system).toBe('rules');
    expect(model.requests[1]?.messages.slice(0, 2)).toEqual(history);
    expect(model.requests[1]?.context).toMatchObject({
      query: 'and its price?',
      history,
      summary: 'z'.repeat(400),
    });
  });

  it('searches the standalone question, trimmed, and the query when there is none', async () => {
    const { searched, model, answer } = setup();
    await answer({ searchQuery: '  price of the Team plan ' });
    await answer({ searchQuery: '   ' });
    expect(searched).toEqual(['price of the Team plan', 'and its price?']);
    expect(model.requests[0]?.messages).toEqual([{ role: 'user', content: 'and its price?' }]);
    expect(model.requests[0]?.context).toMatchObject({ searchQuery: 'price of the Team plan' });
    expect(model.requests[1]?.context).not.toHaveProperty('searchQuery');
  });
});
