import { afterAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { runScript } from './run-script.ts';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
const key = `ragfleet:test:run-script:${process.pid}:${Date.now()}`;
// A comment of this run's own makes a script no Redis has cached yet (no SCRIPT FLUSH on a
// shared server).
const INCREMENT = `-- ${key}\nreturn redis.call('INCRBY', KEYS[1], ARGV[1])`;

afterAll(async () => {
  await redis.del(key);
  redis.disconnect();
});

describe('runScript', () => {
  it('runs a script Redis does not have cached (NOSCRIPT, then EVAL), and by its sha after', async () => {
    await redis.connect();
    expect(await redis.script('EXISTS', sha1(INCREMENT))).toEqual([0]);
    expect(await runScript(redis, INCREMENT, [key], [2])).toBe(2);
    expect(await runScript(redis, INCREMENT, [key], [3])).toBe(5);
    expect(await redis.script('EXISTS', sha1(INCREMENT))).toEqual([1]);
    expect(await redis.evalsha(sha1(INCREMENT), 1, key, 1)).toBe(6);
  });

  it('passes a script error on', async () => {
    await expect(runScript(redis, "return redis.error_reply('NOPE')", [], [])).rejects.toThrow('NOPE');
  });
});
