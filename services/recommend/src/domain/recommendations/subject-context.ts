import { RagfleetError } from '@ragfleet/errors';
import {
  lightningContext,
  metricCompleteness,
  type MetricSchema,
  type SubjectMetrics,
} from '@ragfleet/packs';
import type { SubjectContext } from '../scoring/types.ts';

export interface PackReading {
  context: SubjectContext;
  /** The subject's weakest signals in words, worst first: what model suggestions search for. */
  worstSignals: string[];
}

type PackReader = (
  schema: MetricSchema,
  metrics: SubjectMetrics,
) => SubjectContext & { worstSignals: string[] };

/**
 * Each pack's own reading of health and network conditions (code that lives with the pack). A
 * pack without one is read for metric completeness only: its health and conditions stay unknown,
 * which scores neutral.
 */
const READERS: Record<string, PackReader> = { lightning: lightningContext };

export function readSubject(
  pack: string,
  schema: MetricSchema,
  metrics: SubjectMetrics | undefined,
): PackReading {
  if (metrics === undefined) return { context: {}, worstSignals: [] };
  const reader = READERS[pack];
  if (reader === undefined) {
    return { context: { metricCompleteness: metricCompleteness(schema, metrics) }, worstSignals: [] };
  }
  const { worstSignals, ...context } = reader(schema, metrics);
  return { context, worstSignals };
}

/** A subject of another pack cannot be read by this scorer's rules and health model. */
export function assertSamePack(scorerPack: string, subject: { id: string; pack: string }): void {
  if (subject.pack === scorerPack) return;
  throw new RagfleetError(
    'FAILED_PRECONDITION',
    `Subject ${subject.id} follows pack "${subject.pack}"; this scorer runs pack "${scorerPack}".`,
    { details: { subject_id: subject.id, pack: subject.pack, scorer_pack: scorerPack } },
  );
}
