import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from './event-bus.ts';

export function createEvent<T>(fields: {
  type: string;
  source: string;
  tenant: string;
  data: T;
  /** Give a stable id (e.g. the job id) to make publishing idempotent. */
  id?: string;
}): EventEnvelope<T> {
  return {
    id: fields.id ?? randomUUID(),
    type: fields.type,
    source: fields.source,
    time: new Date().toISOString(),
    tenant: fields.tenant,
    data: fields.data,
  };
}
