import type { ProviderHealth } from '../domain/ports.ts';

/**
 * Every breaker closed. The breakers live in generate, which sees the failures; their state is
 * not fed to the router yet, so this default never skips a provider.
 */
export const closedBreakers: ProviderHealth = { isOpen: () => false };
