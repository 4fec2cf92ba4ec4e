import { promptFamilyJson } from '../change-json.ts';
import * as schemas from '../openapi/change-schemas.ts';
import { changeUpstreams } from './change-inputs.ts';
import { named, route, type GatewayRoute } from './route.ts';
import type { RouteKit } from './route-kit.ts';

/**
 * Generate's prompt templates, for operators: every family with its versions (validated when
 * generate started) and the default in force, which an experiment or rollout may have promoted.
 * Templates are the fleet's, not a tenant's, hence the admin scope.
 */
export function adminPromptRoutes(kit: Pick<RouteKit, 'changes'>): GatewayRoute[] {
  return [
    route({
      method: 'GET',
      path: '/v1/admin/prompts',
      operationId: 'listPrompts',
      tag: 'admin',
      summary: 'Every prompt family with its versions and the default version now in force.',
      access: 'admin',
      limits: 'request',
      responses: { 200: { description: 'The families.', json: named('PromptList', schemas.promptList) } },
      errors: [502],
      async handle({ response, signal }) {
        const { families } = await changeUpstreams(kit).prompts.listPrompts({ signal });
        response.json({ families: families.map(promptFamilyJson) });
      },
    }),
  ];
}
