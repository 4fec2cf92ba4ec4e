import { Redis } from 'ioredis';
import { uniqueSuffix } from '@ragfleet/testing';
import { sessionStoreContract } from '../domain/session-store.contract.ts';
import { RedisSessionStore } from './redis-session-store.ts';

/* The contract on the machine's Redis: a unique key prefix per store, every key removed after. */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

sessionStoreContract('RedisSessionStore', async (timings) => {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const keyPrefix = `ragfleet:test:session:${uniqueSuffix()}:`;
  const store = new RedisSessionStore(redis, { ...timings, keyPrefix });
  return {
    store,
    cleanup: async () => {
      await store.close();
      const keys = await redis.keys(`${keyPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
});
