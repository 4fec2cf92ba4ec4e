import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Ollama } from 'ollama';
import { startFakeOllama, type FakeOllama } from '@ragfleet/testing';

// The fake lives in @ragfleet/testing; it is checked here against the real `ollama` client,
// which this service depends on, so that generate's tests can trust it too.
let fake: FakeOllama;
let client: Ollama;

beforeAll(async () => {
  fake = await startFakeOllama({ dimensions: 5 });
  client = new Ollama({ host: fake.url });
});

afterAll(async () => {
  await fake.close();
});

const messages = [{ role: 'user', content: 'say hello please' }];

describe('fake Ollama with the real client', () => {
  it('embeds a single string or a list, deterministically', async () => {
    const single = await client.embed({ model: 'nomic-embed-text', input: 'hello' });
    const list = await client.embed({ model: 'nomic-embed-text', input: ['hello', 'world'] });
    expect(single.embeddings).toHaveLength(1);
    expect(single.embeddings[0]).toHaveLength(5);
    expect(list.embeddings[0]).toEqual(single.embeddings[0]);
    expect(list.embeddings[1]).not.toEqual(single.embeddings[0]);
  });

  it('streams chat tokens then a done line with usage counts', async () => {
    fake.setChatBehavior({ mode: 'ok', tokens: ['Hel', 'lo', '!'] });
    const parts: Array<{ content: string; done: boolean; doneReason?: string; evalCount?: number }> = [];
    for await (const part of await client.chat({ model: 'llama3.2', messages, stream: true })) {
      parts.push({
        content: part.message.content,
        done: part.done,
        ...(part.done ? { doneReason: part.done_reason, evalCount: part.eval_count } : {}),
      });
    }
    expect(parts).toEqual([
      { content: 'Hel', done: false },
      { content: 'lo', done: false },
      { content: '!', done: false },
      { content: '', done: true, doneReason: 'stop', evalCount: 3 },
    ]);
    expect(fake.requests.at(-1)).toMatchObject({
      path: '/api/chat',
      body: { model: 'llama3.2', stream: true },
    });
  });

  it('answers a non-streaming chat with the whole message', async () => {
    fake.setChatBehavior({ mode: 'ok', tokens: ['Hel', 'lo'] });
    const response = await client.chat({ model: 'llama3.2', messages, stream: false });
    expect(response).toMatchObject({
      message: { role: 'assistant', content: 'Hello' },
      done: true,
      prompt_eval_count: 3,
    });
  });

  it('fails before the first token with the given status and error message', async () => {
    fake.setChatBehavior({ mode: 'fail-before-first-token', status: 503 });
    await expect(client.chat({ model: 'llama3.2', messages, stream: true })).rejects.toMatchObject({
      name: 'ResponseError',
      status_code: 503,
    });
  });

  it('drops the connection mid-stream after the given tokens', async () => {
    fake.setChatBehavior({ mode: 'fail-mid-stream', tokensBeforeFailure: ['par', 'tial'] });
    const received: string[] = [];
    const reading = (async () => {
      for await (const part of await client.chat({ model: 'llama3.2', messages, stream: true })) {
        received.push(part.message.content);
      }
    })();
    await expect(reading).rejects.toThrow();
    expect(received).toEqual(['par', 'tial']);
  });

  it('answers /api/tags and /api/version', async () => {
    const tags = await client.list();
    expect(tags.models.map((model) => model.name)).toContain('nomic-embed-text:latest');
    expect((await client.version()).version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
