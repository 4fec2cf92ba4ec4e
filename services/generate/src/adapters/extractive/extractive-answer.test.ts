import { describe, expect, it } from '@jest/globals';
import type { NumberedPassage } from '../../domain/ports.ts';
import { NOTHING_RELEVANT, NOTHING_RETRIEVED, composeExtractiveAnswer } from './extractive-answer.ts';
import { ExtractiveProvider } from './extractive-provider.ts';

function passage(index: number, text: string): NumberedPassage {
  return {
    index,
    documentId: `doc-${index}`,
    chunkId: `doc-${index}#0`,
    title: `Doc ${index}`,
    text,
    score: 1,
    start: 0,
    end: text.length,
  };
}

const passages = [
  passage(
    1,
    'The gateway speaks HTTP and frames streams as NDJSON. It checks API keys before anything else. Rate limits are kept in Redis.',
  ),
  passage(
    2,
    'The retrieve service owns the corpus. Chunk vectors are indexed in an HNSW graph with cosine distance. The index is persisted under DATA_DIR and reloaded on start.',
  ),
  passage(3, 'Embeddings are cached by model and text hash. The cache lives in Redis when REDIS_URL is set.'),
];

describe('composeExtractiveAnswer', () => {
  it('quotes the sentences that match the question, with their citation numbers', () => {
    const answer = composeExtractiveAnswer('Where is the HNSW index persisted?', passages);
    expect(answer.text).toContain('The index is persisted under DATA_DIR and reloaded on start [2].');
    expect(answer.text).toContain('indexed in an HNSW graph with cosine distance [2].');
    expect(answer.text).not.toContain('API keys');
    expect(answer.cited.every((index) => index === 2)).toBe(true);
  });

  it('weights rare terms above common ones and keeps document order', () => {
    // "redis" appears in two passages, "rate" and "limits" in one: the rate-limit sentence wins.
    const answer = composeExtractiveAnswer('How are rate limits stored in Redis?', passages, {
      maxSentences: 1,
      minRelativeScore: 0,
    });
    expect(answer).toEqual({ text: 'Rate limits are kept in Redis [1].', cited: [1] });
    const two = composeExtractiveAnswer('redis cache and rate limits', passages, {
      maxSentences: 2,
      minRelativeScore: 0,
    });
    expect(two.cited).toEqual([1, 3]);
  });

  it('matches inflected forms through stemming', () => {
    const answer = composeExtractiveAnswer('caching embedding', passages, {
      maxSentences: 1,
      minRelativeScore: 0,
    });
    expect(answer.text).toBe('Embeddings are cached by model and text hash [3].');
  });

  it('quotes a sentence repeated by overlapping chunks only once', () => {
    const repeated = [passages[1] as NumberedPassage, { ...(passages[1] as NumberedPassage), index: 2 }];
    const answer = composeExtractiveAnswer('HNSW index persisted', repeated);
    expect(answer.text.match(/persisted under DATA_DIR/g)).toHaveLength(1);
  });

  it('says plainly when nothing was retrieved or nothing matches', () => {
    expect(composeExtractiveAnswer('anything', []).text).toBe(NOTHING_RETRIEVED);
    expect(composeExtractiveAnswer('quantum chromodynamics', passages).text).toBe(NOTHING_RELEVANT);
    expect(composeExtractiveAnswer('what is the', passages).text).toBe(NOTHING_RELEVANT);
  });
});

describe('ExtractiveProvider', () => {
  const request = {
    model: 'extractive-v1',
    system: '',
    messages: [],
    context: { query: 'Where is the HNSW index persisted?', passages },
  };

  async function collect(signal = new AbortController().signal) {
    const tokens: string[] = [];
    let finishReason: string | undefined;
    for await (const chunk of new ExtractiveProvider().stream(request, signal)) {
      if (chunk.token) tokens.push(chunk.token);
      finishReason ??= chunk.finishReason;
    }
    return { tokens, finishReason };
  }

  it('streams the answer word by word, the same way every time', async () => {
    const first = await collect();
    const second = await collect();
    expect(first.tokens.length).toBeGreaterThan(5);
    expect(first.tokens.join('')).toBe(composeExtractiveAnswer(request.context.query, passages).text);
    expect(second).toEqual(first);
    expect(first.finishReason).toBe('stop');
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const stream = new ExtractiveProvider().stream(request, controller.signal);
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    controller.abort(new Error('client went away'));
    await expect(iterator.next()).rejects.toThrow('client went away');
  });
});
