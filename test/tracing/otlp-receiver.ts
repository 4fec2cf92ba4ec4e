/*
 * An OTLP/HTTP trace receiver for tests: what a collector's `otlp` receiver does on :4318, on a
 * free loopback port. The fleet's exporter (@opentelemetry/exporter-trace-otlp-http) sends OTLP
 * JSON, so the body is read as the OTLP/JSON mapping of ExportTraceServiceRequest (hex ids);
 * anything else is refused with 415 so that a change of exporter fails loudly, not silently.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One received span, flattened with its resource's service.name. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  /** Absent (or empty) on a root span. */
  parentSpanId?: string;
  name: string;
  /** OTLP SpanKind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  service: string;
  attributes: Record<string, unknown>;
}

interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}

interface ExportTraceServiceRequest {
  resourceSpans?: Array<{
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: Array<{
      spans?: Array<{
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        kind?: number;
        attributes?: OtlpAttribute[];
      }>;
    }>;
  }>;
}

export interface OtlpReceiver {
  /** What OTEL_EXPORTER_OTLP_ENDPOINT should be (the exporter appends /v1/traces). */
  endpoint: string;
  spans: ReceivedSpan[];
  /** Requests refused (wrong path, method or content type): should stay empty. */
  refused: string[];
  close(): Promise<void>;
}

/** An attribute's value as JavaScript: OTLP/JSON wraps each in { stringValue | intValue | ... }. */
function attributeValue(value: Record<string, unknown>): unknown {
  const [first] = Object.values(value);
  return first;
}

function attributes(list: OtlpAttribute[] = []): Record<string, unknown> {
  return Object.fromEntries(list.map((attribute) => [attribute.key, attributeValue(attribute.value)]));
}

export function flattenSpans(request: ExportTraceServiceRequest): ReceivedSpan[] {
  return (request.resourceSpans ?? []).flatMap((resourceSpans) => {
    const service = String(attributes(resourceSpans.resource?.attributes)['service.name'] ?? '');
    return (resourceSpans.scopeSpans ?? []).flatMap((scope) =>
      (scope.spans ?? []).map((span) => ({
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId || undefined,
        name: span.name,
        kind: span.kind ?? 0,
        service,
        attributes: attributes(span.attributes),
      })),
    );
  });
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const refused: string[] = [];
  const server: Server = createServer((request, response) => {
    void (async () => {
      const type = request.headers['content-type'] ?? '';
      const body = await readBody(request);
      if (request.method !== 'POST' || request.url !== '/v1/traces' || !type.startsWith('application/json')) {
        refused.push(`${request.method} ${request.url} (${type})`);
        response.writeHead(request.url === '/v1/traces' ? 415 : 404).end();
        return;
      }
      spans.push(...flattenSpans(JSON.parse(body) as ExportTraceServiceRequest));
      // An empty ExportTraceServiceResponse: everything accepted.
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    })().catch((error: unknown) => {
      refused.push(`unreadable export: ${String(error)}`);
      response.writeHead(400).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans,
    refused,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
