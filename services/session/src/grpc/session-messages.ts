import type { SessionV1 } from '@ragfleet/protos';
import type { MessageRecord, SessionRecord } from '../domain/records.ts';

/* Store records to their proto messages: times as RFC 3339, roles and statuses as enum names. */

const rfc3339 = (epochMs: number) => new Date(epochMs).toISOString();

export function toSession(record: SessionRecord): SessionV1.Session {
  return {
    id: record.id,
    title: record.metadata.title ?? '',
    topic: record.metadata.topic ?? '',
    labels: record.metadata.labels,
    createdAt: rfc3339(record.createdAt),
    lastActivityAt: rfc3339(record.lastActivityAt),
    messageCount: record.messageCount,
    summary: record.summary,
    summarizedMessageCount: record.summarizedMessageCount,
  };
}

function turnStatus(message: MessageRecord): SessionV1.TurnStatus {
  if (message.status === 'failed') return 'TURN_STATUS_FAILED';
  if (message.status === 'ok') return 'TURN_STATUS_DONE';
  if (message.status === 'running') return 'TURN_STATUS_RUNNING';
  return 'TURN_STATUS_UNSPECIFIED';
}

export function toMessage(message: MessageRecord): SessionV1.Message {
  return {
    // Seqs never change, even when older messages are summarized away: a stable id.
    id: String(message.seq),
    role: message.role === 'user' ? 'ROLE_USER' : 'ROLE_ASSISTANT',
    text: message.content,
    citations: (message.citations ?? []).map((citation) => ({
      documentId: citation.documentId,
      chunkId: citation.chunkId ?? '',
      title: citation.title ?? '',
    })),
    promptVersion: message.promptVersion ?? '',
    model: message.model ?? '',
    provider: message.provider ?? '',
    errorCode: message.errorCode ?? '',
    turnId: message.turnId ?? '',
    status: turnStatus(message),
    createdAt: rfc3339(message.createdAt),
  };
}
