import { runAutocannonAtRate } from '../drivers/autocannon-rate.ts';
import { requestHeaders } from '../target.ts';
import { ingestBody, routePath } from '../request-bodies.ts';
import { firstProblemKeeper, type LocalScenario } from './context.ts';

/** POST /v1/documents through autocannon: ingest_accept_duration, ingest_accepted (202, or 200 if done). */
export const runIngest: LocalScenario = async ({ target, scenario, load, inputs, metrics }) => {
  const problems = firstProblemKeeper();
  const runId = Date.now().toString(36);
  const outcome = await runAutocannonAtRate(load, metrics, {
    url: `${target.url}${routePath(scenario)}`,
    method: 'POST',
    headers: requestHeaders(target),
    body: (index) => JSON.stringify(ingestBody(scenario, inputs, index, runId)),
    onResponse: (status, ms) => {
      const accepted = status === 202 || status === 200;
      metrics.trend('ingest_accept_duration', ms);
      metrics.rate('ingest_accepted', accepted);
      if (!accepted) problems.note(`HTTP ${status}`);
    },
    onError: (error) => {
      metrics.rate('ingest_accepted', false);
      problems.note(error.message);
    },
  });
  return { ...outcome, ...(problems.first !== undefined && { firstProblem: problems.first }) };
};
