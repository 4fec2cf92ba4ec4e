import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Latency buckets in seconds, from sub-millisecond cache hits to slow model answers. */
export const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * One registry per process with the process's default metrics, labelled by service. Metric
 * names follow ragfleet_<area>_<what>_<unit>.
 */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

export function counter(registry: Registry, name: string, help: string, labelNames: string[] = []) {
  return new Counter({ name, help, labelNames, registers: [registry] });
}

export function histogram(
  registry: Registry,
  name: string,
  help: string,
  labelNames: string[] = [],
  buckets: number[] = LATENCY_BUCKETS,
) {
  return new Histogram({ name, help, labelNames, buckets, registers: [registry] });
}

export function gauge(registry: Registry, name: string, help: string, labelNames: string[] = []) {
  return new Gauge({ name, help, labelNames, registers: [registry] });
}

/**
 * A gauge read when it is scraped, for a quantity that lives elsewhere (a store's backlog). A
 * failed read keeps the last value: one unreachable dependency must not fail the whole scrape.
 */
export function observedGauge(
  registry: Registry,
  name: string,
  help: string,
  read: () => number | Promise<number>,
): Gauge {
  return new Gauge({
    name,
    help,
    registers: [registry],
    async collect() {
      try {
        this.set(await read());
      } catch {
        // Keep the last value; the dependency's own metrics and logs say what failed.
      }
    },
  });
}

/**
 * One sample's current value (0 when absent): a counter or gauge by its name, a histogram's
 * series by `<name>_count`, `<name>_sum` or `<name>_bucket`, among those whose labels include
 * `labels`. For tests and checks that read a registry without parsing the exposition text.
 */
export async function metricValue(
  registry: Registry,
  name: string,
  labels: Record<string, string | number> = {},
): Promise<number> {
  const family = name.replace(/_(count|sum|bucket)$/, '');
  const metric = registry.getSingleMetric(family) ?? registry.getSingleMetric(name);
  if (!metric) return 0;
  const { name: familyName, values } = (await metric.get()) as {
    name: string;
    values: Array<{
      value: number;
      labels: Record<string, string | number | undefined>;
      metricName?: string;
    }>;
  };
  const wanted = Object.entries(labels);
  const sample = values.find(
    (candidate) =>
      (candidate.metricName ?? familyName) === name &&
      wanted.every(([key, want]) => String(candidate.labels[key]) === String(want)),
  );
  return sample?.value ?? 0;
}
