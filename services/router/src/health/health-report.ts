import { z } from 'zod';
import { PROVIDERS } from '../domain/catalog.ts';
import { BREAKER_STATES, type ProviderHealthReport } from './breaker-states.ts';

const reportSchema = z.object({
  provider: z.enum(PROVIDERS),
  state: z.enum(BREAKER_STATES),
  replica: z.string().min(1).max(200),
  at: z.union([z.string().datetime({ offset: true }), z.number().int().nonnegative()]),
});

/**
 * A health message as generate publishes it: an event envelope whose data is
 * {provider, state, replica, at} (at in RFC 3339 or epoch ms), or that object bare. Anything
 * else is undefined: one malformed message must not stop the subscription.
 */
export function parseHealthReport(payload: string): ProviderHealthReport | undefined {
  let document: unknown;
  try {
    document = JSON.parse(payload);
  } catch {
    return undefined;
  }
  const data =
    typeof document === 'object' && document !== null && 'data' in document
      ? (document as { data: unknown }).data
      : document;
  const parsed = reportSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const { at, ...rest } = parsed.data;
  return { ...rest, at: typeof at === 'number' ? at : Date.parse(at) };
}
