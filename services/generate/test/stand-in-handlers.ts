import { RagfleetError } from '@ragfleet/errors';
import type { Handlers } from '@ragfleet/grpc';
import { protos } from '@ragfleet/protos';

/**
 * A stand-in service's handlers: the given ones, every other method of the proto answering
 * UNIMPLEMENTED as a service does for a method it does not serve (GrpcServer wants them all).
 */
function standIn(service: Record<string, unknown>, name: string, handlers: Handlers): Handlers {
  const unserved = Object.fromEntries(
    Object.keys(service).map((method) => [
      method,
      async () => {
        throw new RagfleetError('METHOD_NOT_ALLOWED', `${method} is not served by this test ${name}.`);
      },
    ]),
  );
  return { ...unserved, ...handlers };
}

export const routerHandlers = (handlers: Handlers): Handlers =>
  standIn(protos.router().RouterService.service, 'router', handlers);

export const retrieveHandlers = (handlers: Handlers): Handlers =>
  standIn(protos.retrieve().RetrieveService.service, 'retrieve', handlers);
