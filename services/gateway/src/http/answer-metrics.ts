import { counter, histogram, type Registry } from '@ragfleet/telemetry';

/** How an answer reaches the client: an NDJSON response body, or events on a WebSocket. */
export type AnswerTransport = 'ndjson' | 'websocket';

/**
 * Metrics both the HTTP app and the WebSocket endpoint write. They are built separately from one
 * registry, which refuses a name twice, so both get the same instances from here.
 */
export interface AnswerMetrics {
  /** By route pattern (or `unmatched`) and the stable error code (docs/errors.md). */
  errors: ReturnType<typeof counter>;
  /** By transport: what the client waits before the answer starts to appear. */
  timeToFirstToken: ReturnType<typeof histogram>;
}

const byRegistry = new WeakMap<Registry, AnswerMetrics>();

export function answerMetrics(registry: Registry): AnswerMetrics {
  let metrics = byRegistry.get(registry);
  if (!metrics) {
    metrics = {
      errors: counter(
        registry,
        'ragfleet_gateway_errors_total',
        'Errors the gateway answered, by route and error code: error responses, and error events ' +
          'sent after a stream began (NDJSON mid-stream, WebSocket), which no status shows.',
        ['route', 'code'],
      ),
      timeToFirstToken: histogram(
        registry,
        'ragfleet_gateway_stream_time_to_first_token_seconds',
        'Time from a streamed answer being asked for to its first token going out, by transport.',
        ['transport'],
      ),
    };
    byRegistry.set(registry, metrics);
  }
  return metrics;
}
