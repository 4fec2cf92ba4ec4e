import { RagfleetError } from '@ragfleet/errors';
import type { Stage } from './records.ts';

/** Who asks for a move: a caller through Transition, or the measurer. */
export type Mover = 'caller' | 'measurer';

/**
 * The lifecycle as a table: from each stage, where a caller may move a recommendation. Shown is
 * optional (a client may apply straight from a list); applied and dismissed are final for
 * callers; measured follows applied and only the measurer writes it, because it carries the
 * outcome that learning trusts.
 */
export const CALLER_MOVES: Readonly<Record<Stage, readonly Stage[]>> = {
  generated: ['shown', 'applied', 'dismissed'],
  shown: ['applied', 'dismissed'],
  applied: [],
  dismissed: [],
  measured: [],
};

export const MEASURER_MOVES: Readonly<Record<Stage, readonly Stage[]>> = {
  generated: [],
  shown: [],
  applied: ['measured'],
  dismissed: [],
  measured: [],
};

/**
 * 'same' when `to` is the current stage (a repeat is a no-op, so clients may retry), 'move' when
 * the table allows it, else FAILED_PRECONDITION naming both stages.
 */
export function checkTransition(from: Stage, to: Stage, by: Mover): 'same' | 'move' {
  if (from === to) return 'same';
  const allowed = (by === 'caller' ? CALLER_MOVES : MEASURER_MOVES)[from];
  if (allowed.includes(to)) return 'move';
  const why =
    to === 'measured' && by === 'caller'
      ? from === 'applied'
        ? 'only the measurer records a measurement'
        : 'only an applied recommendation is measured'
      : `${from} cannot become ${to}`;
  throw new RagfleetError('FAILED_PRECONDITION', `Recommendation is ${from}: ${why}.`, {
    details: { from, to, allowed: [...allowed] },
  });
}
