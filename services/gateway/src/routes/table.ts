import { buildOpenApiDocument } from '../openapi/document.ts';
import { adminBudgetRoutes } from './admin-budgets.ts';
import { adminExperimentRoutes } from './admin-experiments.ts';
import { adminKeyRoutes } from './admin-keys.ts';
import { adminPromptRoutes } from './admin-prompts.ts';
import { adminRolloutRoutes } from './admin-rollouts.ts';
import { adminWeightRoutes } from './admin-weights.ts';
import { documentRoutes } from './documents.ts';
import { feedbackRoutes } from './feedback.ts';
import { healthRoutes } from './health.ts';
import { indexVersionRoutes } from './index-versions.ts';
import { openapiRoute } from './openapi.ts';
import { popularQuestionRoutes } from './popular-questions.ts';
import { ragRoutes } from './rag.ts';
import { recommendationRoutes } from './recommendations.ts';
import type { GatewayRoute } from './route.ts';
import type { RouteKit } from './route-kit.ts';
import { searchRoutes } from './search.ts';
import { sessionTurnRoutes } from './session-turns.ts';
import { sessionRoutes } from './sessions.ts';
import { subjectRoutes } from './subjects.ts';
import { usageRoutes } from './usage.ts';
import { websocketRoute, websocketTicketRoute } from './websocket.ts';

/**
 * Every route of the gateway, in matching order (a fixed path before a parameter in the same
 * place: `/v1/index/versions/rollback` before `/v1/index/versions/:id`). Registration, admission
 * and the OpenAPI document all read this one list.
 */
export function routeTable(kit: RouteKit): GatewayRoute[] {
  const routes: GatewayRoute[] = [
    ...healthRoutes(kit),
    ...adminKeyRoutes(kit),
    ...adminBudgetRoutes(kit),
    ...documentRoutes(kit),
    ...searchRoutes(kit),
    ...indexVersionRoutes(kit),
    ...ragRoutes(kit),
    ...sessionRoutes(kit),
    ...sessionTurnRoutes(kit),
    ...usageRoutes(kit),
    ...popularQuestionRoutes(kit),
    ...subjectRoutes(kit),
    ...recommendationRoutes(kit),
    ...feedbackRoutes(kit),
    ...adminWeightRoutes(kit),
    ...adminPromptRoutes(kit),
    ...adminExperimentRoutes(kit),
    ...adminRolloutRoutes(kit),
    websocketRoute(),
    websocketTicketRoute(kit),
  ];
  routes.push(openapiRoute(() => buildOpenApiDocument(routes)));
  return routes;
}
