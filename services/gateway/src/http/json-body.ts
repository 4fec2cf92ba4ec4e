import type { Request, Response } from 'express';
import { RagfleetError } from '@ragfleet/errors';

const JSON_TYPES = ['application/json', 'application/*+json'];

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The setting that raises the limit, named in the 413 so an operator knows what to change. */
export const BODY_LIMIT_SETTING = 'GATEWAY_BODY_LIMIT';

export function tooLarge(limit: number): RagfleetError {
  return new RagfleetError(
    'PAYLOAD_TOO_LARGE',
    `The request body exceeds this gateway's limit of ${limit} bytes (${BODY_LIMIT_SETTING}); ` +
      'send less per request, e.g. fewer documents per batch.',
    { details: { limit_bytes: limit, setting: BODY_LIMIT_SETTING } },
  );
}

/**
 * Once a body is refused as too large, the rest of it is never read: the connection is closed
 * after the 413 instead of being drained (a client sending chunks for ever would hold it open).
 */
function closeAfterResponse(request: Request, response: Response): void {
  response.setHeader('Connection', 'close');
  response.once('finish', () => request.socket.destroy());
}

function collect(request: Request, response: Response, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const cleanup = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('aborted', onAborted);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        cleanup();
        request.pause();
        closeAfterResponse(request, response);
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, received));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new RagfleetError('CANCELLED', 'The request body could not be read.', { cause: error }));
    };
    const onAborted = () => onError(new Error('request aborted'));
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('error', onError);
    request.once('aborted', onAborted);
  });
}

function charsetOf(request: Request): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(request.headers['content-type'] ?? '');
  return match?.[1]?.toLowerCase();
}

/**
 * Reads a JSON body: content type, charset and encoding checked before a byte is read, a
 * declared length over the limit refused at once, and a streamed (chunked) one refused the moment
 * it crosses the limit. Resolves to undefined when there is no body.
 */
export async function readJsonBody(request: Request, response: Response, limit: number): Promise<unknown> {
  if (!hasBody(request)) return undefined;
  if (!request.is(JSON_TYPES)) {
    throw new RagfleetError(
      'UNSUPPORTED_MEDIA_TYPE',
      'The body must be JSON (Content-Type: application/json).',
    );
  }
  const charset = charsetOf(request);
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new RagfleetError('UNSUPPORTED_MEDIA_TYPE', `The body must be UTF-8 JSON, not ${charset}.`);
  }
  const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity') {
    throw new RagfleetError('UNSUPPORTED_MEDIA_TYPE', `Content-Encoding ${encoding} is not accepted.`);
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    closeAfterResponse(request, response);
    throw tooLarge(limit);
  }
  const raw = await collect(request, response, limit);
  if (raw.length === 0) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new RagfleetError('INVALID_ARGUMENT', 'The body is not valid JSON.', {
      internal: (error as Error).message,
    });
  }
  // As body-parser's strict mode: a JSON body is an object or an array, never a bare scalar.
  if (typeof value !== 'object' || value === null) {
    throw new RagfleetError('INVALID_ARGUMENT', 'The body must be a JSON object.');
  }
  return value;
}

/** Body-parser style sizes ('512kb', '10mb', '1024') in bytes. */
export function parseByteSize(size: string): number {
  const match = /^(\d+)(b|kb|mb|gb)?$/i.exec(size.trim());
  if (!match) throw new Error(`not a byte size: ${size}`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(match[2] ?? 'b').toLowerCase() as 'b'];
  return Number(match[1]) * unit;
}
