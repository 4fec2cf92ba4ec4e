import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RetrieveV1 } from '@ragfleet/protos';
import { postJson, startTestGateway, type TestGateway } from './support/start-gateway.ts';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway();
});

afterAll(async () => {
  await gateway.stop();
});

function lastIngest(): RetrieveV1.IngestDocumentsRequest__Output {
  const call = gateway.upstreams.lastCall('IngestDocuments');
  if (!call) throw new Error('IngestDocuments was not called');
  return call.request as RetrieveV1.IngestDocumentsRequest__Output;
}

describe('POST /v1/documents chunking', () => {
  it('forwards the strategy of a batch to retrieve', async () => {
    const response = await postJson(`${gateway.url}/v1/documents`, {
      documents: [{ id: 'chunk-batch', text: '# One\n\nalpha' }],
      chunking: 'markdown',
    });
    expect(response.status).toBe(202);
    expect(lastIngest()).toMatchObject({ chunking: 'markdown', documents: [{ id: 'chunk-batch' }] });
  });

  it('forwards the strategy of a single document, which is not a document field', async () => {
    const response = await postJson(`${gateway.url}/v1/documents`, {
      id: 'chunk-single',
      text: 'One sentence. Another one.',
      chunking: 'sentences',
    });
    expect(response.status).toBe(202);
    const request = lastIngest();
    expect(request.chunking).toBe('sentences');
    expect(request.documents.map((document) => document.id)).toEqual(['chunk-single']);
    expect(Object.keys(request.documents[0]?.metadata ?? {})).toEqual([]);
  });

  it('leaves the strategy empty (retrieve default) when none is given', async () => {
    const response = await postJson(`${gateway.url}/v1/documents`, { id: 'chunk-default', text: 'alpha' });
    expect(response.status).toBe(202);
    expect(lastIngest().chunking).toBe('');
  });

  it.each([
    ['an unknown strategy', { documents: [{ id: 'x', text: 'alpha' }], chunking: 'paragraphs' }],
    ['a number', { id: 'x', text: 'alpha', chunking: 3 }],
    ['an object', { id: 'x', text: 'alpha', chunking: { strategy: 'sentences' } }],
  ])('rejects %s with 400 naming body.chunking, before calling retrieve', async (_label, body) => {
    const before = gateway.upstreams.calls.length;
    const response = await postJson(`${gateway.url}/v1/documents`, body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as {
      error: { code: string; details: { fields: Array<{ field: string }> } };
    };
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.details.fields.map((problem) => problem.field)).toEqual(['body.chunking']);
    expect(gateway.upstreams.calls.length).toBe(before);
  });

  it('does not accept chunking inside a document of a batch', async () => {
    const response = await postJson(`${gateway.url}/v1/documents`, {
      documents: [{ id: 'x', text: 'alpha', chunking: 'sentences' }],
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { details: { fields: Array<{ field: string }> } } };
    expect(error.details.fields.map((problem) => problem.field)).toEqual(['body.documents.0.chunking']);
  });
});
