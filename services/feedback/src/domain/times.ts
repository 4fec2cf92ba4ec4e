import { invalidField } from '@ragfleet/errors';

/** RFC 3339 with a zone (Z or ±hh:mm), e.g. 2026-03-01T12:00:00Z. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** The time normalized to UTC ISO (so stored times compare as strings), or INVALID_ARGUMENT. */
export function parseTime(value: string, field: string): string {
  const ms = Date.parse(value);
  if (!RFC3339.test(value) || Number.isNaN(ms)) {
    throw invalidField(field, 'must be an RFC 3339 time, e.g. 2026-03-01T12:00:00Z');
  }
  return new Date(ms).toISOString();
}

export const addMs = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();
