import { experimentJson, present, shadowReportJson } from '../change-json.ts';
import * as schemas from '../openapi/change-schemas.ts';
import {
  changeUpstreams,
  createExperimentRequest,
  experimentParams,
  newExperimentBody,
} from './change-inputs.ts';
import { jsonBody, named, route, type GatewayRoute } from './route.ts';
import type { RouteKit } from './route-kit.ts';

const EXPERIMENTS_PATH = '/v1/admin/experiments';

/**
 * A/B experiments of answer variants and the shadow report, for operators. Experiments are the
 * fleet's (every tenant's traffic is assigned), hence the admin scope; generate runs them,
 * decides them and promotes the winner, the gateway only validates and shows.
 */
export function adminExperimentRoutes(kit: Pick<RouteKit, 'changes'>): GatewayRoute[] {
  const experiments = () => changeUpstreams(kit).experiments;
  return [
    route({
      method: 'POST',
      path: EXPERIMENTS_PATH,
      operationId: 'createExperiment',
      tag: 'admin',
      summary: 'Start an A/B experiment: variants (a prompt version and/or a model) with weights, a metric.',
      description:
        'Users are assigned sticky (a hash of experiment and user). It completes itself when the decision is ' +
        'significant and promotes the winner as the default. An unknown prompt version or model is a 400; ' +
        'a family that already runs an experiment or a rollout is a 409 FAILED_PRECONDITION.',
      access: 'admin',
      limits: 'request',
      body: jsonBody('NewExperiment', newExperimentBody),
      responses: {
        201: { description: 'Started.', json: named('ExperimentResponse', schemas.experimentResponse) },
      },
      errors: [409, 502],
      async handle({ body, response, signal }) {
        const { experiment } = await experiments().createExperiment(createExperimentRequest(body), {
          signal,
        });
        const created = experimentJson(present(experiment, 'CreateExperiment'));
        response
          .status(201)
          .location(`${EXPERIMENTS_PATH}/${encodeURIComponent(created.id)}`)
          .json({ experiment: created });
      },
    }),
    route({
      method: 'GET',
      path: EXPERIMENTS_PATH,
      operationId: 'listExperiments',
      tag: 'admin',
      summary: 'Every experiment, running and ended, with its per-variant results.',
      access: 'admin',
      limits: 'request',
      responses: {
        200: { description: 'The experiments.', json: named('ExperimentList', schemas.experimentList) },
      },
      errors: [502],
      async handle({ response, signal }) {
        const listed = await experiments().listExperiments({ signal });
        response.json({ experiments: listed.experiments.map(experimentJson) });
      },
    }),
    route<{ id: string }>({
      method: 'GET',
      path: `${EXPERIMENTS_PATH}/:id`,
      operationId: 'getExperiment',
      tag: 'admin',
      summary:
        'One experiment: per variant its counts, the metric and its confidence interval; the decision.',
      access: 'admin',
      limits: 'request',
      params: experimentParams,
      responses: {
        200: {
          description: 'The experiment.',
          json: named('ExperimentResponse', schemas.experimentResponse),
        },
      },
      errors: [404, 502],
      async handle({ params, response, signal }) {
        const { experiment } = await experiments().getExperiment(params.id, { signal });
        response.json({ experiment: experimentJson(present(experiment, 'GetExperiment')) });
      },
    }),
    route<{ id: string }>({
      method: 'POST',
      path: `${EXPERIMENTS_PATH}/:id/stop`,
      operationId: 'stopExperiment',
      tag: 'admin',
      summary: 'Stop an experiment without a winner: every user is back on the default at once.',
      description: 'Stopping an ended experiment changes nothing and answers it as it is.',
      access: 'admin',
      limits: 'request',
      params: experimentParams,
      responses: {
        200: {
          description: 'The experiment, stopped.',
          json: named('ExperimentResponse', schemas.experimentResponse),
        },
      },
      errors: [404, 409, 502],
      async handle({ params, response, signal }) {
        const { experiment } = await experiments().stopExperiment(params.id, { signal });
        response.json({ experiment: experimentJson(present(experiment, 'StopExperiment')) });
      },
    }),
    route({
      method: 'GET',
      path: '/v1/admin/shadow',
      operationId: 'getShadowReport',
      tag: 'admin',
      summary: "The shadow runs: the candidate's answers compared with the primary's, and the shadow budget.",
      access: 'admin',
      limits: 'request',
      responses: {
        200: { description: 'The shadow report.', json: named('ShadowReport', schemas.shadowReport) },
      },
      errors: [502],
      async handle({ response, signal }) {
        response.json(shadowReportJson(await experiments().getShadowReport({ signal })));
      },
    }),
  ];
}
