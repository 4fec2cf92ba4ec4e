import { pino, type DestinationStream, type Logger } from 'pino';
import { trace } from '@opentelemetry/api';
import { maskPersonalData } from './pii-mask.ts';
import { currentRequestContext } from './request-context.ts';
import { stdoutDestination } from './stdout-destination.ts';

export type { Logger } from 'pino';

/** Field names whose values never reach a log line. */
const REDACTED_PATHS = [
  '*.apiKey',
  '*.api_key',
  '*.authorization',
  '*.password',
  '*.token',
  'headers.authorization',
  'headers["x-api-key"]',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
];

/**
 * JSON logs to stdout, one line per event, each carrying the service name and, when known, the
 * request id, tenant and active trace/span ids so that a line can be joined to its trace.
 * Personal data (emails, phone numbers, card numbers) and credentials are masked in the
 * finished line, wherever they appear. `destination` defaults to stdout.
 */
export function createLogger(
  service: string,
  level = process.env.LOG_LEVEL ?? 'info',
  destination?: DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    hooks: { streamWrite: maskPersonalData },
    formatters: { level: (label) => ({ level: label }) },
    mixin() {
      const fields: Record<string, string> = {};
      const context = currentRequestContext();
      if (context) {
        fields.request_id = context.requestId;
        fields.tenant = context.tenant;
      }
      const span = trace.getActiveSpan()?.spanContext();
      if (span && span.traceId !== '00000000000000000000000000000000') {
        fields.trace_id = span.traceId;
        fields.span_id = span.spanId;
      }
      return fields;
    },
  };
  return pino(options, destination ?? stdoutDestination());
}
