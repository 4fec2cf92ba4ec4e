/*
 * Amounts are kept as integer micro-dollars: 0.1 + 0.2 stays 300000 and sums in Redis (HINCRBY) and
 * in memory agree to the unit. Conversion rounds to the nearest micro-dollar, once, at the port.
 */

export const MICROS_PER_USD = 1_000_000;

/** The largest amount or limit accepted, in USD: beyond it an input is a mistake, not a budget. */
export const MAX_USD = 1e9;

export function toMicros(usd: number): number {
  return Math.round(usd * MICROS_PER_USD);
}

export function toUsd(micros: number): number {
  return micros / MICROS_PER_USD;
}
