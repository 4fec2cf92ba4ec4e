import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import { RagfleetError } from '@ragfleet/errors';

function bodyOf(body: unknown): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError('fetchWithConnectTimeout sends string or byte bodies only');
}

function headersOf(response: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
      headers.append(name, one);
  }
  return headers;
}

/**
 * A fetch over node:http(s) that bounds only the connection (TCP, then TLS): fetch's own signal
 * bounds the whole call, and a local model server answers its headers only once the model is
 * loaded, which may take a minute. Past `connectTimeoutMs` the call fails with UPSTREAM_TIMEOUT;
 * a reused keep-alive socket is already connected.
 */
export function fetchWithConnectTimeout(provider: string, connectTimeoutMs: number): typeof fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = bodyOf(init?.body);
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<Response>((resolve, reject) => {
      const request = send(url, {
        method: init?.method ?? 'GET',
        headers,
        signal: init?.signal ?? undefined,
      });
      request.on('socket', (socket: Socket) => {
        if (!socket.connecting) return;
        const timer = setTimeout(() => {
          request.destroy(
            new RagfleetError(
              'UPSTREAM_TIMEOUT',
              `${provider}: no connection within ${connectTimeoutMs} ms`,
              {
                details: { provider, timeout: 'connect', timeout_ms: connectTimeoutMs },
              },
            ),
          );
        }, connectTimeoutMs);
        const connected = () => clearTimeout(timer);
        socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', connected);
        socket.once('close', connected);
      });
      request.on('error', reject);
      request.on('response', (response) => {
        const status = response.statusCode ?? 502;
        const nullBody = status === 204 || status === 304 || request.method === 'HEAD';
        resolve(
          new Response(nullBody ? null : (Readable.toWeb(response) as ReadableStream<Uint8Array>), {
            status,
            statusText: response.statusMessage ?? '',
            headers: headersOf(response),
          }),
        );
      });
      request.end(body);
    });
  };
}
