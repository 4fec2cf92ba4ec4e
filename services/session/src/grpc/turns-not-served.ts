import { RagfleetError } from '@ragfleet/errors';
import type { Handlers } from '@ragfleet/grpc';

/**
 * Turn and ResumeTurn until the turn engine lands. GrpcServer needs a handler for every method of
 * a service (grpc-js alone would answer UNIMPLEMENTED for a missing one, but the fleet's server
 * refuses to register a partial service), so these answer the same thing on purpose:
 * METHOD_NOT_ALLOWED is the fleet's code for gRPC status 12, UNIMPLEMENTED.
 */
export function turnsNotServed(): Handlers {
  // A stream whose first read fails: the call ends with the error before any event.
  const refuse = (method: string) => (): AsyncIterable<never> => ({
    [Symbol.asyncIterator]: () => ({
      next: async () => {
        throw new RagfleetError('METHOD_NOT_ALLOWED', `${method} is not served yet.`, {
          details: { reason: 'NOT_IMPLEMENTED', method },
        });
      },
    }),
  });
  return {
    Turn: refuse('Turn'),
    ResumeTurn: refuse('ResumeTurn'),
    GetStats: async () => {
      throw new RagfleetError('METHOD_NOT_ALLOWED', 'GetStats is not served yet.', {
        details: { reason: 'NOT_IMPLEMENTED', method: 'GetStats' },
      });
    },
  };
}
