import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@ragfleet/config';
import { loadEmbedConfig } from './config.ts';

describe('embed config', () => {
  it('runs the local model on its defaults', () => {
    const config = loadEmbedConfig({ EMBED_WORKERS: '3' });
    expect(config).toMatchObject({
      GRPC_PORT: 7051,
      METRICS_PORT: 9101,
      EMBED_DEFAULT_PROVIDER: 'local',
      EMBED_BATCH_SIZE: 32,
      EMBED_WORKERS: 3,
      EMBED_CONCURRENCY: 3,
      EMBED_CACHE_PREFIX: 'ragfleet:embed:',
      EMBED_CACHE_TTL_SECONDS: 604_800,
    });
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('defaults to ollama when OLLAMA_HOST is set', () => {
    const config = loadEmbedConfig({ OLLAMA_HOST: 'http://127.0.0.1:11434', EMBED_CONCURRENCY: '8' });
    expect(config).toMatchObject({
      EMBED_DEFAULT_PROVIDER: 'ollama',
      OLLAMA_EMBED_MODEL: 'nomic-embed-text',
      EMBED_CONCURRENCY: 8,
    });
  });

  it('refuses ollama as the default without a host', () => {
    expect(() => loadEmbedConfig({ EMBED_DEFAULT_PROVIDER: 'ollama' })).toThrow(/EMBED_DEFAULT_PROVIDER/);
  });

  it('names a bad number', () => {
    expect(() => loadEmbedConfig({ EMBED_BATCH_SIZE: '0' })).toThrow(ConfigError);
    expect(() => loadEmbedConfig({ EMBED_BATCH_SIZE: '0' })).toThrow(/EMBED_BATCH_SIZE/);
  });
});
