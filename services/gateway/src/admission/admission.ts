import type { IncomingHttpHeaders } from 'node:http';
import { RagfleetError } from '@ragfleet/errors';
import type { CallerContext } from '@ragfleet/grpc';
import { permissionDenied } from '../auth/auth-errors.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import { hasScope, type Identity, type Scope } from '../auth/identity.ts';
import type { LimitDecision } from '../rate-limit/decision.ts';
import type { RequestLimiter } from '../rate-limit/request-limiter.ts';
import type { LimitClass } from '../routes/route.ts';
import { rateLimited } from './rate-limited.ts';

/** What one request or WebSocket ask needs to be let in. */
export interface AdmissionNeeds {
  scope: Scope;
  limits: LimitClass;
  /** How the refusal names the request: `POST /v1/rag`, `a WebSocket ask`. */
  what: string;
}

/** A caller let in: who, the limit decision that let them, and the stream slot to give back. */
export interface Admitted {
  identity: Identity;
  /** The request windows' decision (for X-RateLimit-* headers); absent when nothing was counted. */
  decision: LimitDecision | undefined;
  /** Idempotent; frees the stream slot (if one was taken) when the request or ask ends. */
  release(): void;
}

/**
 * The request context upstream calls carry: tenant, user and tier of the admitted caller, and the
 * key id when the caller came with an API key (budgets per key). A JWT's or an anonymous caller's
 * identity.keyId is only a rate-limit bucket name (`jwt:…`, `anonymous:…`), not a key: none goes.
 */
export function callerContext(identity: Identity, requestId: string): CallerContext {
  const context: CallerContext = {
    requestId,
    tenant: identity.tenant,
    user: identity.user,
    tier: identity.tier,
  };
  if (identity.method === 'api_key') context.keyId = identity.keyId;
  return context;
}

/**
 * The single admission path of the gateway. An HTTP request and each WebSocket ask pass the same
 * three checks, in this order: the credential is valid now (a revoked key or an expired token is
 * refused here, on an open socket too), it grants the scope, and the caller is within its limits.
 */
export class Admission {
  readonly #auth: Authenticator;
  readonly #limiter: RequestLimiter | undefined;

  constructor(options: { auth: Authenticator; limiter?: RequestLimiter | undefined }) {
    this.#auth = options.auth;
    this.#limiter = options.limiter;
  }

  get auth(): Authenticator {
    return this.#auth;
  }

  async admit(headers: IncomingHttpHeaders, needs: AdmissionNeeds): Promise<Admitted> {
    return this.admitAs(await this.#auth.authenticate(headers), needs);
  }

  /** The last two checks, for a caller authenticated another way (a WebSocket ticket's grant). */
  async admitAs(identity: Identity, needs: AdmissionNeeds): Promise<Admitted> {
    if (!hasScope(identity, needs.scope)) {
      throw permissionDenied(`These credentials do not allow ${needs.what} (scope "${needs.scope}").`);
    }
    const limiter = this.#limiter;
    if (!limiter || needs.limits === 'none') return { identity, decision: undefined, release: () => {} };
    const decision = await limiter.consume(identity, 'request');
    if (!decision.allowed) throw rateLimited(decision, 'requests');
    if (needs.limits !== 'stream') return { identity, decision, release: () => {} };
    const lease = await limiter.acquireStream(identity);
    if (!lease.decision.allowed) throw rateLimited(lease.decision, 'concurrent streams');
    return { identity, decision, release: lease.release };
  }
}

/** True when an admission refusal means the credential itself is no good (not a scope or a limit). */
export function isCredentialRefusal(error: unknown): boolean {
  return error instanceof RagfleetError && error.code === 'UNAUTHENTICATED';
}
