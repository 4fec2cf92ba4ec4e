export type * from '../ragfleet/embed/v1/EmbedRequest.ts';
export type * from '../ragfleet/embed/v1/EmbedResponse.ts';
export type * from '../ragfleet/embed/v1/EmbedService.ts';
export type * from '../ragfleet/embed/v1/Embedding.ts';
export type * from '../ragfleet/embed/v1/ListModelsRequest.ts';
export type * from '../ragfleet/embed/v1/ListModelsResponse.ts';
export type * from '../ragfleet/embed/v1/ModelInfo.ts';
