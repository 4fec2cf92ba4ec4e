import type { ProviderHealth } from '../domain/ports.ts';

/** Every breaker closed: for in-process uses (benchmarks, tests) that route without health events. */
export const closedBreakers: ProviderHealth = { isOpen: () => false };
