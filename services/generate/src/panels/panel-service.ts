import type { CallContext } from '@ragfleet/grpc';
import type { GenerateV1 } from '@ragfleet/protos';
import type { AnswerRequest } from '../domain/answer-events.ts';
import { toAnswerResponse } from '../grpc/answer-handlers.ts';
import type { PanelEvent, SpecialistOutcome } from './panel-events.ts';
import type { PanelRunner } from './panel-runner.ts';
import { parsePanel } from './panel-specialists.ts';

/** Where a specialist's generation is published (the CompletionPublisher), for the ledger. */
export interface PanelCompletions {
  record(
    task: 'panel',
    caller: CallContext,
    generation: NonNullable<SpecialistOutcome['usage']> & { costUsd: number },
    latencyMs: number,
  ): void;
}

/** A panel request as the Answer handler hands it over: the answer's request and the names asked for. */
export type PanelService = (
  request: AnswerRequest,
  panel: readonly string[],
  context: CallContext,
) => AsyncIterable<GenerateV1.AnswerResponse>;

function toSpecialistResult(outcome: SpecialistOutcome): GenerateV1.SpecialistResult {
  return {
    specialist: outcome.specialist,
    ok: outcome.ok,
    text: outcome.text,
    ...(outcome.score === undefined ? {} : { score: outcome.score }),
    errorCode: outcome.errorCode,
    errorMessage: outcome.errorMessage,
    latencyMs: outcome.latencyMs,
    model: outcome.model,
  };
}

export function toPanelResponse(event: PanelEvent): GenerateV1.AnswerResponse {
  switch (event.type) {
    case 'token':
      return { token: { text: event.text, specialist: event.specialist } };
    case 'specialist_done':
      return { specialistDone: toSpecialistResult(event.outcome) };
    case 'panel_result':
      return {
        panelResult: {
          specialists: event.outcomes.map(toSpecialistResult),
          elapsedMs: event.elapsedMs,
          slowestMs: event.slowestMs,
          sumMs: event.sumMs,
        },
      };
    default:
      return toAnswerResponse(event);
  }
}

/**
 * The panel use case behind Answer: the names checked (INVALID_ARGUMENT before any event), then
 * the runner's events as responses. Tokens are not coalesced: each specialist's stream keeps its
 * own order and name, and merging across specialists would lose both.
 */
export function panelService(runner: PanelRunner, completions?: PanelCompletions): PanelService {
  return async function* (request, panel, context) {
    const specialists = parsePanel(panel);
    for await (const event of runner.run(request, specialists, context.signal)) {
      // Each specialist that a model wrote for was paid for: the ledger hears of it as it ends.
      if (event.type === 'specialist_done' && event.outcome.usage) {
        const { usage, costUsd, latencyMs } = event.outcome;
        completions?.record('panel', context, { ...usage, costUsd }, latencyMs);
      }
      yield toPanelResponse(event);
    }
  };
}
