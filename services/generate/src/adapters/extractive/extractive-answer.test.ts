import { describe, expect, it } from '@jest/globals';
import type { NumberedPassage } from '../../domain/ports.ts';
import { NOTHING_RELEVANT, NOTHING_RETRIEVED, composeExtractiveAnswer } from './extractive-answer.ts';
import type { AnswerEvent } from '../../domain/answer-events.ts';
import { coalesceTokens } from '../../domain/coalesce-tokens.ts';
import { ExtractiveProvider } from './extractive-provider.ts';

function passage(index: number, text: string, start = 0): NumberedPassage {
  return {
    index,
    documentId: `doc-${index}`,
    chunkId: `doc-${index}#0`,
    title: `Doc ${index}`,
    text,
    score: 1,
    start,
    end: start + text.length,
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

const SERVICES = passage(
  1,
  [
    '## Services',
    '',
    'Each service has a gRPC port and an ops port. Do you need the leaf node port?',
    '',
    '| service | gRPC  | ops  |',
    '| ------- | ----- | ---- |',
    '| gateway | —     | 9100 |',
    '| embed   | 50051 | 9101 |',
    '',
    'The gateway listens on port 8080 for clients.',
  ].join('\n'),
);

describe('composeExtractiveAnswer', () => {
  it('quotes the sentences that match the question, with their citation numbers', () => {
    const answer = composeExtractiveAnswer('Where is the index persisted?', passages);
    expect(answer.text).toMatch(/^The index is persisted under DATA_DIR and reloaded on start \[2\]\./);
    expect(answer.text).not.toContain('API keys');
    expect(answer.cited).toEqual([2]);
  });

  it('weights rare terms above common ones', () => {
    const answer = composeExtractiveAnswer('How are rate limits stored in Redis?', passages, {
      maxSentences: 1,
      minRelativeScore: 0,
      minCoverage: 0.5,
    });
    expect(answer.text).toBe('Rate limits are kept in Redis [1].');
    expect(answer.parts).toEqual([{ text: 'Rate limits are kept in Redis [1].', passage: 1 }]);
  });

  it('matches inflected forms through stemming', () => {
    const answer = composeExtractiveAnswer('caching embedding', passages, {
      maxSentences: 1,
      minRelativeScore: 0,
      minCoverage: 0.5,
    });
    expect(answer.text).toBe('Embeddings are cached by model and text hash [3].');
  });

  it('opens a "which port" answer with the sentence that states the number, not with a question', () => {
    const answer = composeExtractiveAnswer('Which port does the gateway listen on?', [SERVICES]);
    expect(answer.text).toMatch(/^The gateway listens on port 8080 for clients \[1\]\./);
    expect(answer.text).not.toContain('leaf node');
  });

  it('does not quote an example that only repeats the question', () => {
    const readme = passage(
      1,
      [
        'Then ask:',
        '',
        '```sh',
        'npx ragfleet ask "How are chunks kept unique on a retry?"',
        '```',
        '',
        'Chunk ids are derived from the document id and the position, so a retry replaces the same chunks.',
      ].join('\n'),
    );
    const answer = composeExtractiveAnswer('How are chunks kept unique on a retry?', [readme]);
    expect(answer.text).toMatch(/^Chunk ids are derived/);
    expect(answer.text).not.toContain('npx ragfleet ask');
  });

  it('quotes a table row with its header', () => {
    const answer = composeExtractiveAnswer('Which gRPC port does embed use?', [SERVICES]);
    expect(answer.text).toMatch(/^embed — gRPC: 50051; ops: 9101 \[1\]\./);
  });

  it('quotes a short "Default:" line with the heading it belongs to', () => {
    const api = passage(
      1,
      '#### `depthLimit` (Number)\n\nDefault: `5`\n\nMaximum nesting depth of the serializer.',
    );
    const answer = composeExtractiveAnswer('What is the default depthLimit?', [api]);
    expect(answer.text).toMatch(/^`depthLimit` \(Number\): Default: `5` \[1\]\./);
  });

  it('answers a "how" question with the instruction and the code block after it, kept as code', () => {
    const guide = passage(
      1,
      'To turn on synchronous logging, pass `sync: true` to the destination:\n\n```js\nconst dest = pino.destination({ sync: true })\nlogger.info("hi")\n```\n\nAsynchronous logging is the default.',
    );
    const answer = composeExtractiveAnswer('How do I turn on synchronous logging?', [guide]);
    expect(answer.parts.map((part) => part.text)).toEqual([
      'To turn on synchronous logging, pass `sync: true` to the destination [1].',
      '\n\n```js\nconst dest = pino.destination({ sync: true })\nlogger.info("hi")\n```\n[1]',
    ]);
  });

  it('opens with prose, not with a code block that merely repeats the question', () => {
    const readme = passage(
      1,
      'Then ask:\n\n```sh\npnpm ragfleet ask "How does a retried job avoid duplicate chunks?"\n```\n\nChunk ids are deterministic, so a retried job never duplicates chunks.',
    );
    const answer = composeExtractiveAnswer('How does a retried job avoid duplicate chunks?', [readme]);
    expect(answer.text).toMatch(
      /^Chunk ids are deterministic, so a retried job never duplicates chunks \[1\]\./,
    );
  });

  it('drops template tags and reads a restated goal as the lead-in to its answer', () => {
    const doc = passage(
      1,
      '{% tab title="Node" %}\nLet\'s assume we want a module field on every log line of a module.\nTo accomplish this, use a child logger.\n{% endtab %}',
    );
    const answer = composeExtractiveAnswer('How do I add a module field to every log line?', [doc]);
    expect(answer.text).toMatch(/^To accomplish this, use a child logger \[1\]\./);
    expect(answer.text).not.toContain('{%');
  });

  it('puts the citation marker after an ellipsis, not inside it', () => {
    const list = passage(1, '- `iss`: the calling service (`gateway`, `generate`, ...);');
    expect(composeExtractiveAnswer('Which calling service is iss?', [list]).text).toBe(
      '`iss`: the calling service (`gateway`, `generate`, ...) [1].',
    );
  });

  it('quotes a sentence repeated by overlapping chunks only once', () => {
    const repeated = [passages[1] as NumberedPassage, { ...(passages[1] as NumberedPassage), index: 2 }];
    const answer = composeExtractiveAnswer('HNSW index persisted', repeated);
    expect(answer.text.match(/persisted under DATA_DIR/g)).toHaveLength(1);
  });

  it('does not quote the half line a character chunk began with', () => {
    const cut = passage(1, 'ed under DATA_DIR and reloaded.\nThe index is persisted on every ingest.', 500);
    const answer = composeExtractiveAnswer('Where is the index persisted?', [cut]);
    expect(answer.text).toBe('The index is persisted on every ingest [1].');
  });

  it('says plainly when nothing was retrieved or nothing answers', () => {
    expect(composeExtractiveAnswer('anything', []).text).toBe(NOTHING_RETRIEVED);
    expect(composeExtractiveAnswer('quantum chromodynamics', passages).text).toBe(NOTHING_RELEVANT);
    expect(composeExtractiveAnswer('what is the', passages).text).toBe(NOTHING_RELEVANT);
    // The thing asked about ("Kafka broker") is in no passage, though "port" is.
    expect(composeExtractiveAnswer('Which port does the Kafka broker listen on?', [SERVICES]).text).toBe(
      NOTHING_RELEVANT,
    );
    expect(composeExtractiveAnswer('Which GPU model does embed require?', [SERVICES]).cited).toEqual([]);
  });

  it('answers over a chunk cut at any offset of any Markdown construct, and ends', () => {
    const doc = [
      '# Guide',
      '',
      '| setting | default | meaning |',
      '| ------- | ------- | ------- |',
      '| `PORT` | 8080 | where it listens |',
      '',
      '```js',
      'const port = 8080',
      '```',
      '',
      '{% tab %}',
      '- The port is 8080 by default.',
      '~~~',
      'bare fence',
      '~~~',
      '<a id="x"></a>',
      '#### `port` (Number)',
      '',
      'Default: `8080`',
    ].join('\n');
    for (let start = 0; start < doc.length; start++) {
      for (const size of [15, 60, 200]) {
        const text = doc.slice(start, start + size);
        const answer = composeExtractiveAnswer('Which port is the default?', [passage(1, text, start)]);
        expect(typeof answer.text).toBe('string');
      }
    }
  });

  it('is deterministic', () => {
    const question = 'Which port does the gateway listen on?';
    expect(composeExtractiveAnswer(question, [SERVICES])).toEqual(
      composeExtractiveAnswer(question, [SERVICES]),
    );
  });
});

describe('ExtractiveProvider', () => {
  const request = {
    model: 'extractive-v1',
    system: '',
    messages: [],
    context: { query: 'Redis', passages },
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

  it('streams the answer one quoted sentence at a time, the same way every time', async () => {
    const first = await collect();
    const second = await collect();
    expect(first.tokens.length).toBeGreaterThan(1);
    expect(first.tokens).toEqual([
      'Rate limits are kept in Redis [1].',
      ' The cache lives in Redis when REDIS_URL is set [3].',
    ]);
    expect(first.tokens.join('')).toBe(composeExtractiveAnswer(request.context.query, passages).text);
    expect(second).toEqual(first);
    expect(first.finishReason).toBe('stop');
  });

  it('reaches the client in several token events, though coalescing merges tokens ready together', async () => {
    async function* events(): AsyncGenerator<AnswerEvent> {
      for await (const chunk of new ExtractiveProvider().stream(request, new AbortController().signal)) {
        if (chunk.token) yield { type: 'token', text: chunk.token };
      }
    }
    const tokens: string[] = [];
    for await (const event of coalesceTokens(events())) if (event.type === 'token') tokens.push(event.text);
    expect(tokens).toEqual((await collect()).tokens);
    expect(tokens.length).toBeGreaterThan(1);
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
