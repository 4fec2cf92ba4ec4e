import { RagfleetError } from '@ragfleet/errors';
import { FUSION_METHODS, type FusionMethod, type FusionWeights } from './fusion.ts';
import type { Bm25Params } from '../index/keyword-index.ts';
import type { SearchFilter } from '../index/search-filter.ts';

export const SEARCH_MODES = ['vector', 'keyword', 'hybrid'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];
export const RERANKERS = ['none', 'mmr'] as const;
export type RerankerName = (typeof RERANKERS)[number];

export const DEFAULT_K = 5;
export const MAX_K = 100;
export const MAX_CANDIDATES = 1_000;
const MAX_QUERY_CHARS = 10_000;
const MAX_RRF_K = 10_000;
const MAX_FILTER_VALUES = 1_000;

/** A search as a caller asks for it: everything but query optional, defaults resolved by the service. */
export interface SearchRequest {
  query: string;
  /** 0 means the default. */
  k: number;
  /** Exact-match metadata filters; `document_id` filters by document. */
  filters: Record<string, string>;
  mode?: string;
  fusion?: string;
  weights?: FusionWeights;
  /** 0 means the default. */
  rrfK?: number;
  rerank?: string;
  /** 0 means the default. */
  mmrLambda?: number;
  /** 0 means the default. */
  candidates?: number;
  filter?: {
    tags?: string[];
    lang?: string;
    /** RFC 3339; empty: unbounded. */
    publishedFrom?: string;
    publishedTo?: string;
    documentIds?: string[];
  };
}

/** How a search ranks: what a request may set, the defaults fill in, and the response reports. */
export interface SearchSettings {
  mode: SearchMode;
  fusion: FusionMethod;
  weights: FusionWeights;
  rrfK: number;
  rerank: RerankerName;
  mmrLambda: number;
  /** At least k once resolved. */
  candidates: number;
}

/** The service's defaults (configuration) for what a request leaves out. */
export interface SearchDefaults extends SearchSettings {
  bm25: Bm25Params;
  /**
   * Pseudo-relevance feedback for the vector ranking in hybrid mode: the query vector is moved
   * towards the mean of the top `documents` keyword hits' vectors by `weight` (0 documents: off).
   */
  feedback: { documents: number; weight: number };
}

/** A request with every default applied and every value checked. */
export interface ResolvedSearch extends SearchSettings {
  query: string;
  k: number;
  filter: SearchFilter;
}

export function invalid(field: string, message: string): RagfleetError {
  return new RagfleetError('INVALID_ARGUMENT', `${field}: ${message}`, { details: { field } });
}

function oneOf<T extends string>(
  field: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw invalid(field, `must be one of ${allowed.join(', ')}; got "${value}"`);
}

function weight(field: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) throw invalid(field, 'must be between 0 and 1');
  return value;
}

function time(field: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(parsed))
    throw invalid(field, `must be an RFC 3339 date or time; got "${value}"`);
  return parsed;
}

function list(field: string, values: string[] | undefined): string[] | undefined {
  if (!values || values.length === 0) return undefined;
  if (values.length > MAX_FILTER_VALUES) throw invalid(field, `at most ${MAX_FILTER_VALUES} values`);
  if (values.some((value) => value.trim() === '')) throw invalid(field, 'values must not be empty');
  return values;
}

/** Applies the defaults and checks every field; the error names the first bad one. */
export function resolveSearch(request: SearchRequest, defaults: SearchDefaults): ResolvedSearch {
  const query = request.query.trim();
  if (query === '') throw invalid('query', 'must not be empty');
  if (query.length > MAX_QUERY_CHARS) throw invalid('query', `at most ${MAX_QUERY_CHARS} characters`);
  const k = request.k === 0 ? DEFAULT_K : request.k;
  if (!Number.isInteger(k) || k < 1 || k > MAX_K) throw invalid('k', `must be between 1 and ${MAX_K}`);

  const mode = oneOf('mode', request.mode, SEARCH_MODES, defaults.mode);
  const fusion = oneOf('fusion', request.fusion, FUSION_METHODS, defaults.fusion);
  const rerank = oneOf('rerank', request.rerank, RERANKERS, defaults.rerank);
  let weights = defaults.weights;
  if (request.weights) {
    weights = {
      vector: weight('weights.vector', request.weights.vector),
      keyword: weight('weights.keyword', request.weights.keyword),
    };
    if (weights.vector + weights.keyword === 0)
      throw invalid('weights', 'at least one weight must be above 0');
  }
  const rrfK = request.rrfK ? request.rrfK : defaults.rrfK;
  if (!Number.isInteger(rrfK) || rrfK < 1 || rrfK > MAX_RRF_K)
    throw invalid('rrf_k', `must be between 1 and ${MAX_RRF_K}`);
  const mmrLambda = request.mmrLambda ? request.mmrLambda : defaults.mmrLambda;
  if (!Number.isFinite(mmrLambda) || mmrLambda <= 0 || mmrLambda > 1)
    throw invalid('mmr_lambda', 'must be above 0 and at most 1');
  const candidates = request.candidates ? request.candidates : defaults.candidates;
  if (!Number.isInteger(candidates) || candidates < 1 || candidates > MAX_CANDIDATES)
    throw invalid('candidates', `must be between 1 and ${MAX_CANDIDATES}`);

  return {
    query,
    k,
    mode,
    fusion,
    weights,
    rrfK,
    rerank,
    mmrLambda,
    candidates: Math.max(candidates, k),
    filter: resolveFilter(request),
  };
}

function resolveFilter(request: SearchRequest): SearchFilter {
  const given = request.filter ?? {};
  const publishedFrom = time('filter.published_from', given.publishedFrom);
  const publishedTo = time('filter.published_to', given.publishedTo);
  if (publishedFrom !== undefined && publishedTo !== undefined && publishedFrom > publishedTo)
    throw invalid('filter.published_to', 'must not be before filter.published_from');
  const filter: SearchFilter = { equals: request.filters };
  const tags = list('filter.tags', given.tags);
  const documentIds = list('filter.document_ids', given.documentIds);
  if (tags) filter.tags = tags;
  if (documentIds) filter.documentIds = documentIds;
  if (given.lang) filter.lang = given.lang;
  if (publishedFrom !== undefined) filter.publishedFrom = publishedFrom;
  if (publishedTo !== undefined) filter.publishedTo = publishedTo;
  return filter;
}
