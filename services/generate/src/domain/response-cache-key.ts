import { createHash } from 'node:crypto';
import type { ChatMessage, ModelChoice, Passage } from './ports.ts';

export interface ResponseCacheKeyParts {
  tenant: string;
  question: string;
  choice: ModelChoice;
  promptVersion: string;
  /** The retrieved passages, in the order the prompt numbers them. */
  passages: readonly Passage[];
  /** A conversation turn's context: a turn is cached only with exactly the same context. */
  history?: readonly ChatMessage[];
  summary?: string;
  searchQuery?: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Trimmed, whitespace collapsed, lower-cased: "What is  HNSW?" and "what is hnsw?" are one question. */
export function normalizeQuestion(question: string): string {
  return question.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * A passage's version is a hash of its text (and title, which the prompt shows too): a chunk
 * re-ingested with new text gets a new version, so an answer written from the old text is
 * never served for it.
 */
export function passageVersion(passage: Pick<Passage, 'title' | 'text'>): string {
  return sha256(`${passage.title}\n${passage.text}`).slice(0, 32);
}

/**
 * The exact-match key of an answer: tenant, normalized question, model, prompt version, the ids
 * and versions of the retrieved chunks in order, and a hash of the conversation context when
 * there is one. Everything else the answer depends on (k, filters, the search query) acts
 * through which chunks were retrieved. A hash, so the key carries no question or passage text.
 */
export function responseCacheKey(parts: ResponseCacheKeyParts): string {
  const conversation =
    (parts.history?.length ?? 0) > 0 || parts.summary || parts.searchQuery
      ? sha256(
          JSON.stringify({
            history: parts.history ?? [],
            summary: parts.summary ?? '',
            searchQuery: parts.searchQuery ?? '',
          }),
        )
      : '';
  return sha256(
    JSON.stringify([
      parts.tenant,
      normalizeQuestion(parts.question),
      parts.choice.provider,
      parts.choice.model,
      parts.promptVersion,
      parts.passages.map((passage) => [passage.documentId, passage.chunkId, passageVersion(passage)]),
      conversation,
    ]),
  );
}
