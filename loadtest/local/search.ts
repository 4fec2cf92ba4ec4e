import { runAutocannonAtRate } from '../drivers/autocannon-rate.ts';
import { requestHeaders } from '../target.ts';
import { questionBody, routePath } from '../request-bodies.ts';
import { firstProblemKeeper, type LocalScenario } from './context.ts';

/** POST /v1/search through autocannon: search_duration, search_failed. */
export const runSearch: LocalScenario = async ({ target, scenario, load, inputs, metrics }) => {
  const problems = firstProblemKeeper();
  const outcome = await runAutocannonAtRate(load, metrics, {
    url: `${target.url}${routePath(scenario)}`,
    method: 'POST',
    headers: requestHeaders(target),
    body: (index) => JSON.stringify(questionBody(scenario, inputs, index)),
    onResponse: (status, ms) => {
      metrics.trend('search_duration', ms);
      metrics.rate('search_failed', status !== 200);
      if (status !== 200) problems.note(`HTTP ${status}`);
    },
    onError: (error) => {
      metrics.rate('search_failed', true);
      problems.note(error.message);
    },
  });
  return { ...outcome, ...(problems.first !== undefined && { firstProblem: problems.first }) };
};
