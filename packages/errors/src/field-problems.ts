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

/**
 * An error from a service that still names its field the older way (`details.field`, one string,
 * the problem in the message as `field: problem`) in the `fields` shape. `qualify` says where the
 * caller put that field (the gateway prefixes `body.`); other details are kept beside it.
 */
export function withFieldList(error: RagfleetError, qualify: (field: string) => string): RagfleetError {
  const details = error.details;
  if (!details || typeof details.field !== 'string' || Array.isArray(details.fields)) return error;
  const { field, ...rest } = details;
  const prefix = `${field}: `;
  const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return new RagfleetError(error.code, error.message, {
    details: fieldDetails([{ field: qualify(field), message }], rest),
    internal: error.internal,
    retryable: error.retryable,
    cause: error,
  });
}
