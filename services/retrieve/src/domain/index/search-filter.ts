/**
 * Which documents a search may return. Every given condition must hold; an empty filter matches
 * everything. Both indexes apply it while searching (not afterwards), so k hits come back
 * whenever k matching chunks exist.
 */
export interface SearchFilter {
  /** Exact matches on metadata; the key `document_id` matches the document id. */
  equals?: Record<string, string>;
  /** Any of these ids. */
  documentIds?: string[];
  /** Any of these tags in metadata `tags` (a comma-separated list). */
  tags?: string[];
  /** Metadata `lang`. */
  lang?: string;
  /** Inclusive bounds, epoch milliseconds, on the metadata time field (`published_at`, ISO 8601). */
  publishedFrom?: number;
  publishedTo?: number;
}

export const TIME_FIELD = 'published_at';
export const TAGS_FIELD = 'tags';
export const LANG_FIELD = 'lang';

/** Compiles a filter into a predicate over (document id, metadata). */
export function documentPredicate(
  filter: SearchFilter,
): (documentId: string, metadata: Record<string, string>) => boolean {
  const { document_id: equalsId, ...equals } = filter.equals ?? {};
  const conditions = Object.entries(equals);
  const ids = filter.documentIds && filter.documentIds.length > 0 ? new Set(filter.documentIds) : undefined;
  const tags = filter.tags && filter.tags.length > 0 ? new Set(filter.tags.map(normalizeTag)) : undefined;
  const timed = filter.publishedFrom !== undefined || filter.publishedTo !== undefined;
  return (documentId, metadata) => {
    if (equalsId !== undefined && documentId !== equalsId) return false;
    if (ids && !ids.has(documentId)) return false;
    if (filter.lang !== undefined && metadata[LANG_FIELD] !== filter.lang) return false;
    if (!conditions.every(([key, value]) => metadata[key] === value)) return false;
    if (tags && !(metadata[TAGS_FIELD] ?? '').split(',').some((tag) => tags.has(normalizeTag(tag))))
      return false;
    if (timed) {
      const time = Date.parse(metadata[TIME_FIELD] ?? '');
      if (Number.isNaN(time)) return false;
      if (filter.publishedFrom !== undefined && time < filter.publishedFrom) return false;
      if (filter.publishedTo !== undefined && time > filter.publishedTo) return false;
    }
    return true;
  };
}

/** Tags compare trimmed and lower-cased. */
export function normalizeTag(tag: string): string {
  return tag.trim().toLowerCase();
}
