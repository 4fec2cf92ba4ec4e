// Timing of one streamed answer, over NDJSON or a WebSocket: what autocannon cannot see (it
// hands back a whole response), read event by event as a client reads them.

export interface AnswerTiming {
  /**
   * ms from sending to the response's first byte, its status line (NDJSON: k6's http_req_waiting
   * plus any connecting), or to the socket's open (WebSocket).
   */
  firstByteMs: number;
  /** ms from sending the question to the first `token` event; NaN if none came. */
  firstTokenMs: number;
  /** ms from sending the question to the last event. */
  durationMs: number;
  /** How the stream ended: its last event's type, or `truncated` without done/error. */
  ended: 'done' | 'error' | 'truncated';
  /** The HTTP status (NDJSON) or 101 (a socket that opened). */
  status: number;
  /** The error event's code, or what went wrong. */
  problem?: string;
}

interface AnswerEvent {
  type?: string;
  id?: string | null;
  error?: { code?: string };
}

/** Whether an answer is a success: it streamed a token and ended with `done`. */
export function answered(timing: AnswerTiming): boolean {
  return timing.ended === 'done' && !Number.isNaN(timing.firstTokenMs);
}

/** POST /v1/rag with Accept: application/x-ndjson, read line by line to its end. */
export async function timeNdjsonAnswer(
  url: string,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
): Promise<AnswerTiming> {
  const sentAt = performance.now();
  const response = await fetch(url, { method: 'POST', headers, body, signal });
  const timing: AnswerTiming = {
    firstByteMs: performance.now() - sentAt, // fetch resolves on the status line and headers
    firstTokenMs: Number.NaN,
    durationMs: Number.NaN,
    ended: 'truncated',
    status: response.status,
  };
  if (response.status !== 200 || !response.body) {
    timing.problem = `HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`;
    timing.durationMs = performance.now() - sentAt;
    return timing;
  }
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of response.body) {
    buffered += decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line !== '') onEvent(timing, JSON.parse(line) as AnswerEvent, sentAt);
    }
  }
  timing.durationMs = performance.now() - sentAt;
  return timing;
}

function onEvent(timing: AnswerTiming, event: AnswerEvent, sentAt: number): void {
  if (event.type === 'token' && Number.isNaN(timing.firstTokenMs))
    timing.firstTokenMs = performance.now() - sentAt;
  if (event.type === 'done') timing.ended = 'done';
  if (event.type === 'error') {
    timing.ended = 'error';
    timing.problem = event.error?.code ?? 'error event';
  }
}

/**
 * GET /v1/ws: opens a socket, sends one `{"type":"rag"}` ask, reads that ask's events to `done`
 * or `error`, closes. firstByteMs is the time to open; token and duration count from the ask.
 */
export function timeWebSocketAnswer(
  url: string,
  protocols: string[],
  fields: Record<string, unknown>,
  signal: AbortSignal,
): Promise<AnswerTiming> {
  const openedAt = performance.now();
  const timing: AnswerTiming = {
    firstByteMs: Number.NaN,
    firstTokenMs: Number.NaN,
    durationMs: Number.NaN,
    ended: 'truncated',
    status: 0,
  };
  return new Promise((resolve) => {
    const socket = new WebSocket(url, protocols);
    let askedAt = Number.NaN;
    let finished = false;
    const finish = (problem?: string) => {
      if (finished) return; // the close that follows done or an error
      finished = true;
      signal.removeEventListener('abort', onAbort);
      if (problem !== undefined && timing.problem === undefined) timing.problem = problem;
      timing.durationMs = performance.now() - (Number.isNaN(askedAt) ? openedAt : askedAt);
      if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) socket.close();
      resolve(timing);
    };
    const onAbort = () => finish('aborted: the scenario ended');
    signal.addEventListener('abort', onAbort, { once: true });
    socket.addEventListener('open', () => {
      timing.status = 101;
      timing.firstByteMs = performance.now() - openedAt;
      askedAt = performance.now();
      socket.send(JSON.stringify({ ...fields, type: 'rag', id: 'ask' }));
    });
    socket.addEventListener('message', (message) => {
      const event = JSON.parse(String(message.data)) as AnswerEvent;
      if (event.id !== 'ask') return;
      onEvent(timing, event, askedAt);
      if (timing.ended !== 'truncated') finish();
    });
    socket.addEventListener('error', () => finish('socket error'));
    socket.addEventListener('close', (event) => finish(`closed (${event.code})`));
  });
}
