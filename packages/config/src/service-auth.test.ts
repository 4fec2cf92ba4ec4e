import { describe, expect, it } from '@jest/globals';
import { ConfigError } from './load-config.ts';
import { readServiceCredentials } from './service-auth.ts';

const KEY = 'k'.repeat(40);
const files: Record<string, string> = { '/secrets/key': `${KEY}\n`, '/secrets/old': 'o'.repeat(32) };
const readFile = (path: string): Buffer => {
  const text = files[path];
  if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
  return Buffer.from(text);
};

function issuesOf(config: Record<string, string>): string[] {
  try {
    readServiceCredentials('retrieve', config, readFile);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  return [];
}

describe('readServiceCredentials', () => {
  it('is development mode without a key, an empty variable counting as unset', () => {
    expect(readServiceCredentials('retrieve', {}, readFile)).toEqual({
      keys: [],
      tokenTtlSeconds: 60,
      tls: undefined,
    });
    const blank = { SERVICE_AUTH_KEY: '', SERVICE_AUTH_PREVIOUS_KEY_FILE: '' };
    expect(readServiceCredentials('retrieve', blank, readFile).keys).toEqual([]);
  });

  it('reads the key from its file without the trailing newline, then the previous key', () => {
    const credentials = readServiceCredentials(
      'retrieve',
      { SERVICE_AUTH_KEY_FILE: '/secrets/key', SERVICE_AUTH_PREVIOUS_KEY_FILE: '/secrets/old' },
      readFile,
    );
    expect(credentials.keys.map((key) => key.toString())).toEqual([KEY, 'o'.repeat(32)]);
  });

  it('takes the key from a variable for local runs', () => {
    expect(readServiceCredentials('retrieve', { SERVICE_AUTH_KEY: KEY }, readFile).keys[0]?.toString()).toBe(
      KEY,
    );
  });

  it('names each problem by variable, without echoing a key', () => {
    const issues = issuesOf({
      SERVICE_AUTH_KEY_FILE: '/secrets/absent',
      SERVICE_AUTH_PREVIOUS_KEY: 'short-secret',
      GRPC_TLS_CERT_FILE: '/tls/tls.crt',
    });
    expect(issues).toEqual([
      'SERVICE_AUTH_KEY_FILE: cannot read /secrets/absent (ENOENT)',
      'SERVICE_AUTH_PREVIOUS_KEY: the key must be at least 32 bytes (e.g. openssl rand -base64 48)',
      'GRPC_TLS_KEY_FILE, GRPC_TLS_CA_FILE: mutual TLS needs GRPC_TLS_CERT_FILE, GRPC_TLS_KEY_FILE, GRPC_TLS_CA_FILE together',
    ]);
    expect(issues.join('\n')).not.toContain('short-secret');
  });

  it('refuses a key given twice and a previous key alone', () => {
    expect(issuesOf({ SERVICE_AUTH_KEY_FILE: '/secrets/key', SERVICE_AUTH_KEY: KEY })).toEqual([
      'SERVICE_AUTH_KEY: set SERVICE_AUTH_KEY_FILE or SERVICE_AUTH_KEY, not both',
    ]);
    expect(issuesOf({ SERVICE_AUTH_PREVIOUS_KEY_FILE: '/secrets/old' })).toEqual([
      'SERVICE_AUTH_PREVIOUS_KEY: a previous key needs SERVICE_AUTH_KEY_FILE or SERVICE_AUTH_KEY',
    ]);
  });

  it('refuses certificate files that are not PEM', () => {
    files['/tls/bad'] = 'not a certificate';
    const issues = issuesOf({
      SERVICE_AUTH_KEY: KEY,
      GRPC_TLS_CERT_FILE: '/tls/bad',
      GRPC_TLS_KEY_FILE: '/tls/bad',
      GRPC_TLS_CA_FILE: '/tls/bad',
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^GRPC_TLS_CERT_FILE, GRPC_TLS_KEY_FILE, GRPC_TLS_CA_FILE: /);
  });
});
