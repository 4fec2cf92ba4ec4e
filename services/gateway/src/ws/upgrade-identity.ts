import type { IncomingMessage } from 'node:http';
import { RagfleetError } from '@ragfleet/errors';
import { DEFAULT_TENANT, TENANT_HEADER } from '../http/request-context.ts';

/**
 * Who opened a socket. The auth layer may return a richer object (user, scopes, key id): the
 * WebSocket server is generic over it and hands it back to `admitAsk` untouched.
 */
export interface UpgradeIdentity {
  tenant: string;
  /** When set, it decides the tier of every ask on the socket (a caller cannot pick its own). */
  tier?: 'free' | 'standard' | 'premium' | undefined;
}

/**
 * The seam where credentials are checked, before the upgrade: throw a RagfleetError
 * (UNAUTHENTICATED -> 401, PERMISSION_DENIED -> 403, RATE_LIMITED -> 429, ...) to refuse the
 * socket with that status and the error envelope.
 */
export type AuthenticateUpgrade<I extends UpgradeIdentity = UpgradeIdentity> = (
  request: IncomingMessage,
) => I | Promise<I>;

/**
 * The seam where per-ask limits apply (rate limits, concurrent streams per key): throw to refuse
 * one ask (it gets an `error` event; `details.retry_after` is surfaced as `retry_after`); return a
 * release function to be called when the ask ends.
 */
export type AdmitAsk<I extends UpgradeIdentity = UpgradeIdentity> = (
  identity: I,
  request: IncomingMessage,
) => void | (() => void) | Promise<void | (() => void)>;

const VALID_TENANT = /^[a-zA-Z0-9_-]{1,64}$/;

/** The default until auth is plugged in: anonymous, tenant from X-Tenant-Id (or "default"). */
export const tenantHeaderIdentity: AuthenticateUpgrade = (request) => {
  const header = request.headers[TENANT_HEADER.toLowerCase()];
  if (header === undefined) return { tenant: DEFAULT_TENANT };
  if (typeof header !== 'string' || !VALID_TENANT.test(header)) {
    throw new RagfleetError('INVALID_ARGUMENT', `${TENANT_HEADER} must match [a-zA-Z0-9_-]{1,64}.`, {
      details: { fields: [{ field: `header.${TENANT_HEADER}`, message: 'invalid tenant id' }] },
    });
  }
  return { tenant: header };
};
