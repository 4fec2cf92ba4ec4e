import { createHash, randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';
import { unauthenticated } from '../../auth/auth-errors.ts';
import type { Authenticator, CredentialGrant } from '../../auth/authenticator.ts';
import { AUTH_METHODS, SCOPES, TIERS, type Identity } from '../../auth/identity.ts';
import type { TicketStore } from './ticket-store.ts';

export const DEFAULT_TICKET_TTL_MS = 30_000;

/** What a stored ticket holds: a credential grant, checked again when it is used. */
const storedGrant = z.object({
  identity: z.object({
    tenant: z.string(),
    user: z.string(),
    tier: z.enum(TIERS),
    scopes: z.array(z.enum(SCOPES)),
    keyId: z.string(),
    method: z.enum(AUTH_METHODS),
    expiresAt: z.number().optional(),
  }),
  keyHash: z.string().optional(),
});

export interface IssuedTicket {
  ticket: string;
  /** RFC 3339. */
  expiresAt: string;
}

const TICKET_SHAPE = /^wst_[A-Za-z0-9_-]{43}$/;

const keyOf = (ticket: string) => createHash('sha256').update(ticket).digest('hex');

/**
 * Short-lived, single-use WebSocket tickets, for clients that cannot set a header on the upgrade
 * (browsers): an authenticated `POST /v1/ws/tickets` issues one, `GET /v1/ws?ticket=` spends it.
 * The ticket stands for the caller's credential, so a socket opened with it is checked again at
 * every ask (key revoked, token expired) like one opened with the credential itself.
 */
export class WsTickets {
  readonly #store: TicketStore;
  readonly #auth: Authenticator;
  readonly ttlMs: number;

  constructor(options: { store: TicketStore; auth: Authenticator; ttlMs?: number }) {
    this.#store = options.store;
    this.#auth = options.auth;
    this.ttlMs = options.ttlMs ?? DEFAULT_TICKET_TTL_MS;
  }

  /** A ticket for a caller just admitted with these request headers. */
  issueFor(identity: Identity, headers: IncomingHttpHeaders): Promise<IssuedTicket> {
    return this.issue(this.#auth.grantFor(identity, headers));
  }

  async issue(grant: CredentialGrant): Promise<IssuedTicket> {
    const ticket = `wst_${randomBytes(32).toString('base64url')}`;
    await this.#store.put(keyOf(ticket), JSON.stringify(grant), this.ttlMs);
    return { ticket, expiresAt: new Date(Date.now() + this.ttlMs).toISOString() };
  }

  /** Spends a ticket: its grant, if it existed, was unused, in time, and its credential still holds. */
  async redeem(ticket: string): Promise<CredentialGrant> {
    const stored = TICKET_SHAPE.test(ticket) ? await this.#store.take(keyOf(ticket)) : undefined;
    const parsed = stored === undefined ? undefined : storedGrant.safeParse(JSON.parse(stored));
    if (!parsed?.success) {
      throw unauthenticated(
        'The ticket is unknown, already used or expired; get a new one from POST /v1/ws/tickets.',
      );
    }
    const grant: CredentialGrant = {
      identity: parsed.data.identity as Identity,
      keyHash: parsed.data.keyHash,
    };
    await this.#auth.revalidate(grant);
    return grant;
  }
}
