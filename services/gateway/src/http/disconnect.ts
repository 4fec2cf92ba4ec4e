import type { Response } from 'express';
import { RagfleetError } from '@ragfleet/errors';

/** Aborted when the client goes away before its response has ended, so upstream work stops too. */
export function abortOnDisconnect(response: Response): AbortSignal {
  const controller = new AbortController();
  response.once('close', () => {
    if (!response.writableFinished)
      controller.abort(new RagfleetError('CANCELLED', 'The client disconnected.'));
  });
  return controller.signal;
}
