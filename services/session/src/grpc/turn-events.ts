import type { SessionV1 } from '@ragfleet/protos';
import type { SequencedTurnEvent } from '../domain/records.ts';

/** A buffered turn event on the wire: its type names the TurnEvent oneof field. */
export function toProtoTurnEvent({ seq, event }: SequencedTurnEvent): SessionV1.TurnEvent {
  const { type, ...payload } = event;
  return { seq, [type]: payload } as SessionV1.TurnEvent;
}
