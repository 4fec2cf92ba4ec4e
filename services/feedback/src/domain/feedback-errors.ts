import { RagfleetError, fieldDetails, type FieldProblem } from '@ragfleet/errors';

/**
 * Text from a request (an id, a metric name) as printable ASCII, others as \uXXXX. Error details
 * travel in gRPC metadata, which refuses other characters: without this, a metric named "réseau"
 * would make the error itself fail to send and the caller wait for its deadline.
 */
export function asciiSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Not found for this tenant. The generic NOT_FOUND code, with the resource named in details:
 * another tenant's subject answers exactly like one that never existed.
 */
export function notFound(resource: 'subject' | 'recommendation' | 'weights', id: string): RagfleetError {
  return new RagfleetError('NOT_FOUND', `No such ${resource}: ${id}`, {
    details: { resource, id: asciiSafe(id) },
  });
}

/** INVALID_ARGUMENT listing every problem in details.fields (ASCII-safe, see asciiSafe). */
export function invalidFields(summary: string, problems: FieldProblem[]): RagfleetError {
  const safe = problems.map((p) => ({ field: asciiSafe(p.field), message: asciiSafe(p.message) }));
  return new RagfleetError('INVALID_ARGUMENT', `${summary}: ${safe.map((p) => p.field).join(', ')}`, {
    details: fieldDetails(safe),
  });
}
