/**
 * The BudgetStore contract: every adapter (Redis, memory) must pass these cases. A test file calls
 * it with a factory that builds a fresh, empty store on the given clock.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { isRagfleetError } from '@ragfleet/errors';
import type {
  BudgetPeriod,
  BudgetScope,
  BudgetStore,
  ReserveRequest,
  ReserveResult,
} from './budget-store.ts';

export interface ContractStore {
  store: BudgetStore;
  cleanup: () => Promise<void>;
}

export type BudgetStoreFactory = (options: { now: () => number }) => Promise<ContractStore>;

/** A clock the test moves by hand. */
export class ManualClock {
  current: number;
  constructor(start: number) {
    this.current = start;
  }
  now = (): number => this.current;
  advance(ms: number): void {
    this.current += ms;
  }
}

const HOUR = 3600_000;
const tenantScope = (tenant: string) => ({ tenant, kind: 'tenant' as const });

async function invalidFields(action: () => Promise<unknown>): Promise<string[]> {
  try {
    await action();
  } catch (error) {
    if (!isRagfleetError(error)) throw error;
    expect(error.code).toBe('INVALID_ARGUMENT');
    const fields = error.details?.fields as { field: string; message: string }[];
    expect(Array.isArray(fields)).toBe(true);
    return fields.map((problem) => problem.field);
  }
  throw new Error('expected INVALID_ARGUMENT');
}

function granted(result: ReserveResult) {
  if (result.status !== 'granted') throw new Error(`expected granted, got ${JSON.stringify(result)}`);
  return result;
}

function exceeded(result: ReserveResult) {
  if (result.status !== 'exceeded') throw new Error(`expected exceeded, got ${JSON.stringify(result)}`);
  return result.exceeded;
}

export function budgetStoreContract(label: string, factory: BudgetStoreFactory): void {
  describe(`BudgetStore contract: ${label}`, () => {
    const open: ContractStore[] = [];
    let ids = 0;

    afterEach(async () => {
      for (const entry of open.splice(0)) await entry.cleanup();
    });

    async function setup(start = Date.UTC(2026, 11, 1, 10)) {
      const clock = new ManualClock(start);
      const entry = await factory({ now: clock.now });
      open.push(entry);
      const request = (overrides: Partial<ReserveRequest> = {}): ReserveRequest => ({
        id: `gen-${++ids}`,
        tenant: 'acme',
        amountUsd: 1,
        ttlMs: 60_000,
        ...overrides,
      });
      const status = async (scope: BudgetScope = tenantScope('acme'), period: BudgetPeriod = 'day') => {
        const statuses = await entry.store.remaining(scope);
        return statuses.find((candidate) => candidate.period === period)!;
      };
      return { store: entry.store, clock, request, status };
    }

    it('sets, reads, lists, replaces and deletes budget definitions', async () => {
      const { store } = await setup();
      await store.setBudget({ scope: tenantScope('acme'), period: 'month', limitUsd: 100 });
      await store.setBudget({
        scope: { tenant: 'acme', kind: 'key', id: 'k1' },
        period: 'day',
        limitUsd: 2.5,
      });
      await store.setBudget({
        scope: { tenant: 'acme', kind: 'user', id: 'alice@acme.io' },
        period: 'day',
        limitUsd: 1,
      });
      await store.setBudget({ scope: tenantScope('other'), period: 'day', limitUsd: 9 });
      await store.setBudget({ scope: tenantScope('acme'), period: 'month', limitUsd: 120 });

      expect(await store.getBudget(tenantScope('acme'), 'month')).toEqual({
        scope: tenantScope('acme'),
        period: 'month',
        limitUsd: 120,
      });
      expect(await store.getBudget(tenantScope('acme'), 'day')).toBeUndefined();
      const listed = await store.listBudgets('acme');
      const byName = (d: (typeof listed)[number]) => `${d.scope.kind}:${d.scope.id ?? ''}:${d.period}`;
      expect(listed.map(byName).sort()).toEqual(['key:k1:day', 'tenant::month', 'user:alice@acme.io:day']);
      expect(listed.find((d) => d.scope.kind === 'key')?.limitUsd).toBe(2.5);

      expect(await store.deleteBudget({ tenant: 'acme', kind: 'key', id: 'k1' }, 'day')).toBe(true);
      expect(await store.deleteBudget({ tenant: 'acme', kind: 'key', id: 'k1' }, 'day')).toBe(false);
      expect(await store.getBudget({ tenant: 'acme', kind: 'key', id: 'k1' }, 'day')).toBeUndefined();
      expect(await store.listBudgets('other')).toHaveLength(1);
    });

    it('grants exactly the 50 of 200 concurrent reserves that fit, and never spends past the budget', async () => {
      const { store, request, status } = await setup();
      await store.setBudget({ scope: tenantScope('acme'), period: 'day', limitUsd: 5 });
      // 0.1 USD each: in floating point fifty of them do not sum to 5; in micro-dollars they do.
      const requests = Array.from({ length: 200 }, () => request({ amountUsd: 0.1 }));
      const results = await Promise.all(requests.map((r) => store.reserve(r)));

      const grantedIds = requests.filter((_, index) => results[index]!.status === 'granted').map((r) => r.id);
      expect(grantedIds).toHaveLength(50);
      for (const result of results) {
        if (result.status === 'exceeded') {
          expect(result.exceeded.spentUsd + result.exceeded.reservedUsd).toBeLessThanOrEqual(5);
          expect(result.exceeded.limitUsd).toBe(5);
        }
      }
      expect(await status()).toMatchObject({ limitUsd: 5, spentUsd: 0, reservedUsd: 5, remainingUsd: 0 });

      await Promise.all(grantedIds.map((id) => store.settle('acme', id, 0.1)));
      expect(await status()).toMatchObject({ spentUsd: 5, reservedUsd: 0, remainingUsd: 0 });
      const after = exceeded(await store.reserve(request({ amountUsd: 0.000001 })));
      expect(after).toMatchObject({ period: 'day', spentUsd: 5, reservedUsd: 0 });
    });

    it('stops counting a reservation left unsettled once its TTL has passed', async () => {
      const { store, clock, request, status } = await setup();
      await store.setBudget({ scope: tenantScope('acme'), period: 'day', limitUsd: 1 });
      const crashed = granted(await store.reserve(request({ amountUsd: 1, ttlMs: 5_000 })));
      expect(crashed.expiresAt).toBe(clock.now() + 5_000);
      expect(exceeded(await store.reserve(request({ amountUsd: 0.5 }))).reservedUsd).toBe(1);

      clock.advance(4_999);
      expect((await store.reserve(request({ amountUsd: 0.5 }))).status).toBe('exceeded');
      clock.advance(1);
      expect(await status()).toMatchObject({ reservedUsd: 0, remainingUsd: 1 });
      granted(await store.reserve(request({ amountUsd: 0.5 })));
      expect(await status()).toMatchObject({ reservedUsd: 0.5, spentUsd: 0 });
    });

    it('settles at the actual cost and releases the rest of the reservation', async () => {
      const { store, request, status } = await setup();
      await store.setBudget({ scope: tenantScope('acme'), period: 'day', limitUsd: 1 });
      const reservation = request({ amountUsd: 1 });
      granted(await store.reserve(reservation));
      expect(await store.settle('acme', reservation.id, 0.3)).toEqual({
        status: 'settled',
        expired: false,
        crossed: [],
      });
      expect(await status()).toMatchObject({ spentUsd: 0.3, reservedUsd: 0, remainingUsd: 0.7 });
      granted(await store.reserve(request({ amountUsd: 0.7 })));
      expect(exceeded(await store.reserve(request({ amountUsd: 0.01 })))).toMatchObject({
        spentUsd: 0.3,
        reservedUsd: 0.7,
      });
    });

    it('settles once: a second settle, even at another amount, changes nothing', async () => {
      const { store, request, status } = await setup();
      const reservation = request({ amountUsd: 2 });
      granted(await store.reserve(reservation));
      expect((await store.settle('acme', reservation.id, 1.25)).status).toBe('settled');
      expect((await store.settle('acme', reservation.id, 1.25)).status).toBe('already-settled');
      expect((await store.settle('acme', reservation.id, 9)).status).toBe('already-settled');
      expect(await status()).toMatchObject({
        spentUsd: 1.25,
        reservedUsd: 0,
        limitUsd: null,
        remainingUsd: null,
      });
    });

    it('treats a retried reserve with the same id as the same reservation', async () => {
      const { store, request, status } = await setup();
      const reservation = request({ amountUsd: 0.4 });
      const first = granted(await store.reserve(reservation));
      expect(first.replayed).toBe(false);
      const again = granted(await store.reserve(reservation));
      expect(again).toMatchObject({ replayed: true, expiresAt: first.expiresAt });
      expect(await status()).toMatchObject({ reservedUsd: 0.4 });
      expect(await invalidFields(() => store.reserve({ ...reservation, amountUsd: 0.5 }))).toEqual(['id']);
    });

    it('records the spend of a reservation settled after its expiry', async () => {
      const { store, clock, request, status } = await setup();
      await store.setBudget({ scope: tenantScope('acme'), period: 'day', limitUsd: 1 });
      const slow = request({ amountUsd: 0.6, ttlMs: 1_000 });
      granted(await store.reserve(slow));
      clock.advance(2_000);
      granted(await store.reserve(request({ amountUsd: 0.5 })));
      expect(await store.settle('acme', slow.id, 0.6)).toMatchObject({ status: 'settled', expired: true });
      // The expired hold was already released; only the spend is added, not released twice.
      expect(await status()).toMatchObject({ spentUsd: 0.6, reservedUsd: 0.5, remainingUsd: 0 });
      expect(await store.settle('acme', slow.id, 0.6)).toMatchObject({
        status: 'already-settled',
        expired: true,
      });
    });

    it('answers NOT_FOUND for a settle of an id never reserved', async () => {
      const { store } = await setup();
      await expect(store.settle('acme', 'never-reserved', 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it("keeps reservations per tenant: another tenant's settle is NOT_FOUND and changes nothing", async () => {
      const { store, request, status } = await setup();
      const mine = request({ id: 'gen-shared', amountUsd: 0.4 });
      granted(await store.reserve(mine));
      await expect(store.settle('other', mine.id, 0)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await status()).toMatchObject({ spentUsd: 0, reservedUsd: 0.4 });
      // The same id in another tenant is another reservation, charged to that tenant alone.
      const theirs = granted(await store.reserve({ ...mine, tenant: 'other', amountUsd: 0.9 }));
      expect(theirs.replayed).toBe(false);
      expect((await store.settle('other', mine.id, 0.5)).status).toBe('settled');
      expect(await status(tenantScope('other'))).toMatchObject({ spentUsd: 0.5, reservedUsd: 0 });
      expect((await store.settle('acme', mine.id, 0.3)).status).toBe('settled');
      expect(await status()).toMatchObject({ spentUsd: 0.3, reservedUsd: 0 });
    });

    it('resets the day at UTC midnight and keeps counting the month until its end', async () => {
      const { store, clock, request, status } = await setup(Date.UTC(2026, 11, 30, 23, 59, 59));
      await store.setBudget({ scope: tenantScope('acme'), period: 'day', limitUsd: 1 });
      await store.setBudget({ scope: tenantScope('acme'), period: 'month', limitUsd: 1.5 });
      const first = request({ amountUsd: 1 });
      granted(await store.reserve(first));
      await store.settle('acme', first.id, 1);
      expect(exceeded(await store.reserve(request({ amountUsd: 0.25 })))).toMatchObject({
        period: 'day',
        spentUsd: 1,
        resetAt: Date.UTC(2026, 11, 31),
      });

      clock.advance(1_000); // 2026-12-31T00:00:00Z: a new day, the same month
      expect(await status()).toMatchObject({ spentUsd: 0, remainingUsd: 1, resetAt: Date.UTC(2027, 0, 1) });
      expect(await status(tenantScope('acme'), 'month')).toMatchObject({ spentUsd: 1, remainingUsd: 0.5 });
      granted(await store.reserve(request({ amountUsd: 0.25 })));
      expect(exceeded(await store.reserve(request({ amountUsd: 0.5 })))).toMatchObject({
        period: 'month',
        spentUsd: 1,
        reservedUsd: 0.25,
        resetAt: Date.UTC(2027, 0, 1),
      });

      clock.advance(24 * HOUR); // 2027-01-01: both reset
      expect(await status(tenantScope('acme'), 'month')).toMatchObject({ spentUsd: 0, reservedUsd: 0 });
      granted(await store.reserve(request({ amountUsd: 1 })));
    });

    it('reports the budget that resets last when several have no room', async () => {
      const { store, request } = await setup();
      await store.setBudget({ scope: tenantScope('acme'), period: 'day', limitUsd: 1 });
      await store.setBudget({ scope: tenantScope('acme'), period: 'month', limitUsd: 1 });
      expect(exceeded(await store.reserve(request({ amountUsd: 2 })))).toMatchObject({
        period: 'month',
        resetAt: Date.UTC(2027, 0, 1),
      });
    });

    it('counts a settle in the period it happens, releasing the hold in the period it was made', async () => {
      const { store, clock, request, status } = await setup(Date.UTC(2026, 11, 1, 23, 59, 50));
      const late = request({ amountUsd: 1 });
      granted(await store.reserve(late));
      clock.advance(20_000);
      await store.settle('acme', late.id, 0.75);
      expect(await status()).toMatchObject({ spentUsd: 0.75, reservedUsd: 0 });
      clock.advance(-20_000);
      expect(await status()).toMatchObject({ spentUsd: 0, reservedUsd: 0 });
    });

    it('counts spend without a budget, so that a budget set mid-period starts from it', async () => {
      const { store, request, status } = await setup();
      const early = request({ amountUsd: 3, key: 'k1' });
      granted(await store.reserve(early));
      await store.settle('acme', early.id, 3);
      await store.setBudget({ scope: { tenant: 'acme', kind: 'key', id: 'k1' }, period: 'day', limitUsd: 4 });
      expect(await status({ tenant: 'acme', kind: 'key', id: 'k1' })).toMatchObject({
        spentUsd: 3,
        remainingUsd: 1,
      });
      expect(exceeded(await store.reserve(request({ amountUsd: 1.5, key: 'k1' }))).scope).toEqual({
        tenant: 'acme',
        kind: 'key',
        id: 'k1',
      });
    });

    it('applies key and user budgets alongside the tenant budget, atomically', async () => {
      const { store, request, status } = await setup();
      const key = { tenant: 'acme', kind: 'key' as const, id: 'k1' };
      const alice = { tenant: 'acme', kind: 'user' as const, id: 'alice' };
      await store.setBudget({ scope: tenantScope('acme'), period: 'day', limitUsd: 10 });
      await store.setBudget({ scope: key, period: 'day', limitUsd: 1 });
      await store.setBudget({ scope: alice, period: 'month', limitUsd: 2 });

      granted(await store.reserve(request({ amountUsd: 1, key: 'k1', user: 'bob' })));
      expect(
        exceeded(await store.reserve(request({ amountUsd: 0.5, key: 'k1', user: 'alice' }))).scope,
      ).toEqual(key);
      // The refused reserve charged nothing anywhere, not even alice's or the tenant's budget.
      expect(await status(alice, 'month')).toMatchObject({ spentUsd: 0, reservedUsd: 0 });
      expect(await status()).toMatchObject({ reservedUsd: 1 });

      granted(await store.reserve(request({ amountUsd: 2, key: 'k2', user: 'alice' })));
      expect(exceeded(await store.reserve(request({ amountUsd: 0.5, user: 'alice' })))).toMatchObject({
        scope: alice,
        period: 'month',
        limitUsd: 2,
        reservedUsd: 2,
      });
      // Without a key or user named, only the tenant's budget applies.
      granted(await store.reserve(request({ amountUsd: 6 })));
      expect(exceeded(await store.reserve(request({ amountUsd: 1.5 }))).scope).toEqual(tenantScope('acme'));
      expect(await status()).toMatchObject({ reservedUsd: 9, remainingUsd: 1 });
      expect(await status({ tenant: 'acme', kind: 'key', id: 'k2' })).toMatchObject({
        reservedUsd: 2,
        limitUsd: null,
      });
      // Another tenant's same-named key is another budget.
      granted(await store.reserve(request({ tenant: 'other', key: 'k1', amountUsd: 5 })));
    });

    it('reports crossing 80 % and 100 % of a budget once each per period', async () => {
      const { store, clock, request } = await setup();
      await store.setBudget({ scope: tenantScope('acme'), period: 'day', limitUsd: 10 });
      const first = request({ amountUsd: 7 });
      expect(granted(await store.reserve(first)).crossed).toEqual([]);
      const second = request({ amountUsd: 1 });
      expect(granted(await store.reserve(second)).crossed).toEqual([
        {
          scope: tenantScope('acme'),
          period: 'day',
          threshold: 80,
          limitUsd: 10,
          usedUsd: 8,
          resetAt: Date.UTC(2026, 11, 2),
        },
      ]);
      // Settling lower and reserving back above 80 % does not report 80 % again.
      expect((await store.settle('acme', first.id, 6)).crossed).toEqual([]);
      expect(granted(await store.reserve(request({ amountUsd: 1 }))).crossed).toEqual([]);
      // A settle above the estimate is real spend: it may pass 100 %, and says so.
      const crossed = (await store.settle('acme', second.id, 3)).crossed;
      expect(crossed.map((c) => [c.threshold, c.usedUsd])).toEqual([[100, 10]]);

      clock.advance(24 * HOUR);
      const next = granted(await store.reserve(request({ amountUsd: 10 }))).crossed;
      expect(next.map((c) => c.threshold)).toEqual([80, 100]);
    });

    it('keeps amounts exact up to the largest budget accepted, 1e9 USD', async () => {
      const { store, clock, request, status } = await setup();
      await store.setBudget({ scope: tenantScope('acme'), period: 'month', limitUsd: 1e9 });
      granted(await store.reserve(request({ amountUsd: 6e8, ttlMs: 1_000 })));
      clock.advance(1_000);
      const whole = request({ amountUsd: 1e9 });
      granted(await store.reserve(whole));
      await store.settle('acme', whole.id, 999_999_999.999999);
      expect(await status(tenantScope('acme'), 'month')).toMatchObject({
        spentUsd: 999_999_999.999999,
        reservedUsd: 0,
        remainingUsd: 0.000001,
      });
    });

    it('refuses bad input with INVALID_ARGUMENT naming each field', async () => {
      const { store, request } = await setup();
      const scope = tenantScope('acme');
      expect(await invalidFields(() => store.setBudget({ scope, period: 'day', limitUsd: -1 }))).toEqual([
        'limitUsd',
      ]);
      expect(
        await invalidFields(() => store.setBudget({ scope, period: 'day', limitUsd: Number.NaN })),
      ).toEqual(['limitUsd']);
      expect(await invalidFields(() => store.setBudget({ scope, period: 'day', limitUsd: 1e9 + 1 }))).toEqual(
        ['limitUsd'],
      );
      expect(
        await invalidFields(() => store.setBudget({ scope, period: 'week' as 'day', limitUsd: Infinity })),
      ).toEqual(['period', 'limitUsd']);
      expect(
        await invalidFields(() =>
          store.setBudget({ scope: { tenant: '', kind: 'team' as 'key' }, period: 'day', limitUsd: 1 }),
        ),
      ).toEqual(['scope.tenant', 'scope.kind']);
      expect(
        await invalidFields(() =>
          store.setBudget({ scope: { tenant: 'acme', kind: 'key' }, period: 'day', limitUsd: 1 }),
        ),
      ).toEqual(['scope.id']);
      expect(await invalidFields(() => store.getBudget(scope, 'year' as 'day'))).toEqual(['period']);
      expect(await invalidFields(() => store.deleteBudget(scope, 'year' as 'day'))).toEqual(['period']);
      expect(await invalidFields(() => store.listBudgets(''))).toEqual(['tenant']);

      expect(await invalidFields(() => store.reserve(request({ amountUsd: -0.01 })))).toEqual(['amountUsd']);
      expect(await invalidFields(() => store.reserve(request({ amountUsd: Number.NaN })))).toEqual([
        'amountUsd',
      ]);
      expect(await invalidFields(() => store.reserve(request({ amountUsd: 2e9 })))).toEqual(['amountUsd']);
      expect(
        await invalidFields(() => store.reserve(request({ id: 'a|b', key: '', ttlMs: 0, amountUsd: 1 }))),
      ).toEqual(['id', 'key', 'ttlMs']);
      expect(await invalidFields(() => store.reserve(request({ ttlMs: 1.5 })))).toEqual(['ttlMs']);
      expect(await invalidFields(() => store.settle('acme', 'gen-x', -1))).toEqual(['actualUsd']);
      expect(await invalidFields(() => store.settle('', '', Number.NaN))).toEqual([
        'tenant',
        'id',
        'actualUsd',
      ]);
      expect(await invalidFields(() => store.remaining({ tenant: 'acme', kind: 'user' }))).toEqual([
        'scope.id',
      ]);

      // Nothing of the refused calls was stored.
      expect(await store.listBudgets('acme')).toEqual([]);
    });
  });
}
