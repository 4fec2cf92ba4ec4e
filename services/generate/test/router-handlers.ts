import { RagfleetError } from '@ragfleet/errors';
import type { Handlers } from '@ragfleet/grpc';
import { protos } from '@ragfleet/protos';

/**
 * A stand-in RouterService's handlers: the given ones, every other method of the proto answering
 * UNIMPLEMENTED as the router does for a method it does not serve (GrpcServer wants them all).
 */
export function routerHandlers(handlers: Handlers): Handlers {
  const unserved = Object.fromEntries(
    Object.keys(protos.router().RouterService.service).map((method) => [
      method,
      async () => {
        throw new RagfleetError('METHOD_NOT_ALLOWED', `${method} is not served by this test router.`);
      },
    ]),
  );
  return { ...unserved, ...handlers };
}
