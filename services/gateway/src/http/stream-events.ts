import type { RagfleetError } from '@ragfleet/errors';
import { upstreamFailure } from '@ragfleet/grpc';
import type { PublicError } from '../public-json.ts';
import { errorFromEvent, truncatedStreamError } from '../rag-answer.ts';
import type { RouteKit } from '../routes/route-kit.ts';
import { logError } from './errors.ts';
import type { NdjsonWriter } from './ndjson-writer.ts';

/** What an answer stream (`/v1/rag`, a session turn) is made of: typed events, one terminal. */
export interface StreamedEvent {
  type: string;
}

export interface StreamOptions<E extends StreamedEvent> {
  /** The route's path, as metrics and logs name it. */
  route: string;
  /** When the request arrived: the first token is timed from it. */
  started: number;
  /** The event that ends a stream the gateway itself cuts short (upstream failed, went silent). */
  failureEvent(error: RagfleetError): E;
  /**
   * An upstream that ends cleanly before a terminal event cut the answer short, unless this is
   * set: a resume after a turn's last event has nothing left to send, and that is complete.
   */
  mayEndWithoutTerminal?: boolean;
  /** The event that ends a complete stream; `done` unless given (a recommendation stream's is `complete`). */
  terminalType?: string;
  /** The error of an upstream that ended before its terminal event; default: an answer cut short. */
  truncated?: () => RagfleetError;
}

function errorOf(event: StreamedEvent): PublicError | undefined {
  return event.type === 'error' ? (event as StreamedEvent & { error: PublicError }).error : undefined;
}

/**
 * Writes events as NDJSON. Before the first byte an error still becomes a proper status and
 * envelope (thrown); after it, the stream ends with an explicit error event, never silently.
 * Those late error events are counted here: the response's status says 200.
 */
export async function streamEvents<E extends StreamedEvent>(
  events: AsyncIterable<E>,
  writer: NdjsonWriter,
  kit: Pick<RouteKit, 'metrics' | 'logger'>,
  options: StreamOptions<E>,
): Promise<void> {
  const { route } = options;
  let awaitingToken = true;
  try {
    for await (const event of events) {
      const error = errorOf(event);
      if (error && !writer.started) throw errorFromEvent(error);
      if (event.type === 'token' && awaitingToken) {
        awaitingToken = false;
        kit.metrics.timeToFirstToken.observe(
          { transport: 'ndjson' },
          (performance.now() - options.started) / 1000,
        );
      }
      await writer.write(event);
      if (error) kit.metrics.errors.inc({ route, code: error.code });
      if (event.type === (options.terminalType ?? 'done') || error) return;
      if (writer.closed) return;
    }
    if (options.mayEndWithoutTerminal) return writer.open();
    throw (options.truncated ?? truncatedStreamError)();
  } catch (caught) {
    if (writer.closed) return;
    if (!writer.started) throw caught;
    const error = upstreamFailure(caught);
    logError(kit.logger, error, { route, phase: 'mid-stream' });
    await writer.write(options.failureEvent(error));
    kit.metrics.errors.inc({ route, code: error.code });
  } finally {
    writer.end();
  }
}
