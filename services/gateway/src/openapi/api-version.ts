import type { RequestHandler } from 'express';

/** The public API's major version; it is also the `/v1` in every path. */
export const API_VERSION = '1';
export const API_VERSION_HEADER = 'X-API-Version';

/** Every HTTP answer says which API version produced it, errors and probes included. */
export const stampApiVersion: RequestHandler = (_request, response, next) => {
  response.setHeader(API_VERSION_HEADER, API_VERSION);
  next();
};
