import { RagfleetError, fieldDetails, type FieldProblem } from '@ragfleet/errors';

/**
 * Not found for this tenant. The generic NOT_FOUND code, with the resource named in details:
 * another tenant's subject answers exactly like one that never existed.
 */
export function notFound(resource: 'subject' | 'recommendation' | 'weights', id: string): RagfleetError {
  return new RagfleetError('NOT_FOUND', `No such ${resource}: ${id}`, {
    details: { resource, id },
  });
}

/** INVALID_ARGUMENT listing every problem in details.fields. */
export function invalidFields(summary: string, problems: FieldProblem[]): RagfleetError {
  return new RagfleetError('INVALID_ARGUMENT', `${summary}: ${problems.map((p) => p.field).join(', ')}`, {
    details: fieldDetails(problems),
  });
}
