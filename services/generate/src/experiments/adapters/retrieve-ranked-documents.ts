import { randomUUID } from 'node:crypto';
import type { RetrieveClient } from '@ragfleet/grpc';
import { runWithRequestContext } from '@ragfleet/telemetry';
import type { RetrievalSettings } from '../domain/records.ts';
import { RECALL_DEPTH, type RankedDocuments } from '../domain/recall.ts';

/**
 * The recall probe's search: retrieve's Search with the candidate's settings, on behalf of the
 * labelled set's tenant (the call is signed as generate for that tenant, as an answer's search
 * is for its caller). It asks for the candidate's k passages, and at least 5: recall@5 looks at
 * the top 5 distinct documents of what the candidate would rank.
 */
export function retrieveRankedDocuments(
  client: RetrieveClient,
  tenant: string,
  defaultK: number,
  timeoutMs: number,
): RankedDocuments {
  return (query, settings: RetrievalSettings) =>
    runWithRequestContext({ requestId: `recall-${randomUUID()}`, tenant }, async () => {
      const response = await client.search(
        {
          query,
          k: Math.max(settings.k ?? defaultK, RECALL_DEPTH),
          mode: settings.mode ?? '',
          fusion: settings.fusion ?? '',
          rerank: settings.rerank ?? '',
        },
        { deadlineMs: timeoutMs },
      );
      return response.hits.map((hit) => hit.documentId);
    });
}
