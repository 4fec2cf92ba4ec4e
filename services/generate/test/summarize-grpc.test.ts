import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { GenerateV1 } from '@ragfleet/protos';
import { runWithRequestContext } from '@ragfleet/telemetry';
import { uniqueSuffix } from '@ragfleet/testing';
import { EXTRACTIVE_SUMMARY_PREFIX } from '../src/adapters/extractive/extractive-summary.ts';
import {
  OLLAMA_MODEL,
  invalidFields,
  lastChatMessages,
  startConversationHarness,
  type ConversationHarness,
} from './conversation-harness.ts';

let harness: ConversationHarness;

beforeAll(async () => {
  harness = await startConversationHarness({ conversationLimits: { maxMessages: 200, maxChars: 20_000 } });
});

afterAll(async () => {
  await harness.close();
});

beforeEach(() => {
  harness.ollama.setChatBehavior({
    mode: 'ok',
    tokens: ['The user wants', ' HNSW; they agreed', ' on cosine.'],
  });
});

const summarize = (request: GenerateV1.SummarizeRequest) =>
  runWithRequestContext({ requestId: `req-${uniqueSuffix()}`, tenant: 'acme' }, () =>
    harness.client.summarize(request),
  );

const MESSAGES = [
  { role: 'user', content: 'Which index suits 10 million vectors?' },
  { role: 'assistant', content: 'HNSW suits 10 million vectors [1]. It needs memory.' },
];

describe('GenerateService.Summarize', () => {
  it("writes the summary with the model, from the versioned template, and reports the model's usage", async () => {
    const response = await summarize({
      previousSummary: 'The user runs Postgres 16.',
      messages: MESSAGES,
      tier: 'standard',
    });
    expect(response).toEqual({
      summary: 'The user wants HNSW; they agreed on cosine.',
      promptVersion: 'v1',
      provider: 'ollama',
      model: OLLAMA_MODEL,
      // The fake counts the words of every message it got, and one token per chunk it sends.
      inputTokens: expect.any(Number),
      outputTokens: 3,
      // The test route gives the model no prices.
      costUsd: 0,
      extractive: false,
    });
    expect(response.inputTokens).toBeGreaterThan(100);
    const [system, prompt, ...rest] = lastChatMessages(harness.ollama);
    expect(rest).toEqual([]);
    expect(system?.role).toBe('system');
    expect(system?.content).toContain('at most 200 words');
    expect(system?.content).toContain('never drop them');
    // The previous summary and every message are sealed as quoted data, with their roles.
    expect(prompt?.content).toMatch(
      /<summary seal="([0-9a-f]{16})">\nThe user runs Postgres 16\.\n<\/summary seal="\1">/,
    );
    expect(prompt?.content).toMatch(
      /<message index="1" role="user" seal="([0-9a-f]{16})">\nWhich index suits 10 million vectors\?\n<\/message seal="\1">/,
    );
    expect(prompt?.content).toContain('<message index="2" role="assistant" seal="');
    // Routed on the messages' text, for the tier asked.
    expect(harness.routes.at(-1)).toMatchObject({
      query: `${MESSAGES[0]?.content}\n${MESSAGES[1]?.content}`,
      tier: 'standard',
    });
  });

  it("cuts a model's summary to max_words", async () => {
    const response = await summarize({ messages: MESSAGES, tier: 'standard', maxWords: 5 });
    expect(response.summary).toBe('The user wants HNSW; they');
    const [system] = lastChatMessages(harness.ollama);
    expect(system?.content).toContain('at most 5 words');
  });

  it('falls back to the next model of the chain when one fails', async () => {
    harness.ollama.setChatBehavior({ mode: 'fail-before-first-token', status: 500 });
    const response = await summarize({ messages: MESSAGES, tier: 'standard' });
    expect(response).toMatchObject({ provider: 'extractive', model: 'extractive-v1', extractive: true });
    expect(response.summary).toBe(
      `${EXTRACTIVE_SUMMARY_PREFIX}User asked: Which index suits 10 million vectors? Assistant: HNSW suits 10 million vectors.`,
    );

    harness.ollama.setChatBehavior({ mode: 'fail-mid-stream', tokensBeforeFailure: ['The user'] });
    const afterCut = await summarize({ messages: MESSAGES, tier: 'standard' });
    expect(afterCut.provider).toBe('extractive');
  });

  it('answers PROVIDER_UNAVAILABLE when every model of the chain fails', async () => {
    harness.ollama.setChatBehavior({ mode: 'fail-before-first-token', status: 503 });
    await expect(summarize({ messages: MESSAGES, tier: 'local' })).rejects.toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
    });
  });

  it('offline, still has the facts of message 1 after 60 messages folded 15 at a time', async () => {
    const messages = [
      { role: 'user', content: 'Which plan fits the Zephyr migration with a budget of 40,000 euros?' },
      { role: 'assistant', content: 'The Team plan fits a 40,000 euro budget for Zephyr [1].' },
    ];
    for (let i = 1; messages.length < 60; i++) {
      messages.push({ role: 'user', content: `How are nightly job ${i} failures retried by the scheduler?` });
      messages.push({
        role: 'assistant',
        content: `Job ${i} failures are retried three times [2]. Then it alerts.`,
      });
    }
    let summary = '';
    for (let fold = 0; fold < 4; fold++) {
      const response = await summarize({
        previousSummary: summary,
        messages: messages.slice(fold * 15, fold * 15 + 15),
        tier: 'free',
      });
      expect(response).toMatchObject({ provider: 'extractive', extractive: true, promptVersion: 'v1' });
      expect(response.outputTokens).toBeLessThanOrEqual(200);
      ({ summary } = response);
      expect(summary).toContain('Which plan fits the Zephyr migration with a budget of 40,000 euros?');
    }
    expect(summary.startsWith(EXTRACTIVE_SUMMARY_PREFIX)).toBe(true);
    // The last fold is in it as well.
    expect(summary).toContain('How are nightly job 23 failures retried by the scheduler?');
  });

  it('refuses bad input with INVALID_ARGUMENT naming the fields', async () => {
    const refused = async (request: GenerateV1.SummarizeRequest) => {
      const error = await summarize(request).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
      return invalidFields(error);
    };
    expect(await refused({ messages: [], tier: 'free' })).toEqual(['messages']);
    expect(
      await refused({ messages: [...MESSAGES, { role: 'tool', content: 'rm -rf' }], tier: 'free' }),
    ).toEqual(['messages.2.role']);
    expect(
      await refused({ messages: [{ role: 'user', content: 'x'.repeat(20_001) }], tier: 'free' }),
    ).toEqual(['messages']);
    expect(await refused({ messages: MESSAGES, tier: 'free', maxWords: 5_000 })).toEqual(['max_words']);
    await expect(summarize({ messages: MESSAGES, tier: 'free', promptVersion: 'v9' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});
