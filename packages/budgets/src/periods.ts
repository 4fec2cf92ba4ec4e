import type { BudgetPeriod } from './budget-store.ts';

/*
 * Budget periods are UTC calendar days and months, whatever the caller's time zone: one tenant's
 * budget resets at the same instant for every replica.
 */

/** The name of the period that contains `now`: `2026-12-01` for a day, `2026-12` for a month. */
export function periodKey(period: BudgetPeriod, now: number): string {
  const iso = new Date(now).toISOString();
  return period === 'day' ? iso.slice(0, 10) : iso.slice(0, 7);
}

/** Epoch ms of the next boundary after `now`: the following UTC midnight or first of the month. */
export function periodResetAt(period: BudgetPeriod, now: number): number {
  const date = new Date(now);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  return period === 'day' ? Date.UTC(year, month, date.getUTCDate() + 1) : Date.UTC(year, month + 1, 1);
}
