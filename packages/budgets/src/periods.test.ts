import { describe, expect, it } from '@jest/globals';
import { periodKey, periodResetAt } from './periods.ts';

describe('budget periods', () => {
  it('names the UTC day and month of an instant', () => {
    const instant = Date.UTC(2026, 11, 31, 23, 59, 59, 999);
    expect(periodKey('day', instant)).toBe('2026-12-31');
    expect(periodKey('month', instant)).toBe('2026-12');
    expect(periodKey('day', instant + 1)).toBe('2027-01-01');
    expect(periodKey('month', instant + 1)).toBe('2027-01');
  });

  it('resets at the next UTC midnight and the next first of the month', () => {
    expect(periodResetAt('day', Date.UTC(2026, 11, 31, 23, 59, 59))).toBe(Date.UTC(2027, 0, 1));
    expect(periodResetAt('month', Date.UTC(2026, 11, 31, 23, 59, 59))).toBe(Date.UTC(2027, 0, 1));
    expect(periodResetAt('month', Date.UTC(2028, 1, 28, 12))).toBe(Date.UTC(2028, 2, 1));
    expect(periodResetAt('day', Date.UTC(2028, 1, 28, 12))).toBe(Date.UTC(2028, 1, 29));
    // At the boundary itself the period has just begun: it resets at the following one.
    expect(periodResetAt('day', Date.UTC(2026, 5, 1))).toBe(Date.UTC(2026, 5, 2));
    expect(periodResetAt('month', Date.UTC(2026, 5, 1))).toBe(Date.UTC(2026, 6, 1));
  });
});
