import { present, rolloutJson } from '../change-json.ts';
import * as schemas from '../openapi/change-schemas.ts';
import { changeUpstreams, createRolloutRequest, newRolloutBody, rolloutParams } from './change-inputs.ts';
import { jsonBody, named, route, type GatewayRoute } from './route.ts';
import type { RouteKit } from './route-kit.ts';

const ROLLOUTS_PATH = '/v1/admin/rollouts';

/**
 * Progressive rollouts of a candidate (a prompt version, a model and/or retrieval settings), for operators: generate
 * moves it through its stages while the guards hold and rolls it back by itself, with the reason,
 * when they do not. Fleet-wide, hence the admin scope.
 */
export function adminRolloutRoutes(kit: Pick<RouteKit, 'changes'>): GatewayRoute[] {
  const rollouts = () => changeUpstreams(kit).rollouts;
  return [
    route({
      method: 'POST',
      path: ROLLOUTS_PATH,
      operationId: 'createRollout',
      tag: 'admin',
      summary: 'Start rolling a candidate out through traffic stages (default 10 % → 50 % → 100 %).',
      description:
        'It advances only while its error rate stays under `max_error_rate` and its thumbs-up rate over ' +
        '`min_quality` (and, for a retrieval candidate, recall@5 on the labelled set at or over `min_recall`, ' +
        'measured at creation and before each advance and shown as `recall_at_5`); otherwise it rolls back ' +
        'by itself with the reason. An unknown prompt version or model is a 400; a family that already ' +
        'runs a rollout or an experiment, or a retrieval candidate while generate has no labelled set ' +
        '(ROLLOUT_LABELLED_SET), is a 409 FAILED_PRECONDITION.',
      access: 'admin',
      limits: 'request',
      body: jsonBody('NewRollout', newRolloutBody),
      responses: {
        201: { description: 'Started.', json: named('RolloutResponse', schemas.rolloutResponse) },
      },
      errors: [409, 502],
      async handle({ body, response, signal }) {
        const { rollout } = await rollouts().createRollout(createRolloutRequest(body), { signal });
        const created = rolloutJson(present(rollout, 'CreateRollout'));
        response
          .status(201)
          .location(`${ROLLOUTS_PATH}/${encodeURIComponent(created.id)}`)
          .json({ rollout: created });
      },
    }),
    route({
      method: 'GET',
      path: ROLLOUTS_PATH,
      operationId: 'listRollouts',
      tag: 'admin',
      summary: 'Every rollout, running and ended, with its stage and guards.',
      access: 'admin',
      limits: 'request',
      responses: { 200: { description: 'The rollouts.', json: named('RolloutList', schemas.rolloutList) } },
      errors: [502],
      async handle({ response, signal }) {
        const listed = await rollouts().listRollouts({ signal });
        response.json({ rollouts: listed.rollouts.map(rolloutJson) });
      },
    }),
    route<{ id: string }>({
      method: 'GET',
      path: `${ROLLOUTS_PATH}/:id`,
      operationId: 'getRollout',
      tag: 'admin',
      summary: "One rollout: its stage, the candidate's results in it, and why it rolled back if it did.",
      access: 'admin',
      limits: 'request',
      params: rolloutParams,
      responses: {
        200: { description: 'The rollout.', json: named('RolloutResponse', schemas.rolloutResponse) },
      },
      errors: [404, 502],
      async handle({ params, response, signal }) {
        const { rollout } = await rollouts().getRollout(params.id, { signal });
        response.json({ rollout: rolloutJson(present(rollout, 'GetRollout')) });
      },
    }),
    route<{ id: string }>({
      method: 'POST',
      path: `${ROLLOUTS_PATH}/:id/abort`,
      operationId: 'abortRollout',
      tag: 'admin',
      summary: 'Roll back at once (reason `aborted`): all traffic returns to the default.',
      description: 'Aborting an ended rollout changes nothing and answers it as it is.',
      access: 'admin',
      limits: 'request',
      params: rolloutParams,
      responses: {
        200: {
          description: 'The rollout, rolled back.',
          json: named('RolloutResponse', schemas.rolloutResponse),
        },
      },
      errors: [404, 409, 502],
      async handle({ params, response, signal }) {
        const { rollout } = await rollouts().abortRollout(params.id, { signal });
        response.json({ rollout: rolloutJson(present(rollout, 'AbortRollout')) });
      },
    }),
  ];
}
