import { counter, gauge, histogram, type Registry } from '@ragfleet/telemetry';
import { answerMetrics, type AnswerMetrics } from '../http/answer-metrics.ts';

export interface WsMetrics extends AnswerMetrics {
  connections: ReturnType<typeof gauge>;
  asks: ReturnType<typeof counter>;
  rejected: ReturnType<typeof counter>;
  /** The WebSocket-only series, kept for the dashboards that read it; see AnswerMetrics too. */
  wsTimeToFirstToken: ReturnType<typeof histogram>;
}

export function createWsMetrics(registry: Registry): WsMetrics {
  return {
    ...answerMetrics(registry),
    connections: gauge(registry, 'ragfleet_gateway_ws_connections', 'Open WebSocket connections.'),
    asks: counter(
      registry,
      'ragfleet_gateway_ws_asks_total',
      'WebSocket asks that ended, by outcome (done or the error code).',
      ['outcome'],
    ),
    rejected: counter(
      registry,
      'ragfleet_gateway_ws_messages_rejected_total',
      'WebSocket client messages refused before any upstream call, by error code.',
      ['code'],
    ),
    wsTimeToFirstToken: histogram(
      registry,
      'ragfleet_gateway_ws_time_to_first_token_seconds',
      'Time from a WebSocket ask arriving to its first token event being sent.',
    ),
  };
}
