import { describe, expect, it } from '@jest/globals';
import type { Passage } from './ports.ts';
import { normalizeQuestion, passageVersion, responseCacheKey } from './response-cache-key.ts';

const PASSAGE: Passage = {
  documentId: 'hnsw',
  chunkId: 'hnsw#0',
  title: 'HNSW',
  text: 'HNSW builds a layered graph.',
  score: 0.9,
  start: 0,
  end: 28,
};
const PARTS = {
  tenant: 'acme',
  question: 'What is HNSW?',
  choice: { provider: 'ollama', model: 'llama3.2' },
  promptVersion: 'v3',
  passages: [PASSAGE],
};

describe('responseCacheKey', () => {
  it('normalizes the question: trimmed, whitespace collapsed, lower-cased', () => {
    expect(normalizeQuestion('  What is\n\tHNSW?  ')).toBe('what is hnsw?');
    expect(responseCacheKey({ ...PARTS, question: ' what  IS hnsw? ' })).toBe(responseCacheKey(PARTS));
  });

  it('versions a chunk by its text, not by its score or offsets', () => {
    expect(passageVersion(PASSAGE)).toBe(passageVersion({ ...PASSAGE }));
    expect(passageVersion({ ...PASSAGE, text: 'HNSW builds a layered proximity graph.' })).not.toBe(
      passageVersion(PASSAGE),
    );
    expect(responseCacheKey({ ...PARTS, passages: [{ ...PASSAGE, score: 0.2, start: 5 }] })).toBe(
      responseCacheKey(PARTS),
    );
  });

  it('differs for every part the answer depends on', () => {
    const key = responseCacheKey(PARTS);
    const variants = [
      { ...PARTS, tenant: 'globex' },
      { ...PARTS, question: 'What is IVF?' },
      { ...PARTS, choice: { provider: 'ollama', model: 'mistral' } },
      { ...PARTS, choice: { provider: 'anthropic', model: 'llama3.2' } },
      { ...PARTS, promptVersion: 'v2' },
      { ...PARTS, passages: [] },
      { ...PARTS, passages: [{ ...PASSAGE, chunkId: 'hnsw#1' }] },
      { ...PARTS, passages: [{ ...PASSAGE, text: 'changed' }] },
      { ...PARTS, passages: [PASSAGE, { ...PASSAGE, chunkId: 'hnsw#1' }] },
      { ...PARTS, history: [{ role: 'user' as const, content: 'hi' }] },
      { ...PARTS, summary: 'They talked about indexes.' },
      { ...PARTS, searchQuery: 'What is HNSW in ragfleet?' },
    ];
    const keys = new Set(variants.map((parts) => responseCacheKey(parts)));
    expect(keys.size).toBe(variants.length);
    expect(keys.has(key)).toBe(false);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
  });
});
