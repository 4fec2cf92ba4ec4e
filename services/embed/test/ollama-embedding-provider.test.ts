import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startFakeOllama, type FakeOllama } from '@ragfleet/testing';
import { OllamaEmbeddingProvider } from '../src/adapters/ollama-embedding-provider.ts';
import { embeddingProviderContract } from './embedding-provider-contract.ts';

let fake: FakeOllama;

beforeAll(async () => {
  fake = await startFakeOllama({ dimensions: 24 });
});

afterAll(async () => {
  await fake.close();
});

let contractProvider: OllamaEmbeddingProvider | undefined;
embeddingProviderContract('Ollama', () => {
  contractProvider ??= new OllamaEmbeddingProvider({ host: fake.url, model: 'nomic-embed-text' });
  return contractProvider;
});

describe('OllamaEmbeddingProvider', () => {
  it('embeds through the real client and learns the dimensions from the answer', async () => {
    const provider = new OllamaEmbeddingProvider({ host: fake.url, model: 'nomic-embed-text' });
    expect(provider.dimensions).toBe(0);
    const vectors = await provider.embed(['alpha', 'beta', 'alpha']);
    expect(provider.dimensions).toBe(24);
    expect(vectors).toHaveLength(3);
    expect(vectors[0]).toHaveLength(24);
    expect(vectors[2]).toEqual(vectors[0]);
    expect(vectors[1]).not.toEqual(vectors[0]);
    expect(fake.requests.at(-1)).toEqual({
      path: '/api/embed',
      body: expect.objectContaining({ model: 'nomic-embed-text', input: ['alpha', 'beta', 'alpha'] }),
    });
  });

  it('reports an unreachable Ollama as PROVIDER_UNAVAILABLE', async () => {
    const gone = await startFakeOllama();
    await gone.close();
    const provider = new OllamaEmbeddingProvider({ host: gone.url, model: 'nomic-embed-text' });
    await expect(provider.embed(['x'])).rejects.toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      retryable: true,
    });
  });
});
