export { createLogger, type Logger } from './logger.ts';
export {
  LATENCY_BUCKETS,
  Counter,
  Gauge,
  Histogram,
  Registry,
  counter,
  createMetricsRegistry,
  gauge,
  histogram,
  metricValue,
  observedGauge,
} from './metrics.ts';
export { startOpsServer, type OpsServer } from './ops-server.ts';
export { currentRequestContext, runWithRequestContext, type RequestContext } from './request-context.ts';
export {
  extractTraceContext,
  injectTraceContext,
  runInContext,
  startTracing,
  withServerSpan,
  withSpan,
  type Context,
  type Span,
} from './tracing.ts';
