import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { z } from 'zod';
import { env } from './fields.ts';
import { ConfigError } from './load-config.ts';

/** HS256 wants a key at least as long as its hash: 32 bytes. */
export const MIN_SERVICE_KEY_BYTES = 32;

/**
 * How a process proves itself to the fleet's services and checks who calls it: the fleet's service
 * key (from a file, so a Kubernetes Secret can be mounted, or a variable for local runs), an
 * optional second key accepted during a rotation, and optional mutual-TLS files. The gateway
 * reads these too: it signs the tokens its calls carry.
 */
export const serviceAuthFields = {
  SERVICE_AUTH_KEY_FILE: env.optionalString(),
  SERVICE_AUTH_KEY: env.optionalString(),
  /** Also accepted, never used to sign: the other key of a rotation (see docs/security.md). */
  SERVICE_AUTH_PREVIOUS_KEY_FILE: env.optionalString(),
  SERVICE_AUTH_PREVIOUS_KEY: env.optionalString(),
  /** Lifetime of the identity token each call carries. */
  SERVICE_AUTH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(5).max(600).default(60),
  /** PEM files; all three or none. Read at start only: a renewed certificate needs a restart. */
  GRPC_TLS_CERT_FILE: env.optionalString(),
  GRPC_TLS_KEY_FILE: env.optionalString(),
  GRPC_TLS_CA_FILE: env.optionalString(),
  /** The name clients expect in server certificates, when it differs from the address's host. */
  GRPC_TLS_SERVER_NAME: env.optionalString(),
};

export type ServiceAuthConfig = {
  [K in keyof typeof serviceAuthFields]: z.output<(typeof serviceAuthFields)[K]>;
};

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
  ca: Buffer;
  serverName?: string;
}

/** What serviceAuthFields name, read from their files and checked. */
export interface ServiceCredentials {
  /** The signing key first, then the one also accepted; empty: development mode. */
  keys: Buffer[];
  tokenTtlSeconds: number;
  tls: TlsFiles | undefined;
}

type ReadFile = (path: string) => Buffer;

/**
 * Reads the key and certificate files once, at start. Every problem is reported at once, by
 * variable name, as a ConfigError (exit 78): a wrong mount should stop a deploy, not half-start it.
 */
export function readServiceCredentials(
  service: string,
  config: Partial<ServiceAuthConfig>,
  readFile: ReadFile = readFileSync,
): ServiceCredentials {
  const issues: string[] = [];
  const read = (name: keyof ServiceAuthConfig, path: string): Buffer | undefined => {
    try {
      return readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      issues.push(`${name}: cannot read ${path} (${code})`);
      return undefined;
    }
  };
  const key = (fileName: keyof ServiceAuthConfig, valueName: keyof ServiceAuthConfig) => {
    // Empty counts as unset, as env.optionalString parses it (callers may pass raw variables).
    const file = (config[fileName] as string | undefined) || undefined;
    const value = (config[valueName] as string | undefined) || undefined;
    if (file && value) {
      issues.push(`${valueName}: set ${fileName} or ${valueName}, not both`);
      return undefined;
    }
    // A Secret mounted from `kubectl create secret --from-file` often ends with a newline.
    const text = file ? read(fileName, file)?.toString('utf8').trim() : value?.trim();
    if (text === undefined) return undefined;
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length < MIN_SERVICE_KEY_BYTES) {
      issues.push(
        `${file ? fileName : valueName}: the key must be at least ${MIN_SERVICE_KEY_BYTES} bytes (e.g. openssl rand -base64 48)`,
      );
      return undefined;
    }
    return bytes;
  };

  const signing = key('SERVICE_AUTH_KEY_FILE', 'SERVICE_AUTH_KEY');
  const previous = key('SERVICE_AUTH_PREVIOUS_KEY_FILE', 'SERVICE_AUTH_PREVIOUS_KEY');
  if (previous && !signing && issues.length === 0) {
    issues.push('SERVICE_AUTH_PREVIOUS_KEY: a previous key needs SERVICE_AUTH_KEY_FILE or SERVICE_AUTH_KEY');
  }
  const tls = tlsFiles(config, read, issues);
  if (issues.length > 0) throw new ConfigError(service, issues);
  return {
    keys: signing ? [signing, ...(previous ? [previous] : [])] : [],
    tokenTtlSeconds: config.SERVICE_AUTH_TOKEN_TTL_SECONDS ?? 60,
    tls,
  };
}

function tlsFiles(
  config: Partial<ServiceAuthConfig>,
  read: (name: keyof ServiceAuthConfig, path: string) => Buffer | undefined,
  issues: string[],
): TlsFiles | undefined {
  const names = ['GRPC_TLS_CERT_FILE', 'GRPC_TLS_KEY_FILE', 'GRPC_TLS_CA_FILE'] as const;
  const set = names.filter((name) => config[name]);
  if (set.length === 0) return undefined;
  if (set.length < names.length) {
    const missing = names.filter((name) => !config[name]);
    issues.push(`${missing.join(', ')}: mutual TLS needs ${names.join(', ')} together`);
    return undefined;
  }
  const [cert, key, ca] = names.map((name) => read(name, config[name] as string));
  if (!cert || !key || !ca) return undefined;
  try {
    // Parses the PEMs and checks that the key belongs to the certificate, so a bad mount fails here.
    createSecureContext({ cert, key, ca });
  } catch (error) {
    issues.push(`GRPC_TLS_CERT_FILE, GRPC_TLS_KEY_FILE, GRPC_TLS_CA_FILE: ${(error as Error).message}`);
    return undefined;
  }
  return { cert, key, ca, serverName: config.GRPC_TLS_SERVER_NAME };
}
