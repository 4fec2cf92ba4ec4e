import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { corpusFixture, type CorpusFixture } from '../../../test/support/corpus-fixture.ts';
import { HashingEmbedder } from '../../../test/support/hashing-embedder.ts';
import { chunkRecords } from '../chunking/chunk-records.ts';
import { chunkDocument } from '../chunking/chunking.ts';
import { DocumentService } from './document-service.ts';

const embedder = new HashingEmbedder();
let fixture: CorpusFixture;
let documents: DocumentService;

/** Stores a document chunked the way ingest chunks it (overlapping character windows). */
async function ingest(tenant: string, id: string, text: string) {
  const pieces = chunkDocument(text, {
    strategy: 'characters',
    size: 40,
    overlap: 10,
    sentences: 5,
    sentenceOverlap: 1,
  });
  const [chunks = []] = chunkRecords(
    [{ id, pieces }],
    pieces.map((piece) => embedder.vector(piece.text)),
  );
  await fixture.corpus.replaceDocument(
    tenant,
    {
      id,
      title: id,
      metadata: {},
      length: text.length,
      chunkCount: chunks.length,
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
    chunks,
  );
}

beforeEach(async () => {
  fixture = await corpusFixture();
  documents = new DocumentService(fixture.corpus);
});
afterEach(() => fixture.close());

describe('DocumentService.text', () => {
  it('gives back a document cut into overlapping chunks, each overlap once', async () => {
    const text =
      'Owls hunt mice at night in the barn. Sparrows and finches sing at dawn. ' +
      'Diesel engines compress air before the fuel goes in, and jets burn kerosene.';
    await ingest('acme', 'mixed', text);
    const document = await documents.get('acme', 'mixed');
    expect(document.chunkCount).toBeGreaterThan(2);
    expect(await documents.text('acme', document)).toBe(text);
  });

  it('reads the chunks of the caller’s tenant only', async () => {
    await ingest('acme', 'same-id', 'Acme’s own words about owls and the night.');
    await ingest('globex', 'same-id', 'Globex writes about engines and kerosene instead.');
    const acme = await documents.get('acme', 'same-id');
    expect(await documents.text('acme', acme)).toBe('Acme’s own words about owls and the night.');
  });
});
