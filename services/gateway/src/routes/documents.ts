import express, { type Router } from 'express';
import { z } from 'zod';
import { RagfleetError } from '@ragfleet/errors';
import { abortOnDisconnect } from '../http/disconnect.ts';
import { allowOnly } from '../http/method-not-allowed.ts';
import { parseInput } from '../http/validation.ts';
import { documentJson, isJobFinished, jobJson } from '../public-json.ts';
import { waitForJob } from '../wait-for-job.ts';
import type { RouteKit } from './route-kit.ts';
import { chunking, idParams, nonBlankText, resourceId, stringMap } from './schemas.ts';

const MAX_DOCUMENTS_PER_REQUEST = 10_000;
const DEFAULT_WAIT_MS = 30_000;

export const documentSchema = z.strictObject({
  id: resourceId,
  text: nonBlankText(50_000_000),
  title: z.string().max(1_000).optional(),
  metadata: stringMap.optional(),
});

/** Options of the whole ingest request, beside the documents. */
const ingestOptions = { chunking: chunking.optional() };

export const batchSchema = z.strictObject({
  documents: z.array(documentSchema).min(1).max(MAX_DOCUMENTS_PER_REQUEST),
  ...ingestOptions,
});

/** One document on its own, with the request's options beside its fields. */
export const singleDocumentSchema = z.strictObject({ ...documentSchema.shape, ...ingestOptions });

type IngestDocument = z.output<typeof documentSchema>;
interface IngestRequest {
  documents: IngestDocument[];
  chunking?: z.output<typeof chunking> | undefined;
}

/** A batch `{ documents: [...] }` or, for convenience, a single document object. */
function parseIngestBody(body: unknown): IngestRequest {
  const isBatch = typeof body === 'object' && body !== null && !Array.isArray(body) && 'documents' in body;
  let request: IngestRequest;
  if (isBatch) request = parseInput(batchSchema, body, 'body');
  else {
    const { chunking: strategy, ...document } = parseInput(singleDocumentSchema, body, 'body');
    request = { documents: [document], chunking: strategy };
  }
  const { documents } = request;
  const seen = new Set<string>();
  documents.forEach((document, index) => {
    if (seen.has(document.id)) {
      throw new RagfleetError(
        'INVALID_ARGUMENT',
        `Document id "${document.id}" appears twice in one request.`,
        {
          details: { fields: [{ field: `body.documents.${index}.id`, message: 'duplicate id' }] },
        },
      );
    }
    seen.add(document.id);
  });
  return request;
}

export function waitQuery(maxWaitMs: number) {
  return z.object({
    wait: z
      .enum(['true', 'false', '1', '0'])
      .optional()
      .transform((value) => value === 'true' || value === '1'),
    timeout_ms: z.coerce.number().int().min(0).max(maxWaitMs).optional(),
  });
}

export function documentRoutes(kit: RouteKit): Router {
  const router = express.Router();
  const query = waitQuery(kit.maxWaitMs);

  router
    .route('/v1/documents')
    .post(...kit.jsonInput, async (request, response) => {
      const options = parseInput(query, request.query, 'query');
      const ingest = parseIngestBody(request.body);
      const { job } = await kit.retrieve.ingestDocuments({
        documents: ingest.documents.map((document) => ({
          id: document.id,
          text: document.text,
          title: document.title ?? '',
          metadata: document.metadata ?? {},
        })),
        // Empty lets retrieve apply its configured default strategy.
        chunking: ingest.chunking ?? '',
      });
      if (!job)
        throw new RagfleetError('INTERNAL', 'Internal error', {
          internal: 'IngestDocuments returned no job',
        });
      response.location(`/v1/jobs/${encodeURIComponent(job.id)}`);
      if (!options.wait) {
        response.status(202).json({ job: jobJson(job) });
        return;
      }
      const latest = await waitForJob(kit.retrieve, job, {
        timeoutMs: options.timeout_ms ?? Math.min(DEFAULT_WAIT_MS, kit.maxWaitMs),
        signal: abortOnDisconnect(response),
        intervalMs: kit.jobPollIntervalMs,
      });
      response.status(isJobFinished(latest) ? 200 : 202).json({ job: jobJson(latest) });
    })
    .all(allowOnly('POST'));

  router
    .route('/v1/documents/:id')
    .get(...kit.scoped, async (request, response) => {
      const { id } = parseInput(idParams, request.params, 'path');
      const { document } = await kit.retrieve.getDocument(id);
      if (!document) throw new RagfleetError('NOT_FOUND', `Document "${id}" does not exist.`);
      response.json({ document: documentJson(document) });
    })
    .delete(...kit.scoped, async (request, response) => {
      const { id } = parseInput(idParams, request.params, 'path');
      const result = await kit.retrieve.deleteDocument(id);
      if (!result.deleted) throw new RagfleetError('NOT_FOUND', `Document "${id}" does not exist.`);
      response.json({ deleted: true, id, chunks_removed: result.chunksRemoved });
    })
    .all(allowOnly('GET', 'DELETE'));

  return router;
}
