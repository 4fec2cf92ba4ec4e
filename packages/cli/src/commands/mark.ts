import { UsageError } from '../cli-error.ts';
import type { GatewayClient } from '../gateway-client.ts';
import { MARK_STAGES, type RecommendationStage } from '../recommendation-types.ts';

export const MARK_USAGE = `usage: ragfleet mark <recommendation-id> ${MARK_STAGES.join('|')} [--note text]`;

/** The gateway's limit, checked here too so a long note fails before anything is sent. */
const MAX_NOTE_CHARS = 2_000;

function isStage(value: string | undefined): value is RecommendationStage {
  return (MARK_STAGES as readonly string[]).includes(value ?? '');
}

/** `ragfleet mark <id> shown|applied|dismissed`: one lifecycle move; prints the new stage. */
export async function mark(client: GatewayClient, args: string[], note: string | undefined): Promise<number> {
  const [id, stage, ...extra] = args;
  if (!id || extra.length > 0) throw new UsageError('mark takes a recommendation id and a stage', MARK_USAGE);
  if (!isStage(stage))
    throw new UsageError(
      `the stage must be one of ${MARK_STAGES.join(', ')}, got "${stage ?? ''}"`,
      MARK_USAGE,
    );
  if (note !== undefined && note.length > MAX_NOTE_CHARS)
    throw new UsageError(`--note must be at most ${MAX_NOTE_CHARS} characters`, MARK_USAGE);
  const record = await client.markRecommendation(id, stage, note);
  const due =
    record.stage === 'applied' && record.measure_due_at ? ` (measure due ${record.measure_due_at})` : '';
  console.log(`${id}: ${record.stage}${due}`);
  return 0;
}
