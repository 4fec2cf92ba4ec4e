import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/*
 * deploy/otel/collector.yaml as the collector would read it. The collector binary is not
 * available on this machine (`otelcol-contrib validate` would be the real check), so the test
 * holds the structure the collector enforces at start-up: every component a pipeline names is
 * defined, every defined one is used, connectors join an exporting and a receiving pipeline, and
 * the fleet's expectations besides (OTLP in on both protocols, memory_limiter first, batch last,
 * Prometheus and an OTLP trace backend out, the backend's address from the environment).
 */
const FILE = join(import.meta.dirname, '../../deploy/otel/collector.yaml');

interface Pipeline {
  receivers: string[];
  processors?: string[];
  exporters: string[];
}

interface CollectorConfig {
  extensions?: Record<string, unknown>;
  receivers: Record<string, { protocols?: Record<string, { endpoint?: string }> }>;
  connectors?: Record<string, unknown>;
  processors: Record<string, unknown>;
  exporters: Record<string, { endpoint?: string; tls?: { insecure?: unknown } }>;
  service: { extensions?: string[]; pipelines: Record<string, Pipeline> };
}

const config = parse(readFileSync(FILE, 'utf8')) as CollectorConfig;
const pipelines = Object.entries(config.service.pipelines);
/** `otlp/traces` is an `otlp` exporter named `traces`: the type is what comes before the slash. */
const typeOf = (id: string) => id.split('/')[0];
const signalOf = (pipelineId: string) => typeOf(pipelineId);

describe('deploy/otel/collector.yaml', () => {
  it('defines every component a pipeline names, and uses every component it defines', () => {
    const kinds = ['receivers', 'processors', 'exporters'] as const;
    for (const [id, pipeline] of pipelines) {
      expect(['traces', 'metrics', 'logs']).toContain(signalOf(id));
      expect(pipeline.receivers.length).toBeGreaterThan(0);
      expect(pipeline.exporters.length).toBeGreaterThan(0);
      for (const kind of kinds)
        for (const name of pipeline[kind] ?? []) {
          const defined = { ...config[kind], ...(kind === 'processors' ? {} : config.connectors) };
          expect({ pipeline: id, kind, name, defined: name in defined }).toMatchObject({ defined: true });
        }
    }
    for (const kind of kinds)
      for (const name of Object.keys(config[kind]))
        expect({ kind, name, used: pipelines.some(([, p]) => (p[kind] ?? []).includes(name)) }).toMatchObject(
          {
            used: true,
          },
        );
    for (const name of config.service.extensions ?? [])
      expect(Object.keys(config.extensions ?? {})).toContain(name);
  });

  it('joins every connector from one pipeline to another', () => {
    for (const connector of Object.keys(config.connectors ?? {})) {
      const feeding = pipelines.filter(([, p]) => p.exporters.includes(connector));
      const fed = pipelines.filter(([, p]) => p.receivers.includes(connector));
      expect({ connector, feeding: feeding.length > 0, fed: fed.length > 0 }).toEqual({
        connector,
        feeding: true,
        fed: true,
      });
    }
  });

  it('receives OTLP over gRPC (4317) and HTTP (4318), where the fleet exports', () => {
    const protocols = config.receivers.otlp?.protocols ?? {};
    expect(protocols.grpc?.endpoint).toMatch(/:4317$/);
    expect(protocols.http?.endpoint).toMatch(/:4318$/);
    expect(config.service.pipelines.traces?.receivers).toContain('otlp');
  });

  it('limits memory first and batches last in every pipeline', () => {
    for (const [, pipeline] of pipelines) {
      const processors = pipeline.processors ?? [];
      expect(processors[0]).toBe('memory_limiter');
      expect(processors.at(-1)).toBe('batch');
    }
  });

  it('sends traces to an OTLP backend named by the environment, and metrics to Prometheus', () => {
    const traceExporters = config.service.pipelines.traces?.exporters ?? [];
    const backend = traceExporters.find((id) => typeOf(id) === 'otlp' || typeOf(id) === 'otlphttp');
    expect(backend).toBeDefined();
    expect(config.exporters[backend as string]?.endpoint).toMatch(/^\$\{env:[A-Z_]+(:-[^}]+)?\}$/);
    const metricExporters = pipelines
      .filter(([id]) => signalOf(id) === 'metrics')
      .flatMap(([, p]) => p.exporters);
    expect(metricExporters.map(typeOf)).toContain('prometheus');
  });
});
