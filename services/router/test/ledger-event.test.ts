import { describe, expect, it } from '@jest/globals';
import { createEvent } from '@ragfleet/events';
// Type only: generate's event, so that a field renamed there fails the typecheck here.
import type { GenerationCompleted } from '../../generate/src/adapters/completion-publisher.ts';
import { ledgerEntryOf } from '../src/ledger/generation-event.ts';

const published: GenerationCompleted = {
  generationId: 'gen-1',
  task: 'answer',
  tenant: 'acme',
  user: 'alice',
  keyId: 'key-a',
  provider: 'anthropic',
  model: 'claude-haiku-4-5',
  promptVersion: 'rag-v3',
  finishReason: 'stop',
  inputTokens: 1200,
  outputTokens: 300,
  costUsd: 0.0027,
  latencyMs: 800,
  timeToFirstTokenMs: 250,
  cached: false,
};

const envelope = (data: unknown, tenant = 'acme') =>
  createEvent({ type: 'generate.answer.completed', source: 'generate', tenant, data, id: 'env-1' });

describe('a generation.completed event as a ledger entry', () => {
  it('keeps what generate publishes: who, which model, tokens, cost, cached, when', () => {
    const event = envelope(published);
    expect(ledgerEntryOf(event)).toEqual({
      generationId: 'gen-1',
      tenant: 'acme',
      user: 'alice',
      keyId: 'key-a',
      task: 'answer',
      provider: 'anthropic',
      model: 'claude-haiku-4-5',
      inputTokens: 1200,
      outputTokens: 300,
      costUsd: 0.0027,
      cached: false,
      at: new Date(event.time).toISOString(),
    });
  });

  it("counts a session's summary and a suggestion like an answer: each was paid for", () => {
    for (const task of ['summary', 'suggestion'] as const) {
      const event = envelope({ ...published, task, generationId: `gen-${task}`, timeToFirstTokenMs: 0 });
      expect(ledgerEntryOf(event)).toMatchObject({ generationId: `gen-${task}`, task, costUsd: 0.0027 });
    }
  });

  it('keys an event without generationId by its envelope id, and counts it at no known cost', () => {
    const entry = ledgerEntryOf(
      envelope({ provider: 'ollama', model: 'llama3.2', inputTokens: 9, outputTokens: 3 }),
    );
    expect(entry).toMatchObject({
      generationId: 'event:env-1',
      task: 'answer',
      user: '',
      keyId: '',
      costUsd: 0,
      cached: false,
    });
  });

  it("takes the envelope's tenant over the data's", () => {
    expect(ledgerEntryOf(envelope({ ...published, tenant: 'globex' }, 'acme'))?.tenant).toBe('acme');
  });

  it('reads nonsense counts and costs as 0 rather than refusing the generation', () => {
    const entry = ledgerEntryOf(
      envelope({ ...published, inputTokens: -4, outputTokens: 'many', costUsd: -1 }),
    );
    expect(entry).toMatchObject({ inputTokens: 0, outputTokens: 0, costUsd: 0 });
  });

  it('gives no entry for an event without provider or model', () => {
    expect(ledgerEntryOf(envelope({ ...published, provider: undefined }))).toBeUndefined();
    expect(ledgerEntryOf(envelope({ ...published, model: '' }))).toBeUndefined();
    expect(ledgerEntryOf(envelope('not an object'))).toBeUndefined();
  });
});
