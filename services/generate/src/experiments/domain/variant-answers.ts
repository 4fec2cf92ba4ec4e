import { randomUUID } from 'node:crypto';
import type { AnswerEvent, AnswerRequest } from '../../domain/answer-events.ts';
import type { ActiveChanges } from './active-changes.ts';
import type { Caller } from './assignment.ts';

export type PipelineAnswer = (request: AnswerRequest, signal: AbortSignal) => AsyncIterable<AnswerEvent>;

/** The family of the answer path's prompt (prompts/rag-answer) in experiments and ListPrompts. */
export const ANSWER_FAMILY = 'answer';

interface Logger {
  warn(fields: object, message: string): void;
}

/**
 * The variant hook of the answer path: a request that names no prompt version gets its running
 * experiment's or rollout's variant (sticky per user), or the family's promoted default; its done
 * event names the answer id and the variant, and its outcome is recorded when it ends. A request
 * that names a version is the caller's choice and takes part in nothing.
 */
export function variantAnswers(answer: PipelineAnswer, changes: ActiveChanges, logger: Logger) {
  return async function* (
    request: AnswerRequest,
    caller: Caller,
    signal: AbortSignal,
  ): AsyncGenerator<AnswerEvent> {
    if (request.promptVersion) {
      yield* answer(request, signal);
      return;
    }
    const choice = changes.choose(ANSWER_FAMILY, caller);
    const promoted = changes.defaultOf(ANSWER_FAMILY);
    const promptVersion = choice?.promptVersion ?? promoted?.promptVersion ?? '';
    const model = choice?.model ?? promoted?.model;
    // A retrieval candidate's share searches with its settings (and a promoted one's, after).
    const retrieval = choice?.retrieval ?? promoted?.retrieval;
    const varied: AnswerRequest = {
      ...request,
      promptVersion,
      ...(model ? { model } : {}),
      ...(retrieval ? { retrieval } : {}),
    };
    const answerId = randomUUID();
    let outcome: { error: boolean; costUsd: number; latencyMs: number } | undefined;
    for await (const event of answer(varied, signal)) {
      if (event.type === 'error') outcome = { error: true, costUsd: 0, latencyMs: 0 };
      if (event.type === 'done') {
        outcome = { error: false, costUsd: event.costUsd, latencyMs: event.timeToFirstTokenMs };
        yield {
          ...event,
          answerId,
          ...(choice ? { experimentId: choice.assignment.ownerId, variant: choice.assignment.variant } : {}),
        };
        continue;
      }
      yield event;
    }
    // A cancelled answer says nothing about its variant: only finished ones are counted.
    if (choice && outcome) {
      changes.record(answerId, choice.assignment, outcome).catch((error: unknown) => {
        logger.warn({ err: String(error), answerId }, 'could not record the answer for its experiment');
      });
    }
  };
}
