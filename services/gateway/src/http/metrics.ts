import type { Request, RequestHandler } from 'express';
import { counter, histogram, type Registry } from '@ragfleet/telemetry';
import { answerMetrics, type AnswerMetrics } from './answer-metrics.ts';

export interface GatewayMetrics extends AnswerMetrics {
  requests: ReturnType<typeof counter>;
  duration: ReturnType<typeof histogram>;
  streamTimeToFirstByte: ReturnType<typeof histogram>;
}

export function createGatewayMetrics(registry: Registry): GatewayMetrics {
  return {
    ...answerMetrics(registry),
    requests: counter(
      registry,
      'ragfleet_gateway_requests_total',
      'HTTP requests answered, by route, method and status.',
      ['route', 'method', 'status'],
    ),
    duration: histogram(
      registry,
      'ragfleet_gateway_request_duration_seconds',
      'Time from a request arriving to its response ending (whole stream for NDJSON).',
      ['route'],
    ),
    streamTimeToFirstByte: histogram(
      registry,
      'ragfleet_gateway_stream_time_to_first_byte_seconds',
      'Time from a streaming request arriving to its first NDJSON event being written.',
    ),
  };
}

/** The route pattern, never the raw path: document ids in paths would explode label cardinality. */
export function routeLabel(request: Request): string {
  const path: unknown = request.route?.path;
  return typeof path === 'string' ? `${request.baseUrl}${path}` : 'unmatched';
}

export function recordRequests(metrics: GatewayMetrics): RequestHandler {
  return (request, response, next) => {
    const started = performance.now();
    response.once('close', () => {
      const route = routeLabel(request);
      // A client that hung up before the response ended is counted as 499, as nginx does.
      const status = response.writableFinished ? String(response.statusCode) : '499';
      metrics.requests.inc({ route, method: request.method, status });
      metrics.duration.observe({ route }, (performance.now() - started) / 1000);
    });
    next();
  };
}
