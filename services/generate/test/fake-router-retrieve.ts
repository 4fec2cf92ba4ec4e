import { GrpcServer } from '@ragfleet/grpc';
import { protos, type RetrieveV1, type RouterV1 } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';
import { retrieveHandlers, routerHandlers } from './stand-in-handlers.ts';

export interface FakeRouterRetrieve {
  address: string;
  close(): Promise<void>;
}

/**
 * One gRPC server standing in for the router (every answer routed to the offline extractive
 * provider) and retrieve (Search as the test says; the other methods refused). One server for
 * both, so it checks no audience: the caller's tenant arrives as metadata.
 */
export async function startFakeRouterRetrieve(
  search: (request: RetrieveV1.SearchRequest__Output) => Promise<RetrieveV1.SearchResponse>,
): Promise<FakeRouterRetrieve> {
  const logger = createLogger('fake-router-retrieve', 'silent');
  const server = new GrpcServer({ service: 'upstream', logger, registry: createMetricsRegistry('upstream') });
  server.addService(
    'ragfleet.router.v1.RouterService',
    protos.router().RouterService.service,
    routerHandlers({
      Route: async (): Promise<RouterV1.RouteResponse> => ({
        chain: [{ provider: 'extractive', model: 'extractive' }],
        reason: 'test route',
      }),
    }),
  );
  server.addService(
    'ragfleet.retrieve.v1.RetrieveService',
    protos.retrieve().RetrieveService.service,
    retrieveHandlers({ Search: search }),
  );
  const address = `127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  return { address, close: () => server.close() };
}
