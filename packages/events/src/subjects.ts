import { RagfleetError } from '@ragfleet/errors';
import type { StreamSpec } from './event-bus.ts';

const tokens = (subject: string): string[] => subject.split('.');

/**
 * True when every subject matched by `subject` (itself possibly a wildcard filter) is also matched
 * by `pattern`, with NATS semantics: `*` is one token, `>` one or more trailing tokens.
 */
export function subjectCovers(pattern: string, subject: string): boolean {
  const p = tokens(pattern);
  const s = tokens(subject);
  for (let i = 0; i < p.length; i++) {
    const want = p[i];
    const have = s[i];
    if (want === '>') return have !== undefined;
    if (have === undefined || have === '>') return false;
    if (want === '*') continue;
    if (have === '*' || want !== have) return false;
  }
  return p.length === s.length;
}

/** True when some subject is matched by both filters (two workqueue consumers must not overlap). */
export function subjectsOverlap(a: string, b: string): boolean {
  const x = tokens(a);
  const y = tokens(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const left = x[i];
    const right = y[i];
    if (left === undefined || right === undefined) return false;
    if (left === '>' || right === '>') return true;
    if (left === '*' || right === '*') continue;
    if (left !== right) return false;
  }
  return true;
}

/** The stream that captures `subject`; publishing or subscribing outside every stream is a mistake. */
export function streamFor(streams: readonly StreamSpec[], subject: string): StreamSpec {
  const stream = streams.find((spec) => spec.subjects.some((pattern) => subjectCovers(pattern, subject)));
  if (!stream) {
    throw new RagfleetError('INVALID_ARGUMENT', `No event stream captures the subject "${subject}".`, {
      details: { subject, streams: streams.map((spec) => spec.name) },
    });
  }
  return stream;
}
