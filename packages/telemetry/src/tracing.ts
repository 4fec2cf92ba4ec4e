import {
  context,
  isSpanContextValid,
  propagation,
  trace,
  SpanKind,
  SpanStatusCode,
  type Context,
  type Span,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';

export type { Context, Span } from '@opentelemetry/api';

/**
 * Starts OpenTelemetry for this process. Without OTEL_EXPORTER_OTLP_ENDPOINT only the W3C
 * propagator is installed, so trace context still flows through the fleet at no cost; with it,
 * the NodeSDK exports spans over OTLP/HTTP. Returns the shutdown hook.
 */
export async function startTracing(service: string, env = process.env): Promise<() => Promise<void>> {
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    // Without a context manager context.with() is a no-op and incoming trace context would be
    // dropped at the first hop; the SDK installs its own when it starts.
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    return async () => {
      context.disable();
    };
  }
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  const sdk = new NodeSDK({ serviceName: service, traceExporter: new OTLPTraceExporter() });
  sdk.start();
  return () => sdk.shutdown();
}

const tracer = () => trace.getTracer('ragfleet');

type Attributes = Record<string, string | number | boolean>;

/** Ends the span when fn settles, recording a failure as the span's error status. */
async function recorded<T>(span: Span, fn: (span: Span) => Promise<T>): Promise<T> {
  try {
    return await fn(span);
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}

/** Runs fn inside a span named after a domain step (rag.embed, rag.search, ...). */
export async function withSpan<T>(
  name: string,
  fn: (span: Span) => Promise<T>,
  attributes: Attributes = {},
): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, (span) => recorded(span, fn));
}

/**
 * Runs a server's handling of one request (a gRPC call, an HTTP route) in a SERVER span, the child
 * of the caller's context as extractTraceContext read it, or a new trace's root when the caller
 * sent none. It is what makes each service a hop of the caller's trace: context alone propagates
 * the trace id, but a service that records no span of its own is missing from the trace.
 */
export async function withServerSpan<T>(
  name: string,
  parent: Context,
  fn: (span: Span) => Promise<T>,
  attributes: Attributes = {},
): Promise<T> {
  const span = tracer().startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  // Untraced (no SDK) and no caller's trace: the API's invalid span would only stand in the
  // context for none, so the handler runs in the caller's context exactly as runInContext would.
  const active = isSpanContextValid(span.spanContext()) ? trace.setSpan(parent, span) : parent;
  return context.with(active, () => recorded(span, fn));
}

type Carrier = Record<string, unknown>;

const setter: TextMapSetter<Carrier> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

const getter: TextMapGetter<Carrier> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const value = carrier[key];
    if (Array.isArray(value)) return value.map(String);
    return value === undefined ? undefined : String(value);
  },
};

/** Writes the active trace context (traceparent, tracestate) into headers or gRPC metadata. */
export function injectTraceContext(carrier: Carrier, from: Context = context.active()): Carrier {
  propagation.inject(from, carrier, setter);
  return carrier;
}

/** Reads trace context from incoming headers; run the handler inside `context.with(result, ...)`. */
export function extractTraceContext(carrier: Carrier): Context {
  return propagation.extract(context.active(), carrier, getter);
}

export function runInContext<T>(ctx: Context, fn: () => T): T {
  return context.with(ctx, fn);
}
