import { answered, timeNdjsonAnswer } from '../drivers/answer-stream.ts';
import { runOpenLoop } from '../drivers/open-loop.ts';
import { requestHeaders } from '../target.ts';
import { questionBody, routePath } from '../request-bodies.ts';
import { firstProblemKeeper, type LocalScenario } from './context.ts';

/** POST /v1/rag as NDJSON, open loop: rag_first_byte, rag_first_token, rag_duration, rag_failed. */
export const runRagStream: LocalScenario = async ({ target, scenario, load, inputs, metrics }) => {
  const problems = firstProblemKeeper();
  const url = `${target.url}${routePath(scenario)}`;
  const headers = requestHeaders(target, 'application/x-ndjson');
  const outcome = await runOpenLoop(load, metrics, async (index, signal) => {
    try {
      const body = JSON.stringify(questionBody(scenario, inputs, index));
      const timing = await timeNdjsonAnswer(url, headers, body, signal);
      const ok = answered(timing);
      metrics.rate('rag_failed', !ok);
      if (!ok) return problems.note(timing.problem ?? `stream ended ${timing.ended} without a token`);
      metrics.trend('rag_first_byte', timing.firstByteMs);
      metrics.trend('rag_first_token', timing.firstTokenMs);
      metrics.trend('rag_duration', timing.durationMs);
    } catch (error) {
      metrics.rate('rag_failed', true);
      problems.note(error instanceof Error ? error.message : String(error));
    }
  });
  return { ...outcome, ...(problems.first !== undefined && { firstProblem: problems.first }) };
};
