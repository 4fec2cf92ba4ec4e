import { describe, expect, it } from '@jest/globals';
import type { EmbeddingCache } from '../domain/embedding-cache.ts';
import { FailOpenCache } from './fail-open-cache.ts';

class FlakyCache implements EmbeddingCache {
  down = false;
  async getMany(keys: string[]) {
    if (this.down) throw new Error('connection refused');
    return keys.map(() => Float32Array.from([1]));
  }
  async setMany() {
    if (this.down) throw new Error('connection refused');
  }
}

describe('FailOpenCache', () => {
  it('answers misses during an outage, logging its start and end once each', async () => {
    const inner = new FlakyCache();
    const log: string[] = [];
    const cache = new FailOpenCache(inner, {
      warn: (fields, message) => log.push(`warn ${message} ${JSON.stringify(fields)}`),
      info: (_, message) => log.push(`info ${message}`),
    });
    expect(await cache.getMany(['a'])).toEqual([Float32Array.from([1])]);
    inner.down = true;
    expect(await cache.getMany(['a', 'b'])).toEqual([undefined, undefined]);
    await cache.setMany([{ key: 'a', vector: Float32Array.from([1]) }]);
    expect(await cache.getMany(['a'])).toEqual([undefined]);
    inner.down = false;
    expect(await cache.getMany(['a'])).toEqual([Float32Array.from([1])]);
    expect(log).toEqual([
      'warn embedding cache unavailable; embedding without it {"err":"connection refused"}',
      'info embedding cache available again',
    ]);
  });
});
