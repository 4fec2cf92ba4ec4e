import express, { type Router } from 'express';
import { RagfleetError } from '@ragfleet/errors';
import { allowOnly } from '../http/method-not-allowed.ts';
import { WS_PATH } from './ws-gateway.ts';

/** A plain HTTP request to the WebSocket path: say how to connect instead of "no such route". */
export function wsHttpRoute(): Router {
  const router = express.Router();
  router
    .route(WS_PATH)
    .get(() => {
      throw new RagfleetError(
        'INVALID_ARGUMENT',
        `${WS_PATH} speaks WebSocket only: connect with Upgrade: websocket (RFC 6455).`,
      );
    })
    .all(allowOnly('GET'));
  return router;
}
