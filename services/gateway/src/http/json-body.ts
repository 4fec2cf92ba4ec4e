import express, { type Request, type RequestHandler } from 'express';
import { RagfleetError } from '@ragfleet/errors';

const JSON_TYPES = ['application/json', 'application/*+json'];

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** A body in another format is refused before it is read, instead of being parsed as nothing. */
const requireJsonContentType: RequestHandler = (request, _response, next) => {
  if (hasBody(request) && !request.is(JSON_TYPES)) {
    next(
      new RagfleetError('UNSUPPORTED_MEDIA_TYPE', 'The body must be JSON (Content-Type: application/json).'),
    );
    return;
  }
  next();
};

/** Content-type check and size-limited JSON parsing, for the routes that take a JSON body. */
export function jsonBody(limit: string): RequestHandler[] {
  return [requireJsonContentType, express.json({ limit, type: JSON_TYPES, strict: true })];
}
