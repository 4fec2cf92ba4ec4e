import { describe, expect, it } from '@jest/globals';
import { documentPredicate } from './search-filter.ts';

const meta = { tags: 'Aero, heat ,wings', lang: 'en', published_at: '2024-05-01T10:00:00Z', kind: 'paper' };

describe('documentPredicate', () => {
  it('matches everything when empty', () => {
    expect(documentPredicate({})('d', {})).toBe(true);
  });

  it('tags: any of the given tags, trimmed and case-insensitive', () => {
    expect(documentPredicate({ tags: ['heat'] })('d', meta)).toBe(true);
    expect(documentPredicate({ tags: ['nope', 'WINGS'] })('d', meta)).toBe(true);
    expect(documentPredicate({ tags: ['nope'] })('d', meta)).toBe(false);
    expect(documentPredicate({ tags: ['heat'] })('d', {})).toBe(false);
  });

  it('lang and exact metadata', () => {
    expect(documentPredicate({ lang: 'en', equals: { kind: 'paper' } })('d', meta)).toBe(true);
    expect(documentPredicate({ lang: 'fr' })('d', meta)).toBe(false);
    expect(documentPredicate({ equals: { kind: 'book' } })('d', meta)).toBe(false);
  });

  it('time range: inclusive bounds, documents without a valid time excluded', () => {
    const at = Date.parse(meta.published_at);
    expect(documentPredicate({ publishedFrom: at, publishedTo: at })('d', meta)).toBe(true);
    expect(documentPredicate({ publishedFrom: at + 1 })('d', meta)).toBe(false);
    expect(documentPredicate({ publishedTo: at - 1 })('d', meta)).toBe(false);
    expect(documentPredicate({ publishedFrom: 0 })('d', { published_at: 'soon' })).toBe(false);
  });

  it('document ids: any of the list, and document_id among the exact matches', () => {
    expect(documentPredicate({ documentIds: ['a', 'b'] })('b', meta)).toBe(true);
    expect(documentPredicate({ documentIds: ['a', 'b'] })('c', meta)).toBe(false);
    expect(documentPredicate({ equals: { document_id: 'c' } })('c', meta)).toBe(true);
    expect(documentPredicate({ equals: { document_id: 'c' } })('b', meta)).toBe(false);
  });

  it('requires every condition', () => {
    expect(documentPredicate({ tags: ['heat'], lang: 'fr' })('d', meta)).toBe(false);
  });
});
