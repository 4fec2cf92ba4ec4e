import { describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { JwtVerifier, type JwtOptions } from './jwt-verifier.ts';

const SECRET = 'jwt-secret-for-unit-tests-0123456789-abcdef';
const options: JwtOptions = {
  secret: SECRET,
  tenantClaim: 'tenant',
  tierClaim: 'tier',
  defaultTier: 'free',
  maxLifetimeSeconds: 600,
  allowAdmin: false,
};

const sign = (claims: Record<string, unknown>, lifetime = '5m') =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(lifetime)
    .sign(new TextEncoder().encode(SECRET));

describe('JwtVerifier', () => {
  it('drops the admin scope unless administration from tokens is allowed', async () => {
    const jwt = await sign({ tenant: 't', sub: 's', scope: 'admin rag' });
    expect((await new JwtVerifier(options).verify(jwt)).scopes).toEqual(['rag']);
    expect((await new JwtVerifier({ ...options, allowAdmin: true }).verify(jwt)).scopes).toEqual([
      'admin',
      'rag',
    ]);
  });

  it('accepts a lifetime up to the maximum and refuses a longer one', async () => {
    const verifier = new JwtVerifier(options);
    await expect(verifier.verify(await sign({ tenant: 't', sub: 's' }, '10m'))).resolves.toMatchObject({
      tenant: 't',
    });
    await expect(verifier.verify(await sign({ tenant: 't', sub: 's' }, '11m'))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });
});
