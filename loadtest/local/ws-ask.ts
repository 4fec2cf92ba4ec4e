import { answered, timeWebSocketAnswer } from '../drivers/answer-stream.ts';
import { runOpenLoop } from '../drivers/open-loop.ts';
import { questionBody, routePath } from '../request-bodies.ts';
import { firstProblemKeeper, type LocalScenario } from './context.ts';

/** The gateway's subprotocol, and the credential as a bearer subprotocol (how browsers send it). */
const SUBPROTOCOL = 'ragfleet.v1';

/** GET /v1/ws, one ask per socket, open loop: ws_connect, ws_first_token, ws_answer_duration, ws_failed. */
export const runWsAsk: LocalScenario = async ({ target, scenario, load, inputs, metrics }) => {
  const problems = firstProblemKeeper();
  const url = `${target.url.replace(/^http/, 'ws')}${routePath(scenario)}`;
  const protocols = [SUBPROTOCOL, ...(target.apiKey !== undefined ? [`bearer.${target.apiKey}`] : [])];
  const outcome = await runOpenLoop(load, metrics, async (index, signal) => {
    const timing = await timeWebSocketAnswer(url, protocols, questionBody(scenario, inputs, index), signal);
    const ok = answered(timing);
    metrics.rate('ws_failed', !ok);
    if (!ok) return problems.note(timing.problem ?? `ask ended ${timing.ended} without a token`);
    metrics.trend('ws_connect', timing.firstByteMs);
    metrics.trend('ws_first_token', timing.firstTokenMs);
    metrics.trend('ws_answer_duration', timing.durationMs);
  });
  return { ...outcome, ...(problems.first !== undefined && { firstProblem: problems.first }) };
};
