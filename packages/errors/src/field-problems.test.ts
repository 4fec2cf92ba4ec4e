import { describe, expect, it } from '@jest/globals';
import { invalidField, withFieldList } from './field-problems.ts';
import { RagfleetError } from './ragfleet-error.ts';

describe('withFieldList', () => {
  it('turns details.field into details.fields, keeping the other details', () => {
    const upstream = new RagfleetError('INVALID_ARGUMENT', 'tier: unknown tier', {
      details: { field: 'tier', allowed: ['free', 'premium'] },
    });
    const normalized = withFieldList(upstream, (field) => `body.${field}`);
    expect(normalized.details).toEqual({
      allowed: ['free', 'premium'],
      fields: [{ field: 'body.tier', message: 'unknown tier' }],
    });
    expect(normalized).toMatchObject({ code: 'INVALID_ARGUMENT', message: 'tier: unknown tier' });
  });

  it('uses the whole message when it does not start with the field', () => {
    const upstream = new RagfleetError('INVALID_ARGUMENT', 'query must not be empty', {
      details: { field: 'query' },
    });
    expect(withFieldList(upstream, (field) => field).details).toEqual({
      fields: [{ field: 'query', message: 'query must not be empty' }],
    });
  });

  it("places a service's listed fields where the caller put them, keeping those already placed", () => {
    const upstream = new RagfleetError('INVALID_ARGUMENT', 'two problems', {
      details: {
        fields: [
          { field: 'metrics.bogus', message: 'unknown metric' },
          { field: 'path.id', message: 'unknown subject' },
        ],
        pack: 'lightning',
      },
    });
    expect(withFieldList(upstream, (field) => `body.${field}`).details).toEqual({
      pack: 'lightning',
      fields: [
        { field: 'body.metrics.bogus', message: 'unknown metric' },
        { field: 'path.id', message: 'unknown subject' },
      ],
    });
  });

  it('leaves errors whose fields are all placed, or with no field, alone', () => {
    const listed = invalidField('body.k', 'too big');
    expect(withFieldList(listed, (field) => `x.${field}`)).toBe(listed);
    const plain = new RagfleetError('INTERNAL', 'Internal error');
    expect(withFieldList(plain, (field) => field)).toBe(plain);
  });
});
