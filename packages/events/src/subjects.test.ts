import { describe, expect, it } from '@jest/globals';
import { streamFor, subjectCovers, subjectsOverlap } from './subjects.ts';

describe('subjectCovers', () => {
  it.each([
    ['a.>', 'a.b', true],
    ['a.>', 'a.b.c', true],
    ['a.>', 'a', false],
    ['a.*', 'a.b', true],
    ['a.*', 'a.b.c', false],
    ['a.*.c', 'a.x.c', true],
    ['a.b', 'a.b', true],
    ['a.b', 'a.c', false],
    ['a.>', 'a.*', true],
    ['a.*', 'a.>', false],
    ['a.b', 'a.*', false],
  ])('%s covers %s: %s', (pattern, subject, expected) => {
    expect(subjectCovers(pattern, subject)).toBe(expected);
  });
});

describe('subjectsOverlap', () => {
  it.each([
    ['a.b', 'a.b', true],
    ['a.b', 'a.c', false],
    ['a.*', 'a.b', true],
    ['a.>', 'a.b.c', true],
    ['a.*', 'a.b.c', false],
    ['a.b.>', 'a.c.>', false],
    ['*.b', 'a.*', true],
  ])('%s and %s overlap: %s', (a, b, expected) => {
    expect(subjectsOverlap(a, b)).toBe(expected);
    expect(subjectsOverlap(b, a)).toBe(expected);
  });
});

describe('streamFor', () => {
  const streams = [
    { name: 'JOBS', subjects: ['jobs.>'], retention: 'workqueue' as const },
    { name: 'EVENTS', subjects: ['events.*', 'audit.>'], retention: 'limits' as const },
  ];

  it('finds the stream whose subjects capture the subject', () => {
    expect(streamFor(streams, 'jobs.ingest').name).toBe('JOBS');
    expect(streamFor(streams, 'audit.a.b').name).toBe('EVENTS');
  });

  it('rejects a subject outside every stream with INVALID_ARGUMENT', () => {
    expect(() => streamFor(streams, 'events.a.b')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
