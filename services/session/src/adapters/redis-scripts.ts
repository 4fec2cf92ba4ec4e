import { EXPIRED_TOMBSTONE_MS } from '../domain/session-errors.ts';

/*
 * The Lua scripts behind RedisSessionStore: each checks the owner and does its writes in one
 * atomic step, so replicas sharing one Redis never interleave half an append. A failed check is
 * an error reply naming the reason, which the store turns into its domain error.
 */

/*
 * Beside each session hash, <session>:owner holds "tenant\nuser" for a day past the session's
 * TTL: once the hash has expired, its owner is told SESSION_EXPIRED instead of SESSION_NOT_FOUND.
 */
const OWNED = `
local function owned(key, tenant, user)
  local owner = redis.call('HMGET', key, 'tenant', 'user')
  return owner[1] == tenant and owner[2] == user
end
local function missing(key, tenant, user)
  if redis.call('EXISTS', key) == 0 and redis.call('GET', key .. ':owner') == tenant .. '\\n' .. user then
    return redis.error_reply('SESSION_EXPIRED')
  end
  return redis.error_reply('SESSION_NOT_FOUND')
end
local function keep_owner(key, ttl)
  redis.call('PEXPIRE', key .. ':owner', tonumber(ttl) + ${EXPIRED_TOMBSTONE_MS})
end
local function count_activity(bucket)
  redis.call('INCR', bucket)
  redis.call('PEXPIRE', bucket, 7200000)
end
`;

const script = (body: string) => `${OWNED}${body}`;

/** KEYS session, messages, lock, index, active; ARGV tenant, user, id. A deletion leaves no tombstone. */
export const DELETE_SESSION = script(`
if not owned(KEYS[1], ARGV[1], ARGV[2]) then return missing(KEYS[1], ARGV[1], ARGV[2]) end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[1] .. ':owner')
redis.call('ZREM', KEYS[4], ARGV[3])
redis.call('ZREM', KEYS[5], ARGV[3])
return 1
`);

/**
 * KEYS session, messages, index, active, activity bucket; ARGV tenant, user, now, ttlMs, message
 * JSON without its opening brace, id. The seq comes from the session's counter, so it is unique
 * across replicas.
 */
export const APPEND_MESSAGE = script(`
if not owned(KEYS[1], ARGV[1], ARGV[2]) then return missing(KEYS[1], ARGV[1], ARGV[2]) end
local seq = redis.call('HINCRBY', KEYS[1], 'messageCount', 1)
redis.call('HSET', KEYS[1], 'lastActivityAt', ARGV[3])
local message = '{"seq":' .. seq .. ',"createdAt":' .. ARGV[3] .. ',' .. ARGV[5]
redis.call('RPUSH', KEYS[2], message)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[6])
redis.call('PEXPIRE', KEYS[3], ARGV[4])
redis.call('ZADD', KEYS[4], ARGV[3], ARGV[6])
redis.call('PEXPIRE', KEYS[4], ARGV[4])
keep_owner(KEYS[1], ARGV[4])
count_activity(KEYS[5])
return message
`);

/**
 * KEYS session, messages; ARGV tenant, user, afterSeq, count. The window holds consecutive seqs
 * ending at messageCount, so a seq maps to a list index without scanning.
 */
export const READ_MESSAGES = script(`
if not owned(KEYS[1], ARGV[1], ARGV[2]) then return missing(KEYS[1], ARGV[1], ARGV[2]) end
local count = tonumber(redis.call('HGET', KEYS[1], 'messageCount'))
local first = count - redis.call('LLEN', KEYS[2]) + 1
local start = math.max(tonumber(ARGV[3]) + 1 - first, 0)
return redis.call('LRANGE', KEYS[2], start, start + tonumber(ARGV[4]) - 1)
`);

/**
 * KEYS session, messages, activity bucket; ARGV tenant, user, summary, throughSeq. Returns the
 * session hash.
 */
export const REPLACE_WINDOW = script(`
if not owned(KEYS[1], ARGV[1], ARGV[2]) then return missing(KEYS[1], ARGV[1], ARGV[2]) end
local count = tonumber(redis.call('HGET', KEYS[1], 'messageCount'))
local through = tonumber(ARGV[4])
if through > count then return redis.error_reply('BAD_THROUGH_SEQ ' .. count) end
local first = count - redis.call('LLEN', KEYS[2]) + 1
local drop = through - first + 1
if drop > 0 then redis.call('LTRIM', KEYS[2], drop, -1) end
redis.call('HSET', KEYS[1], 'summary', ARGV[3])
local before = tonumber(redis.call('HGET', KEYS[1], 'summarizedMessageCount') or '0')
redis.call('HSET', KEYS[1], 'summarizedMessageCount', math.max(before, through))
count_activity(KEYS[3])
return redis.call('HGETALL', KEYS[1])
`);

/** KEYS session, messages, index; ARGV tenant, user, ttlMs. */
export const TOUCH = script(`
if not owned(KEYS[1], ARGV[1], ARGV[2]) then return missing(KEYS[1], ARGV[1], ARGV[2]) end
keep_owner(KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
redis.call('PEXPIRE', KEYS[3], ARGV[3])
return 1
`);

/** KEYS session, lock, activity bucket; ARGV tenant, user, turnId, lockMs. */
export const BEGIN_TURN = script(`
if not owned(KEYS[1], ARGV[1], ARGV[2]) then return missing(KEYS[1], ARGV[1], ARGV[2]) end
if not redis.call('SET', KEYS[2], ARGV[3], 'NX', 'PX', ARGV[4]) then
  return redis.error_reply('TURN_IN_PROGRESS')
end
redis.call('HSET', KEYS[1], 'lastTurnId', ARGV[3])
count_activity(KEYS[3])
return 1
`);

/**
 * KEYS session, events, lock; ARGV tenant, user, turnId, event JSON, terminal ('1' or '0'),
 * ttlMs, expected seq ('' for none). Entry ids are 0-<seq>, so XRANGE/XREAD positions are the
 * seqs clients see. An expected seq already written is a retried append: nothing is written
 * again. A terminal event releases the lock if this turn still holds it.
 */
export const APPEND_TURN_EVENT = script(`
if not owned(KEYS[1], ARGV[1], ARGV[2]) then return missing(KEYS[1], ARGV[1], ARGV[2]) end
local length = redis.call('XLEN', KEYS[2])
local expected = tonumber(ARGV[7])
if expected and expected <= length then return expected end
local last = redis.call('XREVRANGE', KEYS[2], '+', '-', 'COUNT', 1)[1]
if last and last[2][4] == '1' then return redis.error_reply('TURN_FINISHED') end
local seq = length + 1
if expected and expected ~= seq then return redis.error_reply('TURN_SEQ_GAP ' .. seq) end
redis.call('XADD', KEYS[2], '0-' .. seq, 'e', ARGV[4], 't', ARGV[5])
redis.call('PEXPIRE', KEYS[2], ARGV[6])
if ARGV[5] == '1' and redis.call('GET', KEYS[3]) == ARGV[3] then redis.call('DEL', KEYS[3]) end
return seq
`);

/**
 * KEYS session, messages; ARGV tenant, user, seq, status, errorCode. The stored JSON was written
 * by JSON.stringify, where a string value can never hold an unescaped quote, so the first
 * "status":"running" is the field itself; a message already summarized away is left alone.
 */
export const SET_MESSAGE_STATUS = script(`
if not owned(KEYS[1], ARGV[1], ARGV[2]) then return missing(KEYS[1], ARGV[1], ARGV[2]) end
local count = tonumber(redis.call('HGET', KEYS[1], 'messageCount'))
local first = count - redis.call('LLEN', KEYS[2]) + 1
local index = tonumber(ARGV[3]) - first
if index < 0 then return 0 end
local message = redis.call('LINDEX', KEYS[2], index)
if not message then return 0 end
local field = '"status":"running"'
local at = string.find(message, field, 1, true)
if not at then return 0 end
local settled = '"status":"' .. ARGV[4] .. '"'
if ARGV[5] ~= '' then settled = settled .. ',"errorCode":' .. cjson.encode(ARGV[5]) end
redis.call('LSET', KEYS[2], index, string.sub(message, 1, at - 1) .. settled .. string.sub(message, at + #field))
return 1
`);

/** KEYS session, events; ARGV tenant, user, afterSeq. */
export const READ_TURN_EVENTS = script(`
if not owned(KEYS[1], ARGV[1], ARGV[2]) then return missing(KEYS[1], ARGV[1], ARGV[2]) end
return redis.call('XRANGE', KEYS[2], '(0-' .. ARGV[3], '+')
`);
