import type { RequestHandler } from 'express';
import { RagfleetError } from '@ragfleet/errors';

/** Ends a route's handler list: the path exists, the method does not (405 with Allow). */
export function allowOnly(...methods: string[]): RequestHandler {
  const allow = methods.includes('GET') ? [...methods, 'HEAD'] : methods;
  return (request, _response, next) => {
    next(
      new RagfleetError(
        'METHOD_NOT_ALLOWED',
        `${request.method} is not allowed here; use ${allow.join(', ')}.`,
        {
          details: { allow },
        },
      ),
    );
  };
}

export const routeNotFound: RequestHandler = (request, _response, next) => {
  next(new RagfleetError('ROUTE_NOT_FOUND', `No route for ${request.method} ${request.path}.`));
};
