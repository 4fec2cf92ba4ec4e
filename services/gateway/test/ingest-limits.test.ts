import { describe, expect, it } from '@jest/globals';
import { INGEST_LIMITS } from '@ragfleet/grpc';
import { LIMITS } from '../../retrieve/src/domain/ingest/document-validation.ts';
import { batchSchema } from '../src/routes/documents.ts';

describe('the ingest limits the gateway validates against', () => {
  it('are the ones retrieve enforces', () => {
    expect(INGEST_LIMITS).toEqual(LIMITS);
  });

  it('refuse a document over them by field, before retrieve sees it', () => {
    const tooLong = 'x'.repeat(INGEST_LIMITS.documentChars + 1);
    const result = batchSchema.safeParse({
      documents: [
        { id: 'a', text: 'fine' },
        { id: 'b', text: tooLong },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['documents.1.text']);
    const manyFields = Object.fromEntries(
      Array.from({ length: INGEST_LIMITS.metadataEntries + 1 }, (_, n) => [`k${n}`, 'v']),
    );
    expect(batchSchema.safeParse({ documents: [{ id: 'a', text: 't', metadata: manyFields }] }).success).toBe(
      false,
    );
    expect(batchSchema.safeParse({ documents: [{ id: 'i'.repeat(257), text: 't' }] }).success).toBe(false);
  });
});
