import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@ragfleet/config';
import { loadRetrieveConfig } from './config.ts';

describe('retrieve config: index backend', () => {
  it('keeps the indexes in memory (hnsw) unless told otherwise', () => {
    const config = loadRetrieveConfig({});
    expect(config).toMatchObject({ INDEX_BACKEND: 'hnsw', LANCEDB_SHARED: false });
    expect(config.LANCEDB_URI).toBeUndefined();
  });

  it('takes lancedb with a local or object storage URI, and rejects other backends', () => {
    expect(
      loadRetrieveConfig({ INDEX_BACKEND: 'lancedb', LANCEDB_URI: 's3://bucket/ragfleet' }),
    ).toMatchObject({
      INDEX_BACKEND: 'lancedb',
      LANCEDB_URI: 's3://bucket/ragfleet',
    });
    expect(() => loadRetrieveConfig({ INDEX_BACKEND: 'faiss' })).toThrow(ConfigError);
  });

  it('shares a dataset only on lancedb, with a dataset URI and a shared store', () => {
    const shared = { INDEX_BACKEND: 'lancedb', LANCEDB_SHARED: 'true', LANCEDB_URI: 's3://bucket/ragfleet' };
    expect(loadRetrieveConfig({ ...shared, MONGODB_URI: 'mongodb://db/ragfleet' }).LANCEDB_SHARED).toBe(true);
    expect(() => loadRetrieveConfig(shared)).toThrow(/LANCEDB_SHARED: needs LANCEDB_URI .* and MONGODB_URI/);
    expect(() =>
      loadRetrieveConfig({ ...shared, INDEX_BACKEND: 'hnsw', MONGODB_URI: 'mongodb://db/ragfleet' }),
    ).toThrow(/LANCEDB_SHARED: applies to INDEX_BACKEND=lancedb only/);
  });
});
