import { describe, expect, it } from '@jest/globals';
import type { ChatChunk, NumberedPassage } from '../../domain/ports.ts';
import { composeExtractiveAnswer } from './extractive-answer.ts';
import { ExtractiveProvider } from './extractive-provider.ts';

const passage = (index: number, title: string, text: string): NumberedPassage => ({
  index,
  documentId: title.toLowerCase(),
  chunkId: `${title.toLowerCase()}#0`,
  title,
  text,
  score: 1,
  start: 0,
  end: text.length,
});

// Retrieval for a follow-up brings back more than the topic: another index's drawbacks too.
const PASSAGES = [
  passage(1, 'IVF', 'IVF partitions vectors into lists. Its drawbacks are a training step and lower recall.'),
  passage(
    2,
    'HNSW',
    'HNSW builds a layered graph index for vector search. Its drawbacks for the HNSW graph are high memory use and slow inserts.',
  ),
];
const FOLLOW_UP = 'What about its drawbacks?';
const STANDALONE = 'drawbacks HNSW graph index';

describe('the extractive answer to a follow-up', () => {
  it('scores on the standalone rewrite, so the previous topic decides which drawbacks', () => {
    // Alone, "its drawbacks" has nothing to say which index: the first drawbacks sentence wins.
    expect(composeExtractiveAnswer(FOLLOW_UP, PASSAGES).text).toMatch(/^Its drawbacks are a training step/);
    const answer = composeExtractiveAnswer(FOLLOW_UP, PASSAGES, undefined, STANDALONE);
    expect(answer.text).toMatch(
      /^Its drawbacks for the HNSW graph are high memory use and slow inserts \[2\]\./,
    );
    expect(answer.cited[0]).toBe(2);
  });

  it('still types the question from the user: a follow-up about drawbacks no passage has says so', () => {
    const answer = composeExtractiveAnswer(
      'What about its licensing?',
      PASSAGES,
      undefined,
      'licensing HNSW graph index',
    );
    expect(answer.parts).toEqual([]);
  });

  it('counts the conversation in the input it reports, though it scores only passages', async () => {
    const usage = async (context: object) => {
      const chunks: ChatChunk[] = [];
      const request = {
        model: 'extractive-v1',
        system: '',
        messages: [],
        context: { query: FOLLOW_UP, passages: PASSAGES, ...context },
      };
      for await (const chunk of new ExtractiveProvider().stream(request, new AbortController().signal))
        chunks.push(chunk);
      return chunks.find((chunk) => chunk.usage)?.usage?.inputTokens ?? 0;
    };
    const alone = await usage({});
    const withConversation = await usage({
      history: [
        { role: 'user', content: 'What is HNSW?' },
        { role: 'assistant', content: 'HNSW builds a layered graph index [2].' },
      ],
      summary: 'The user compares vector indexes.',
    });
    // Words, as everywhere in this provider: 3 + 7 (the marker is a word) + 5.
    expect(withConversation - alone).toBe(15);
  });
});
