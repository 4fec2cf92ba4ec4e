import { z } from 'zod';
import { fieldDetails, isRagfleetError, RagfleetError } from '@ragfleet/errors';
import { INGEST_LIMITS } from '@ragfleet/grpc';
import { parseInput } from '../http/validation.ts';
import * as responses from '../openapi/response-schemas.ts';
import { documentJson, isJobFinished, jobJson } from '../public-json.ts';
import { waitForJob } from '../wait-for-job.ts';
import { named, route, type GatewayRoute, type RouteBody } from './route.ts';
import type { RouteKit } from './route-kit.ts';
import { chunking, idParams, nonBlankText, resourceId } from './schemas.ts';

const DEFAULT_WAIT_MS = 30_000;
const limits = INGEST_LIMITS;

/** A document as retrieve takes it: every limit here is retrieve's own (INGEST_LIMITS). */
export const documentSchema = z.strictObject({
  id: resourceId.max(limits.idLength),
  text: nonBlankText(limits.documentChars).meta({
    description:
      `At most ${limits.documentChars.toLocaleString('en')} characters; a request's documents ` +
      `together at most ${limits.jobTextBytes / 1024 / 1024} MB of text (and GATEWAY_BODY_LIMIT bytes of JSON).`,
  }),
  title: z.string().max(limits.titleLength).optional(),
  metadata: z
    .record(z.string().min(1).max(limits.metadataKeyLength), z.string().max(limits.metadataValueLength))
    .refine((map) => Object.keys(map).length <= limits.metadataEntries, {
      message: `at most ${limits.metadataEntries} entries`,
    })
    .optional()
    .meta({ description: `Flat string-to-string metadata, at most ${limits.metadataEntries} entries.` }),
});

/** Options of the whole ingest request, beside the documents. */
const ingestOptions = { chunking: chunking.optional() };

export const batchSchema = z.strictObject({
  documents: z.array(documentSchema).min(1).max(limits.documentsPerJob),
  ...ingestOptions,
});

/** One document on its own, with the request's options beside its fields. */
export const singleDocumentSchema = z.strictObject({ ...documentSchema.shape, ...ingestOptions });

type IngestDocument = z.output<typeof documentSchema>;
interface IngestRequest {
  documents: IngestDocument[];
  chunking?: z.output<typeof chunking> | undefined;
}

/**
 * A batch `{ documents: [...] }` or, for convenience, a single document object. Chosen by shape
 * rather than by a zod union, whose error would not say which field of which document is wrong.
 */
function parseIngestBody(body: unknown): IngestRequest {
  const isBatch = typeof body === 'object' && body !== null && !Array.isArray(body) && 'documents' in body;
  let request: IngestRequest;
  if (isBatch) request = parseInput(batchSchema, body, 'body');
  else {
    const { chunking: strategy, ...document } = parseInput(singleDocumentSchema, body, 'body');
    request = { documents: [document], chunking: strategy };
  }
  const seen = new Set<string>();
  request.documents.forEach((document, index) => {
    if (seen.has(document.id)) {
      throw new RagfleetError(
        'INVALID_ARGUMENT',
        `Document id "${document.id}" appears twice in one request.`,
        {
          details: fieldDetails([{ field: `body.documents.${index}.id`, message: 'duplicate id' }]),
        },
      );
    }
    seen.add(document.id);
  });
  return request;
}

const ingestBody: RouteBody<IngestRequest> = {
  schemas: [named('IngestBatch', batchSchema), named('IngestDocument', singleDocumentSchema)],
  required: true,
  parse: parseIngestBody,
};

export function waitQuery(maxWaitMs: number) {
  return z.object({
    wait: z
      .enum(['true', 'false', '1', '0'])
      .optional()
      .transform((value) => value === 'true' || value === '1')
      .meta({ description: 'Wait for the job to finish (bounded by `timeout_ms`).' }),
    timeout_ms: z.coerce
      .number()
      .int()
      .min(0)
      .max(maxWaitMs)
      .optional()
      .meta({ description: 'How long to wait with `wait=true`.' }),
  });
}

/** `GET /v1/documents/:id` leaves the text out unless asked: a document can be 50 MB. */
export const documentQuery = z.object({
  include: z
    .enum(['text'])
    .optional()
    .meta({ description: '`text`: answer with the document’s text as well (`document.text`).' }),
});

/**
 * The one "not found" of a document or a job, whether the gateway sees it (a delete that removed
 * nothing) or retrieve says so (a read): the same message and details either way.
 */
export function missing(kind: 'Document' | 'Job', id: string): RagfleetError {
  return new RagfleetError('NOT_FOUND', `${kind} "${id}" does not exist.`, {
    details: fieldDetails([{ field: 'path.id', message: 'does not exist' }]),
  });
}

async function orMissing<T>(call: Promise<T>, kind: 'Document' | 'Job', id: string): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw isRagfleetError(error) && error.code === 'NOT_FOUND' ? missing(kind, id) : error;
  }
}

const jobResponse = named('JobResponse', responses.jobResponse);
const location = (what: string) => ({ Location: { description: what, schema: { type: 'string' } } });

export function documentRoutes(kit: RouteKit): GatewayRoute[] {
  return [
    route({
      method: 'POST',
      path: '/v1/documents',
      operationId: 'ingestDocuments',
      tag: 'documents',
      summary: 'Ingest one document or a batch; answers with the ingest job.',
      access: 'documents:write',
      limits: 'request',
      query: waitQuery(kit.maxWaitMs),
      body: ingestBody,
      responses: {
        200: { description: 'The job finished while waiting (`wait=true`).', json: jobResponse },
        202: {
          description: 'The job is accepted (and, with `wait=true`, still running).',
          json: jobResponse,
          headers: location('The job resource.'),
        },
      },
      async handle({ query, body, response, signal }) {
        const { job } = await kit.retrieve.ingestDocuments({
          documents: body.documents.map((document) => ({
            id: document.id,
            text: document.text,
            title: document.title ?? '',
            metadata: document.metadata ?? {},
          })),
          // Empty lets retrieve apply its configured default strategy.
          chunking: body.chunking ?? '',
        });
        if (!job) {
          throw new RagfleetError('INTERNAL', 'Internal error', {
            internal: 'IngestDocuments returned no job',
          });
        }
        response.location(`/v1/jobs/${encodeURIComponent(job.id)}`);
        if (!query.wait) {
          response.status(202).json({ job: jobJson(job) });
          return;
        }
        const latest = await waitForJob(kit.retrieve, job, {
          timeoutMs: query.timeout_ms ?? Math.min(DEFAULT_WAIT_MS, kit.maxWaitMs),
          signal,
          intervalMs: kit.jobPollIntervalMs,
        });
        response.status(isJobFinished(latest) ? 200 : 202).json({ job: jobJson(latest) });
      },
    }),
    route({
      method: 'GET',
      path: '/v1/documents/:id',
      operationId: 'getDocument',
      tag: 'documents',
      summary: 'One document of the caller’s tenant; with `include=text`, its text too.',
      description:
        'Retrieve keeps no copy of a document beside its chunks, so `include=text` rebuilds the text from them at ' +
        'their offsets: every word where it was; whitespace a chunker trimmed at a chunk’s edge comes back as one ' +
        'space or line break.',
      access: 'documents:read',
      limits: 'request',
      params: idParams,
      query: documentQuery,
      responses: {
        200: { description: 'The document.', json: named('DocumentResponse', responses.documentResponse) },
      },
      errors: [404],
      async handle({ params, query, response, signal }) {
        const includeText = query.include === 'text';
        const { document, text } = await orMissing(
          kit.retrieve.getDocument(params.id, { signal }, { includeText }),
          'Document',
          params.id,
        );
        if (!document) throw missing('Document', params.id);
        response.json({ document: { ...documentJson(document), ...(includeText ? { text } : {}) } });
      },
    }),
    route({
      method: 'DELETE',
      path: '/v1/documents/:id',
      operationId: 'deleteDocument',
      tag: 'documents',
      summary: 'Delete a document and its chunks.',
      access: 'documents:write',
      limits: 'request',
      params: idParams,
      responses: {
        200: { description: 'Deleted.', json: named('DeletedDocument', responses.deletedDocument) },
      },
      errors: [404],
      async handle({ params, response }) {
        const result = await orMissing(kit.retrieve.deleteDocument(params.id), 'Document', params.id);
        if (!result.deleted) throw missing('Document', params.id);
        response.json({ deleted: true, id: params.id, chunks_removed: result.chunksRemoved });
      },
    }),
    route({
      method: 'GET',
      path: '/v1/jobs/:id',
      operationId: 'getJob',
      tag: 'documents',
      summary: 'An ingest job’s progress.',
      access: 'jobs:read',
      limits: 'request',
      params: idParams,
      responses: { 200: { description: 'The job.', json: jobResponse } },
      errors: [404],
      async handle({ params, response }) {
        const { job } = await orMissing(kit.retrieve.getJob(params.id), 'Job', params.id);
        if (!job) throw missing('Job', params.id);
        response.json({ job: jobJson(job) });
      },
    }),
  ];
}
