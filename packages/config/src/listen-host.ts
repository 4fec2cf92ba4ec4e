import { isIPv4, isIPv6 } from 'node:net';
import { ConfigError } from './load-config.ts';

/** Only this machine can reach an address like these. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIPv4(bare)) return bare.startsWith('127.');
  if (isIPv6(bare)) return bare === '::1' || /^::ffff:127\./.test(bare);
  return false;
}

/**
 * Without a service key a service trusts whatever tenant a caller names (development mode): that
 * is only acceptable where nobody else can call it. Refuses, as a ConfigError, any other address.
 */
export function checkDevelopmentHost(service: string, variable: string, host: string): void {
  if (isLoopbackHost(host)) return;
  throw new ConfigError(service, [
    `${variable}: ${host} is reachable from other machines, but no service key is set ` +
      '(SERVICE_AUTH_KEY_FILE or SERVICE_AUTH_KEY): without one any caller could act as any tenant. ' +
      `Set a key, or bind ${variable} to 127.0.0.1.`,
  ]);
}

/** host:port as a person would type it: IPv6 hosts in brackets. */
export function formatHostPort(host: string, port: number): string {
  return isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}
