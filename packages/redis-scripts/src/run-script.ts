import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

const shas = new Map<string, string>();

/**
 * Runs a Lua script by EVALSHA, so its text crosses the wire once per Redis rather than on every
 * call, falling back to EVAL (which caches it) when Redis does not have it yet (NOSCRIPT: a new
 * or restarted server, or SCRIPT FLUSH).
 */
export async function runScript(
  redis: Redis,
  lua: string,
  keys: string[],
  args: (string | number)[],
): Promise<unknown> {
  let sha = shas.get(lua);
  if (!sha) {
    sha = createHash('sha1').update(lua).digest('hex');
    shas.set(lua, sha);
  }
  try {
    return await redis.evalsha(sha, keys.length, ...keys, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return await redis.eval(lua, keys.length, ...keys, ...args);
  }
}
