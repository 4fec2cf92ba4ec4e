import { ServerCredentials, credentials, type ChannelCredentials, type ChannelOptions } from '@grpc/grpc-js';
import { currentRequestContext } from '@ragfleet/telemetry';
import type { CallerContext } from './metadata.ts';
import { ServiceTokens } from './auth/service-tokens.ts';

export interface TransportTls {
  /** This process's certificate chain (PEM): served to clients, presented to servers. */
  cert: Buffer;
  key: Buffer;
  /** The CA that signs every certificate of the fleet: peers must chain to it. */
  ca: Buffer;
  /** The name expected in server certificates when it differs from the address's host. */
  serverName?: string;
}

export interface TransportOptions {
  /** The service this process runs as: it signs calls as this caller and accepts tokens for it. */
  service: string;
  /** The fleet's service key first, then one also accepted; none: development mode. */
  keys?: readonly Buffer[];
  tokenTtlSeconds?: number;
  /** Mutual TLS; without it, plaintext (tokens are still checked). */
  tls?: TransportTls;
  /** The token clock (ms since the epoch). */
  now?: () => number;
}

/**
 * How this process talks to the fleet's other services: the channel and server credentials
 * (plaintext or mutual TLS) and the identity tokens calls carry. Built once at start from files;
 * a renewed certificate or key is picked up on restart only.
 */
export class Transport {
  readonly service: string;
  /** Absent in development mode: calls go without a token and servers trust identity metadata. */
  readonly tokens: ServiceTokens | undefined;
  readonly channelCredentials: ChannelCredentials;
  readonly serverCredentials: ServerCredentials;
  readonly channelOptions: ChannelOptions;
  readonly tls: boolean;

  private constructor(service: string, tokens: ServiceTokens | undefined, tls: TransportTls | undefined) {
    this.service = service;
    this.tokens = tokens;
    this.tls = tls !== undefined;
    if (tls) {
      this.channelCredentials = credentials.createSsl(tls.ca, tls.key, tls.cert);
      // true: a client without a certificate signed by the fleet's CA is refused at the handshake.
      this.serverCredentials = ServerCredentials.createSsl(
        tls.ca,
        [{ cert_chain: tls.cert, private_key: tls.key }],
        true,
      );
      this.channelOptions = tls.serverName ? { 'grpc.ssl_target_name_override': tls.serverName } : {};
    } else {
      this.channelCredentials = credentials.createInsecure();
      this.serverCredentials = ServerCredentials.createInsecure();
      this.channelOptions = {};
    }
  }

  static create(options: TransportOptions): Transport {
    const tokens =
      options.keys && options.keys.length > 0
        ? new ServiceTokens({
            keys: options.keys,
            ttlSeconds: options.tokenTtlSeconds,
            now: options.now,
          })
        : undefined;
    return new Transport(options.service, tokens, options.tls);
  }

  /** Plaintext, no tokens: what a client or server without a transport uses. */
  static development(service = 'unknown'): Transport {
    return new Transport(service, undefined, undefined);
  }

  get authenticated(): boolean {
    return this.tokens !== undefined;
  }

  /**
   * The `authorization` value for a call to `audience` on behalf of the current request (tenant,
   * user, tier, key id, request id); on this service's own account when no request is in progress.
   */
  authorization(audience: string): string | undefined {
    if (!this.tokens) return undefined;
    const context: CallerContext | undefined = currentRequestContext();
    const token = this.tokens.sign(audience, {
      caller: this.service,
      tenant: context?.tenant,
      user: context?.user,
      tier: context?.tier,
      keyId: context?.keyId,
      requestId: context?.requestId,
    });
    return `Bearer ${token}`;
  }
}

let development: Transport | undefined;

/** The shared development transport (plaintext, no tokens). */
export function developmentTransport(): Transport {
  development ??= Transport.development();
  return development;
}
