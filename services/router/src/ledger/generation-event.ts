import type { EventEnvelope } from '@ragfleet/events';
import { z } from 'zod';
import type { LedgerEntry } from './usage-ledger.ts';

const count = z.number().int().min(0).catch(0);
const text = z.string().catch('');

/**
 * `generation.completed` as generate publishes it (services/generate/src/adapters/
 * completion-publisher.ts). Read leniently: an older publisher sends neither generationId nor
 * the caller or cost fields, and the ledger still counts its generations and tokens.
 */
const generationCompleted = z.object({
  generationId: z.string().min(1).max(200).optional().catch(undefined),
  task: z.string().min(1).max(40).optional().catch(undefined),
  tenant: z.string().min(1).optional().catch(undefined),
  user: text.optional(),
  keyId: text.optional(),
  provider: z.string().min(1),
  model: z.string().min(1),
  inputTokens: count.optional(),
  outputTokens: count.optional(),
  costUsd: z.number().min(0).finite().optional().catch(undefined),
  cached: z.boolean().optional().catch(undefined),
});

export type GenerationCompletedData = z.input<typeof generationCompleted>;

/**
 * The ledger entry of one event, or undefined for an event without a provider and model (it can
 * never be counted, so it is dropped rather than redelivered forever). Without a generationId
 * the envelope id stands in: generate gives each event its own, and JetStream redelivers it
 * unchanged, so the derived id is just as stable.
 */
export function ledgerEntryOf(envelope: EventEnvelope<unknown>): LedgerEntry | undefined {
  const parsed = generationCompleted.safeParse(envelope.data);
  if (!parsed.success) return undefined;
  const data = parsed.data;
  const at = Number.isNaN(Date.parse(envelope.time)) ? new Date().toISOString() : envelope.time;
  return {
    generationId: data.generationId ?? `event:${envelope.id}`,
    // The envelope's tenant is the one generate answered for; the data's, when present, agrees.
    tenant: envelope.tenant || data.tenant || '',
    user: data.user ?? '',
    keyId: data.keyId ?? '',
    // An older publisher published answers only.
    task: data.task ?? 'answer',
    provider: data.provider,
    model: data.model,
    inputTokens: data.inputTokens ?? 0,
    outputTokens: data.outputTokens ?? 0,
    costUsd: data.costUsd ?? 0,
    cached: data.cached ?? false,
    at: new Date(at).toISOString(),
  };
}
