import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { jwtVerify } from 'jose';
import { ServiceTokenRejected, ServiceTokens } from './service-tokens.ts';

const key = randomBytes(32);
const at = (seconds: number) => () => seconds * 1000;
const T0 = 1_800_000_000;
const identity = {
  caller: 'gateway',
  tenant: 'acme',
  user: 'ada',
  tier: 'premium',
  keyId: 'key-ada',
  requestId: 'r1',
};

function reason(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof ServiceTokenRejected) return error.reason;
    throw error;
  }
  return undefined;
}

/** A token built by hand, signed with `key`: what a careless or hostile signer could send. */
function handmade(header: object, claims: object, secret = key): string {
  const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

describe('ServiceTokens', () => {
  const tokens = new ServiceTokens({ keys: [key], now: at(T0) });
  const kid = JSON.parse(
    Buffer.from(tokens.sign('embed', identity).split('.')[0] as string, 'base64url').toString(),
  ).kid as string;

  it('round-trips the identity for the audience it was signed for', () => {
    expect(tokens.verify(tokens.sign('embed', identity), 'embed')).toEqual(identity);
    expect(tokens.verify(tokens.sign('embed', { caller: 'retrieve' }), 'embed')).toEqual({
      caller: 'retrieve',
    });
  });

  it('makes standard JWTs that a JOSE library verifies', async () => {
    const { payload, protectedHeader } = await jwtVerify(tokens.sign('embed', identity), key, {
      algorithms: ['HS256'],
      audience: 'embed',
      typ: 'ragfleet-service+jwt',
      currentDate: new Date(T0 * 1000),
    });
    expect(protectedHeader).toMatchObject({ alg: 'HS256', kid });
    expect(payload).toMatchObject({
      iss: 'gateway',
      aud: 'embed',
      tenant: 'acme',
      key_id: 'key-ada',
      exp: T0 + 60,
    });
  });

  it('refuses another audience, another key, and changed claims', () => {
    const token = tokens.sign('embed', identity);
    expect(reason(() => tokens.verify(token, 'retrieve'))).toBe('audience');
    expect(reason(() => new ServiceTokens({ keys: [randomBytes(32)] }).verify(token, 'embed'))).toBe(
      'unknown_key',
    );
    const [header, , signature] = token.split('.');
    const other = Buffer.from(
      JSON.stringify({ iss: 'gateway', aud: 'embed', iat: T0, exp: T0 + 60, tenant: 'victim' }),
    );
    expect(
      reason(() => tokens.verify(`${header}.${other.toString('base64url')}.${signature}`, 'embed')),
    ).toBe('signature');
  });

  it('accepts the previous key during a rotation, and signs with the current one only', () => {
    const previous = new ServiceTokens({ keys: [key], now: at(T0) });
    const rotated = new ServiceTokens({ keys: [randomBytes(32), key], now: at(T0) });
    expect(rotated.verify(previous.sign('embed', identity), 'embed').tenant).toBe('acme');
    expect(reason(() => previous.verify(rotated.sign('embed', identity), 'embed'))).toBe('unknown_key');
  });

  it('honours expiry with a few seconds of clock tolerance, and a maximum age whatever exp says', () => {
    const token = tokens.sign('embed', identity);
    expect(new ServiceTokens({ keys: [key], now: at(T0 + 64) }).verify(token, 'embed').tenant).toBe('acme');
    expect(reason(() => new ServiceTokens({ keys: [key], now: at(T0 + 66) }).verify(token, 'embed'))).toBe(
      'expired',
    );
    const longLived = handmade(
      { alg: 'HS256', typ: 'ragfleet-service+jwt', kid },
      { iss: 'gateway', aud: 'embed', iat: T0, exp: T0 + 86_400 },
    );
    expect(
      reason(() => new ServiceTokens({ keys: [key], now: at(T0 + 700) }).verify(longLived, 'embed')),
    ).toBe('expired');
    const fromTheFuture = handmade(
      { alg: 'HS256', typ: 'ragfleet-service+jwt', kid },
      { iss: 'gateway', aud: 'embed', iat: T0 + 600, exp: T0 + 660 },
    );
    expect(reason(() => tokens.verify(fromTheFuture, 'embed'))).toBe('claims');
  });

  it('accepts exactly one header shape: no other algorithm or type, no re-encoded signature', () => {
    const claims = { iss: 'gateway', aud: 'embed', iat: T0, exp: T0 + 60 };
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'ragfleet-service+jwt', kid })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    expect(reason(() => tokens.verify(unsigned, 'embed'))).toBe('malformed');
    expect(reason(() => tokens.verify(handmade({ alg: 'HS256', typ: 'JWT', kid }, claims), 'embed'))).toBe(
      'malformed',
    );
    expect(reason(() => tokens.verify(`${tokens.sign('embed', identity)}=`, 'embed'))).toBe('signature');
    expect(reason(() => tokens.verify('a.b', 'embed'))).toBe('malformed');
    expect(reason(() => tokens.verify('!!.??.xx', 'embed'))).toBe('malformed');
  });

  it('requires an issuer and string identity claims', () => {
    const header = { alg: 'HS256', typ: 'ragfleet-service+jwt', kid };
    expect(
      reason(() => tokens.verify(handmade(header, { aud: 'embed', iat: T0, exp: T0 + 60 }), 'embed')),
    ).toBe('claims');
    expect(
      reason(() =>
        tokens.verify(
          handmade(header, { iss: 'gateway', aud: 'embed', iat: T0, exp: T0 + 60, tenant: 7 }),
          'embed',
        ),
      ),
    ).toBe('claims');
    expect(
      reason(() =>
        tokens.verify(
          handmade(header, { iss: 'gateway', aud: 'embed', iat: T0, exp: T0 + 60, key_id: '' }),
          'embed',
        ),
      ),
    ).toBe('claims');
  });
});
