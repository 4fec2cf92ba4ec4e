/*
 * The Lua behind RedisBudgetStore. Each step a generation takes (reserve, settle) is one script,
 * so that Redis runs its checks and writes with nothing in between: 200 concurrent reserves from
 * any number of replicas serialize, and a budget never grants more than it holds.
 *
 * Layout, for each bucket (a scope in a period): a hash `usage` {spent, reserved, alerted} in
 * integer micro-dollars, and a sorted set `held` of live reservations, member `amount|id`, score
 * the expiry in epoch ms. Expired members are purged (and their amount released) by every script
 * before it reads the bucket, so a crashed process's reservation stops counting at its TTL without
 * any sweeper. Time comes from the caller (ARGV now), so that tests can move the clock; for the
 * same reason keys expire by PEXPIRE (keepMs, relative to that clock), never at an absolute time
 * of Redis's own clock.
 */
const COMMON = `
local now = tonumber(ARGV[1])

-- Lua 5.1 prints large numbers as 1e+15; Redis needs the integer's digits.
local function int(x) return string.format('%d', x) end

local function purge(usage, held)
  local expired = redis.call('ZRANGEBYSCORE', held, '-inf', now)
  if #expired == 0 then return end
  local released = 0
  for _, member in ipairs(expired) do
    released = released + tonumber(string.sub(member, 1, string.find(member, '|', 1, true) - 1))
  end
  redis.call('HINCRBY', usage, 'reserved', int(-released))
  redis.call('ZREMRANGEBYSCORE', held, '-inf', now)
end

local function counter(usage, field) return tonumber(redis.call('HGET', usage, field) or '0') end

-- Same arithmetic as thresholds.ts: 100 at the limit, 80 at four fifths, never for a zero budget.
local function level(used, limit)
  if limit <= 0 or used <= 0 then return 0 end
  if used >= limit then return 100 end
  if used * 5 >= limit * 4 then return 80 end
  return 0
end

-- Appends (bucket index, threshold, limit, used) for each threshold passed since the last report.
local function crossings(out, index, usage, limit)
  local used = counter(usage, 'spent') + counter(usage, 'reserved')
  local reached = level(used, limit)
  local alerted = counter(usage, 'alerted')
  if reached <= alerted then return end
  redis.call('HSET', usage, 'alerted', reached)
  for _, threshold in ipairs({80, 100}) do
    if threshold > alerted and threshold <= reached then
      table.insert(out, index)
      table.insert(out, threshold)
      table.insert(out, limit)
      table.insert(out, used)
    end
  end
end
`;

/**
 * KEYS definitions, reservation, then (usage, held) per bucket. ARGV now, id, amount, expiresAt,
 * recordRetentionMs, fingerprint, tenant, scopes JSON, bucket names, bucket count, then
 * (definition field, keepMs) per bucket.
 * Returns {'replay', fingerprint, expiresAt}, {'exceeded', (index, limit, spent, reserved)...}
 * or {'granted', (index, threshold, limit, used)...}.
 */
export const RESERVE = `${COMMON}
local existing = redis.call('HMGET', KEYS[2], 'fingerprint', 'expiresAt')
if existing[1] then return {'replay', existing[1], existing[2]} end

local amount = tonumber(ARGV[3])
local count = tonumber(ARGV[10])
local limits = {}
local exceeded = {'exceeded'}
for i = 1, count do
  local usage, held = KEYS[1 + 2 * i], KEYS[2 + 2 * i]
  purge(usage, held)
  local limit = redis.call('HGET', KEYS[1], ARGV[9 + 2 * i])
  if limit then
    limits[i] = tonumber(limit)
    local spent, reserved = counter(usage, 'spent'), counter(usage, 'reserved')
    if spent + reserved + amount > limits[i] then
      table.insert(exceeded, i)
      table.insert(exceeded, limits[i])
      table.insert(exceeded, spent)
      table.insert(exceeded, reserved)
    end
  end
end
if #exceeded > 1 then return exceeded end

local granted = {'granted'}
local member = ARGV[3] .. '|' .. ARGV[2]
for i = 1, count do
  local usage, held = KEYS[1 + 2 * i], KEYS[2 + 2 * i]
  local keepMs = ARGV[10 + 2 * i]
  redis.call('HINCRBY', usage, 'reserved', ARGV[3])
  redis.call('ZADD', held, ARGV[4], member)
  redis.call('PEXPIRE', usage, keepMs)
  redis.call('PEXPIRE', held, keepMs)
  if limits[i] then crossings(granted, i, usage, limits[i]) end
end
redis.call('HSET', KEYS[2], 'amount', ARGV[3], 'expiresAt', ARGV[4], 'fingerprint', ARGV[6],
  'tenant', ARGV[7], 'scopes', ARGV[8], 'buckets', ARGV[9], 'state', 'held')
redis.call('PEXPIRE', KEYS[2], ARGV[5])
return granted
`;

/**
 * KEYS definitions, reservation, (usage, held) per bucket the amount was reserved in, then
 * (usage, held) per bucket of the current periods. ARGV now, id, actual, recordRetentionMs,
 * held bucket count, current bucket count, then (definition field, keepMs) per current bucket.
 * Returns {'unknown'}, {'already', expired} or {'settled', expired, (index, threshold, limit, used)...}.
 */
export const SETTLE = `${COMMON}
local state = redis.call('HGET', KEYS[2], 'state')
if not state then return {'unknown'} end
local expired = 0
if tonumber(redis.call('HGET', KEYS[2], 'expiresAt')) <= now then expired = 1 end
if state == 'settled' then return {'already', expired} end

local amount = redis.call('HGET', KEYS[2], 'amount')
local member = amount .. '|' .. ARGV[2]
local heldCount, currentCount = tonumber(ARGV[5]), tonumber(ARGV[6])
for i = 1, heldCount do
  -- Still held here unless a purge already released it at its expiry.
  if redis.call('ZREM', KEYS[2 + 2 * i], member) == 1 then
    redis.call('HINCRBY', KEYS[1 + 2 * i], 'reserved', int(-tonumber(amount)))
  end
end

local settled = {'settled', expired}
for j = 1, currentCount do
  local usage, held = KEYS[1 + 2 * (heldCount + j)], KEYS[2 + 2 * (heldCount + j)]
  purge(usage, held)
  redis.call('HINCRBY', usage, 'spent', ARGV[3])
  redis.call('PEXPIRE', usage, ARGV[6 + 2 * j])
  local limit = redis.call('HGET', KEYS[1], ARGV[5 + 2 * j])
  if limit then crossings(settled, j, usage, tonumber(limit)) end
end
redis.call('HSET', KEYS[2], 'state', 'settled', 'actual', ARGV[3], 'settledAt', ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return settled
`;

/**
 * KEYS definitions, then (usage, held) per bucket. ARGV now, bucket count, then the definition
 * field per bucket. Returns (limit or -1, spent, reserved) per bucket, expired holds purged.
 */
export const READ = `${COMMON}
local out = {}
for i = 1, tonumber(ARGV[2]) do
  local usage, held = KEYS[2 * i], KEYS[1 + 2 * i]
  purge(usage, held)
  table.insert(out, tonumber(redis.call('HGET', KEYS[1], ARGV[2 + i]) or '-1'))
  table.insert(out, counter(usage, 'spent'))
  table.insert(out, counter(usage, 'reserved'))
end
return out
`;
