import { request as httpRequest } from 'node:http';

/*
 * Timing NDJSON streams for the session benchmark: how long until the first event of a type
 * arrives (the first token of an answer, the first replayed event of a resume), reading the
 * rest to its end so the connection and the turn finish cleanly.
 */
export interface StreamedEvent {
  type: string;
  seq?: number;
  turn_id?: string;
  text?: string;
}

export interface TimedStream {
  /** ms from the request being sent to the first event that matched. */
  firstMs: number;
  events: StreamedEvent[];
}

function splitLines(
  pending: string,
  events: StreamedEvent[],
  onEvent: (event: StreamedEvent) => void,
): string {
  let rest = pending;
  let newline = rest.indexOf('\n');
  while (newline >= 0) {
    const line = rest.slice(0, newline).trim();
    rest = rest.slice(newline + 1);
    if (line) {
      const event = JSON.parse(line) as StreamedEvent;
      events.push(event);
      onEvent(event);
    }
    newline = rest.indexOf('\n');
  }
  return rest;
}

/** POSTs `body` (NDJSON answer) and times the first event for which `first` holds. */
export async function timedPost(
  url: string,
  body: unknown,
  first: (event: StreamedEvent) => boolean,
): Promise<TimedStream> {
  const sentAt = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
    body: JSON.stringify(body),
  });
  if (response.status !== 200)
    throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  const events: StreamedEvent[] = [];
  let firstMs = Number.NaN;
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of response.body as ReadableStream<Uint8Array>) {
    pending = splitLines(pending + decoder.decode(chunk, { stream: true }), events, (event) => {
      if (Number.isNaN(firstMs) && first(event)) firstMs = performance.now() - sentAt;
    });
  }
  return { firstMs, events };
}

/**
 * GETs a resume on a new TCP connection (agent: false), as a client that lost its connection
 * does, and times the first event it gets back.
 */
export function timedReconnect(url: string, timeoutMs = 10_000): Promise<TimedStream> {
  return new Promise((resolve, reject) => {
    const sentAt = performance.now();
    const events: StreamedEvent[] = [];
    let firstMs = Number.NaN;
    let pending = '';
    const request = httpRequest(url, { agent: false, timeout: timeoutMs }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`${url} answered ${response.statusCode}`));
        return;
      }
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        pending = splitLines(pending + chunk, events, () => {
          if (Number.isNaN(firstMs)) firstMs = performance.now() - sentAt;
        });
      });
      response.on('end', () => resolve({ firstMs, events }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`${url}: no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end();
  });
}
