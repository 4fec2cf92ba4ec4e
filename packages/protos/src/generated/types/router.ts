export type * from '../ragfleet/router/v1/ListModelsRequest.ts';
export type * from '../ragfleet/router/v1/ListModelsResponse.ts';
export type * from '../ragfleet/router/v1/ModelChoice.ts';
export type * from '../ragfleet/router/v1/RouteRequest.ts';
export type * from '../ragfleet/router/v1/RouteResponse.ts';
export type * from '../ragfleet/router/v1/RouterService.ts';
