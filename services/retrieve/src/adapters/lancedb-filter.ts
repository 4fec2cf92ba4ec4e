import { RagfleetError } from '@ragfleet/errors';
import {
  LANG_FIELD,
  normalizeTag,
  TAGS_FIELD,
  TIME_FIELD,
  type SearchFilter,
} from '../domain/index/search-filter.ts';

/**
 * How a chunk's tenant, document and metadata are laid out as LanceDB columns, so that every
 * SearchFilter condition is a SQL predicate LanceDB evaluates before ranking (a prefilter):
 * - `meta`: one string per metadata entry, JSON `[key, value]`, for exact matches (array_has);
 * - `tags`: the `tags` entry split and normalized as documentPredicate does;
 * - `published_ms`: the time field parsed to epoch ms, null when absent or unparsable.
 */
export interface FilterColumns {
  tenant: string;
  document_id: string;
  meta: string[];
  tags: string[];
  published_ms: number | null;
}

export function filterColumns(
  tenant: string,
  documentId: string,
  metadata: Record<string, string>,
): FilterColumns {
  const time = Date.parse(metadata[TIME_FIELD] ?? '');
  return {
    tenant,
    document_id: documentId,
    meta: Object.entries(metadata).map(metaEntry),
    tags: (metadata[TAGS_FIELD] ?? '').split(',').map(normalizeTag).filter(Boolean),
    published_ms: Number.isNaN(time) ? null : time,
  };
}

/**
 * A SQL string literal: the value between single quotes with each quote doubled. LanceDB's SQL
 * (DataFusion) keeps backslashes literal there, so that is the whole escape; every value a caller
 * gave reaches the query only through this.
 */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** The rows of one tenant's document. */
export function documentClause(tenant: string, documentId: string): string {
  return `tenant = ${sqlString(tenant)} AND document_id = ${sqlString(documentId)}`;
}

/** The tenant and every filter condition as one SQL predicate (the same semantics as documentPredicate). */
export function filterClause(tenant: string, filter: SearchFilter = {}): string {
  const { document_id: equalsId, ...equals } = filter.equals ?? {};
  const clauses = [`tenant = ${sqlString(tenant)}`];
  if (equalsId !== undefined) clauses.push(`document_id = ${sqlString(equalsId)}`);
  if (filter.documentIds && filter.documentIds.length > 0)
    clauses.push(`document_id IN (${filter.documentIds.map(sqlString).join(', ')})`);
  if (filter.lang !== undefined)
    clauses.push(`array_has(meta, ${sqlString(metaEntry([LANG_FIELD, filter.lang]))})`);
  for (const entry of Object.entries(equals)) clauses.push(`array_has(meta, ${sqlString(metaEntry(entry))})`);
  if (filter.tags && filter.tags.length > 0) {
    const tags = filter.tags.map(normalizeTag).map(sqlString).join(', ');
    clauses.push(`array_has_any(tags, make_array(${tags}))`);
  }
  if (filter.publishedFrom !== undefined) clauses.push(`published_ms >= ${sqlNumber(filter.publishedFrom)}`);
  if (filter.publishedTo !== undefined) clauses.push(`published_ms <= ${sqlNumber(filter.publishedTo)}`);
  return clauses.join(' AND ');
}

function metaEntry(entry: [string, string]): string {
  return JSON.stringify(entry);
}

/** A finite number as SQL; anything else would not be a number literal. */
function sqlNumber(value: number): string {
  if (!Number.isFinite(value))
    throw new RagfleetError(
      'INVALID_ARGUMENT',
      'filter: a time bound must be a finite number of milliseconds',
    );
  return String(value);
}
