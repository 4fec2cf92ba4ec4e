import { describe, expect, it } from '@jest/globals';
import { identifiersOf, mentions } from './identifiers.ts';

describe('identifiersOf', () => {
  it('finds snake_case, dotted and camelCase names, not acronyms or words', () => {
    expect(
      identifiersOf('What HTTP status does NOT_FOUND map to? And messageKey, pino.destination?'),
    ).toEqual(['not_found', 'messagekey', 'pino.destination']);
  });
});

describe('mentions', () => {
  it('matches a name as a whole word only', () => {
    expect(mentions('not_found — http: 404', 'not_found')).toBe(true);
    expect(mentions('route_not_found — http: 404', 'not_found')).toBe(false);
  });
});
