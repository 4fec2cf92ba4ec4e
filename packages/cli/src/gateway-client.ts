import { CliError } from './cli-error.ts';
import type { SourceDocument } from './document-readers.ts';
import { readNdjson } from './ndjson.ts';
import type {
  MetricsSnapshot,
  RecommendationAnswer,
  RecommendationRecord,
  RecommendEvent,
  RecommendQuery,
  RecommendationStage,
  Subject,
  SubjectInput,
} from './recommendation-types.ts';

export interface Job {
  id: string;
  state: 'queued' | 'running' | 'succeeded' | 'failed' | 'unknown';
  document_ids: string[];
  documents_total: number;
  documents_done: number;
  chunks_indexed: number;
  error: string | null;
}

export interface Hit {
  chunk_id: string;
  document_id: string;
  title: string;
  text: string;
  score: number;
}

export interface Citation {
  index: number;
  document_id: string;
  title: string;
}

/** The NDJSON events of POST /v1/rag, as the gateway documents them. */
export type RagEvent =
  | { type: 'status'; stage: string; message: string }
  | { type: 'citations'; citations: Citation[] }
  | { type: 'token'; text: string }
  | { type: 'usage'; input_tokens: number; output_tokens: number }
  | { type: 'done'; provider: string; model: string; time_to_first_token_ms?: number }
  | { type: 'error'; error: { code: string; message: string; retryable: boolean } };

/** A session turn's NDJSON events: /v1/rag's, each with its seq, the first `started`. */
export type TurnEvent = (
  RagEvent | { type: 'started'; session_id: string; turn_id: string; message_id: string }
) & { seq: number };

/** `filter` as the gateway's search and RAG routes both take it. */
export interface SearchFilter {
  metadata?: Record<string, string>;
}

export interface AskOptions {
  k?: number;
  tier?: string;
  filter?: SearchFilter;
}

/** One of a tenant's most asked questions, as GET /v1/admin/questions/top lists them. */
export interface PopularQuestion {
  question: string;
  score: number;
}

/** What the warmer reads of a whole (not streamed) answer. */
export interface AnswerSummary {
  cached: boolean;
  provider: string;
  model: string;
}

/** Sent on the warmer's asks so the gateway does not count them as questions asked. */
export const WARM_HEADER = 'x-ragfleet-warm';

/** A stored document as `GET /v1/documents/:id?include=text` answers it. */
export interface StoredDocument {
  id: string;
  title: string;
  metadata: Record<string, string>;
  chunk_count: number;
  length: number;
  updated_at: string | null;
  text?: string;
}

export interface ClientOptions {
  /** Sent as `Authorization: Bearer <key>`. */
  apiKey?: string | undefined;
  tenant?: string | undefined;
  /** Waits a 429 may cost before it is reported (default 3); each waits what Retry-After says. */
  rateLimitRetries?: number;
  /** Told about each wait (default: a line on stderr). */
  onRateLimited?: (seconds: number) => void;
}

/** The longest Retry-After the CLI sits out: beyond it (a daily limit), it reports the 429. */
const MAX_RETRY_AFTER_SECONDS = 60;

interface ErrorEnvelope {
  error?: {
    code?: string;
    message?: string;
    details?: { fields?: Array<{ field: string; message: string }> };
  };
}

/** The gateway's HTTP API as the CLI needs it; every failure becomes a one-line CliError. */
export class GatewayClient {
  readonly baseUrl: string;
  readonly #options: ClientOptions;

  constructor(baseUrl: string, options: ClientOptions = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.#options = options;
  }

  async ingest(documents: SourceDocument[]): Promise<Job> {
    const body = await this.#json<{ job: Job }>('POST', '/v1/documents', { documents });
    return body.job;
  }

  async job(id: string): Promise<Job> {
    return (await this.#json<{ job: Job }>('GET', `/v1/jobs/${encodeURIComponent(id)}`)).job;
  }

  /** One document with its text. */
  async document(id: string): Promise<StoredDocument> {
    const path = `/v1/documents/${encodeURIComponent(id)}?include=text`;
    return (await this.#json<{ document: StoredDocument }>('GET', path)).document;
  }

  async search(query: string, options: AskOptions): Promise<Hit[]> {
    return (await this.#json<{ hits: Hit[] }>('POST', '/v1/search', { query, ...options })).hits;
  }

  /** The answer's events as they stream in. */
  async *ask(query: string, options: AskOptions): AsyncGenerator<RagEvent> {
    const response = await this.#fetch(
      'POST',
      '/v1/rag',
      { query, ...options, stream: true },
      'application/x-ndjson',
    );
    if (!response.ok) throw await errorFrom(response, this.#options.apiKey !== undefined);
    if (!response.body) throw new CliError('the gateway sent an empty answer');
    for await (const value of readNdjson(response.body)) yield value as RagEvent;
  }

  /** The caller's tenant's most asked questions, most asked first (admin scope). */
  async topQuestions(limit: number): Promise<PopularQuestion[]> {
    const path = `/v1/admin/questions/top?limit=${limit}`;
    return (await this.#json<{ questions: PopularQuestion[] }>('GET', path)).questions;
  }

  /** A whole answer (not streamed), asked as the cache warmer: the gateway does not count it. */
  async warmAnswer(query: string): Promise<AnswerSummary> {
    const answer = await this.#json<AnswerSummary>(
      'POST',
      '/v1/rag',
      { query, stream: false },
      { [WARM_HEADER]: '1' },
    );
    return { cached: answer.cached === true, provider: answer.provider, model: answer.model };
  }

  /** Starts a conversation; returns its id. */
  async createSession(): Promise<string> {
    return (await this.#json<{ session: { id: string } }>('POST', '/v1/sessions', {})).session.id;
  }

  /** One turn's events as they stream in. */
  turn(sessionId: string, message: string, options: AskOptions): AsyncGenerator<TurnEvent> {
    const body = {
      message,
      ...(options.k && { k: options.k }),
      ...(options.filter && { filter: options.filter }),
    };
    return this.#ndjson<TurnEvent>('POST', `/v1/sessions/${encodeURIComponent(sessionId)}/turns`, {
      ...body,
      stream: true,
    });
  }

  /** A turn's events after `after`, then the live rest. */
  resume(sessionId: string, turnId: string, after: number): AsyncGenerator<TurnEvent> {
    const path = `/v1/sessions/${encodeURIComponent(sessionId)}/turns/${encodeURIComponent(turnId)}/events`;
    return this.#ndjson<TurnEvent>('GET', `${path}?after=${after}`, undefined);
  }

  /** Creates a subject; an id the tenant already has (409 CONFLICT) is reused, not an error. */
  async createSubject(input: SubjectInput): Promise<{ subject: Subject; created: boolean }> {
    try {
      const { subject } = await this.#json<{ subject: Subject }>('POST', '/v1/subjects', input);
      return { subject, created: true };
    } catch (error) {
      if (!(error instanceof CliError) || error.code !== 'CONFLICT' || input.id === undefined) throw error;
      return { subject: await this.subject(input.id), created: false };
    }
  }

  async subject(id: string): Promise<Subject> {
    return (await this.#json<{ subject: Subject }>('GET', `/v1/subjects/${encodeURIComponent(id)}`)).subject;
  }

  /** Replaces the subject's latest metric snapshot. */
  async putMetrics(id: string, snapshot: MetricsSnapshot): Promise<Subject> {
    const path = `/v1/subjects/${encodeURIComponent(id)}/metrics`;
    return (await this.#json<{ subject: Subject }>('PUT', path, snapshot)).subject;
  }

  /** The recommendation pipeline's events as each stage finishes. */
  recommendationStream(subjectId: string, query: RecommendQuery): AsyncGenerator<RecommendEvent> {
    return this.#ndjson<RecommendEvent>('GET', recommendationsPath(subjectId, query, true), undefined);
  }

  /** The whole answer at once: rule and model recommendations together, best first. */
  async recommendations(subjectId: string, query: RecommendQuery): Promise<RecommendationAnswer> {
    return this.#json<RecommendationAnswer>('GET', recommendationsPath(subjectId, query, false));
  }

  /** Moves a recommendation along its lifecycle; the gateway refuses a forbidden move (409). */
  async markRecommendation(
    id: string,
    stage: RecommendationStage,
    note?: string,
  ): Promise<RecommendationRecord> {
    const path = `/v1/recommendations/${encodeURIComponent(id)}/${stage}`;
    const body = note === undefined ? {} : { note };
    return (await this.#json<{ record: RecommendationRecord }>('POST', path, body)).record;
  }

  async *#ndjson<E>(method: string, path: string, body: unknown): AsyncGenerator<E> {
    const response = await this.#fetch(method, path, body, 'application/x-ndjson');
    if (!response.ok) throw await errorFrom(response, this.#options.apiKey !== undefined);
    if (!response.body) throw new CliError('the gateway sent an empty answer');
    for await (const value of readNdjson(response.body)) yield value as E;
  }

  async #json<T>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    const response = await this.#fetch(method, path, body, 'application/json', headers);
    if (!response.ok) throw await errorFrom(response, this.#options.apiKey !== undefined);
    return (await response.json()) as T;
  }

  /**
   * A request, sent again after a 429 within the retry budget: the gateway refuses a limited
   * request before doing anything, so sending it again is safe for every method.
   */
  async #fetch(
    method: string,
    path: string,
    body: unknown,
    accept: string,
    extraHeaders: Record<string, string> = {},
  ): Promise<Response> {
    let retries = this.#options.rateLimitRetries ?? 3;
    for (;;) {
      const response = await this.#send(method, path, body, accept, extraHeaders);
      const wait = Number(response.headers.get('retry-after'));
      if (response.status !== 429 || retries-- <= 0 || !(wait >= 0) || wait > MAX_RETRY_AFTER_SECONDS) {
        return response;
      }
      await response.body?.cancel();
      const seconds = Math.max(1, Math.ceil(wait));
      (this.#options.onRateLimited ?? announceWait)(seconds);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  }

  async #send(
    method: string,
    path: string,
    body: unknown,
    accept: string,
    extraHeaders: Record<string, string>,
  ): Promise<Response> {
    const headers: Record<string, string> = { ...extraHeaders, accept };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.#options.tenant) headers['x-tenant-id'] = this.#options.tenant;
    if (this.#options.apiKey) headers.authorization = `Bearer ${this.#options.apiKey}`;
    try {
      return await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      const { cause } = error as { cause?: { code?: string; message?: string } };
      const reason = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new CliError(
        `cannot reach the gateway at ${this.baseUrl} (${reason}); start the fleet with \`pnpm start\` or point --url / RAGFLEET_URL at it`,
      );
    }
  }
}

function recommendationsPath(subjectId: string, query: RecommendQuery, stream: boolean): string {
  const params = new URLSearchParams({ stream: String(stream), include_model: String(query.includeModel) });
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  return `/v1/subjects/${encodeURIComponent(subjectId)}/recommendations?${params}`;
}

function announceWait(seconds: number): void {
  process.stderr.write(`\nragfleet: the gateway's rate limit was reached; retrying in ${seconds} s\n`);
}

async function errorFrom(response: Response, sentKey: boolean): Promise<CliError> {
  const text = await response.text();
  let envelope: ErrorEnvelope = {};
  try {
    envelope = JSON.parse(text) as ErrorEnvelope;
  } catch {
    // Not our envelope (a proxy's error page, say): report the status alone.
  }
  const error = envelope.error;
  if (!error?.code) return new CliError(`the gateway answered ${response.status} ${response.statusText}`);
  if (error.code === 'UNAUTHENTICATED') {
    const hint = sentKey ? 'check the key' : 'pass --api-key or set RAGFLEET_API_KEY';
    return new CliError(`${error.code}: ${error.message ?? ''} (${hint})`, { code: error.code });
  }
  const fields = error.details?.fields?.map((problem) => `${problem.field}: ${problem.message}`) ?? [];
  return new CliError(
    `${error.code}: ${error.message ?? ''}${fields.length > 1 ? ` (${fields.join('; ')})` : ''}`,
    { code: error.code },
  );
}
