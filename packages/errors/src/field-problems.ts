import { RagfleetError } from './ragfleet-error.ts';

/** One invalid input, named by where it is in the request (`body.filter.tags`, `path.id`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * `details` of an error about inputs, in the one shape clients read: `fields`, a list, even for a
 * single field, so that a client needs one code path for one problem or several.
 */
export function fieldDetails(problems: FieldProblem[], extra: Record<string, unknown> = {}) {
  return { ...extra, fields: problems };
}

/** An INVALID_ARGUMENT about one field, in the shape above. */
export function invalidField(field: string, message: string): RagfleetError {
  return new RagfleetError('INVALID_ARGUMENT', `${field}: ${message}`, {
    details: fieldDetails([{ field, message }]),
  });
}

/** A field already named by where it sits in a request (`body`, `body.k`, `path.id`: the gateway's own). */
const PLACED = /^(body|query|path|header)(\.|$)/;

/**
 * An error about inputs with each field named where the caller put it: `qualify` maps a
 * service's name for a field (`k`, `metrics.bogus`) to the request's (`body.k`); a name already
 * placed (`body.k`, `path.id`) stays. A service that still names its field the older way
 * (`details.field`, one string, the problem in the message as `field: problem`) gets the `fields`
 * shape. Other details are kept beside it; an error without fields is returned as it is.
 */
export function withFieldList(error: RagfleetError, qualify: (field: string) => string): RagfleetError {
  const details = error.details;
  if (!details) return error;
  const place = (field: string) => (PLACED.test(field) ? field : qualify(field));
  let problems: FieldProblem[];
  if (Array.isArray(details.fields)) {
    const listed = details.fields as FieldProblem[];
    if (listed.every((problem) => PLACED.test(problem.field))) return error;
    problems = listed.map((problem) => ({ ...problem, field: place(problem.field) }));
  } else if (typeof details.field === 'string') {
    const prefix = `${details.field}: `;
    const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    problems = [{ field: place(details.field), message }];
  } else {
    return error;
  }
  const { field: _field, fields: _fields, ...rest } = details;
  return new RagfleetError(error.code, error.message, {
    details: fieldDetails(problems, rest),
    internal: error.internal,
    retryable: error.retryable,
    cause: error,
  });
}
