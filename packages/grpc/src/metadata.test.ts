import { describe, expect, it } from '@jest/globals';
import { runWithRequestContext } from '@ragfleet/telemetry';
import { outgoingMetadata, readIncomingMetadata, type CallerContext } from './metadata.ts';

describe('caller identity in metadata', () => {
  it('carries user, tier and key id beside request id and tenant, when the context has them', () => {
    const context: CallerContext = {
      requestId: 'r1',
      tenant: 'acme',
      user: 'alice',
      tier: 'premium',
      keyId: 'key-alice',
    };
    const incoming = readIncomingMetadata(runWithRequestContext(context, outgoingMetadata));
    expect(incoming).toMatchObject({
      requestId: 'r1',
      tenant: 'acme',
      user: 'alice',
      tier: 'premium',
      keyId: 'key-alice',
    });
  });

  it('leaves them out for a plain request context', () => {
    const metadata = runWithRequestContext({ requestId: 'r2', tenant: 'acme' }, outgoingMetadata);
    expect(metadata.get('x-user-id')).toEqual([]);
    expect(metadata.get('x-key-id')).toEqual([]);
    expect(readIncomingMetadata(metadata)).toMatchObject({
      tenant: 'acme',
      user: undefined,
      tier: undefined,
      keyId: undefined,
    });
  });
});
