import { describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { staleChartRules, staleDashboards } from '../../deploy/grafana/build.ts';
import { DASHBOARD_DIR, alertRules, dashboards, ruleFiles } from '../observability/artefacts.ts';
import { chart, helm, render, renderError, RELEASE, type K8sObject } from './helm.ts';
import { validateObject } from './kubernetes-schemas.ts';
import { scrapeJob, selectedServices } from './prometheus-operator.ts';

/**
 * What the chart gives Prometheus and Grafana: the alert rules of deploy/prometheus/rules as a
 * PrometheusRule, the dashboards of deploy/grafana/dashboards as ConfigMaps for Grafana's sidecar,
 * and ServiceMonitors whose jobs and labels are the ones those rules and dashboards query.
 */

const COMPONENTS = ['gateway', 'embed', 'retrieve', 'router', 'generate', 'session', 'recommend', 'feedback'];
const prod = render({ files: ['prod-values.yaml'] });
const ofKind = (objects: K8sObject[], kind: string) => objects.filter((object) => object.kind === kind);
const dashboardMaps = (objects: K8sObject[]) =>
  ofKind(objects, 'ConfigMap').filter((map) =>
    map.metadata.name.startsWith(`${RELEASE}-ragfleet-dashboard-`),
  );
/** A ConfigMap's data may not exceed 1 MiB (Kubernetes refuses it). */
const CONFIG_MAP_LIMIT = 1024 * 1024;

describe("the chart's copies of the dashboards and alert rules", () => {
  it('are what deploy/grafana/build.ts generates (run it after editing a dashboard or a rule)', async () => {
    expect(await staleDashboards()).toEqual([]);
    expect(await staleChartRules()).toEqual([]);
  });

  it('are off by default: no PrometheusRule CRD or dashboard ConfigMap is needed to install', () => {
    const objects = render();
    expect(ofKind(objects, 'PrometheusRule')).toEqual([]);
    expect(dashboardMaps(objects)).toEqual([]);
  });
});

describe('the PrometheusRule', () => {
  const rules = ofKind(prod, 'PrometheusRule');

  it("is one object that the Prometheus Operator's schema accepts, with the labels its ruleSelector needs", () => {
    expect(rules).toHaveLength(1);
    validateObject(rules[0] as K8sObject);
    expect(rules[0]?.metadata.labels).toMatchObject({ release: 'prometheus' });
  });

  it('holds exactly the groups and rules of deploy/prometheus/rules, annotations untemplated', () => {
    const groups = ruleFiles()
      .sort()
      .flatMap((file) => (parse(readFileSync(file, 'utf8')) as { groups: unknown[] }).groups);
    expect(rules[0]?.spec.groups).toEqual(groups);
    const alerts = (rules[0]?.spec.groups as Array<{ rules: Array<{ alert?: string }> }>).flatMap((group) =>
      group.rules.filter((rule) => rule.alert),
    );
    expect(alerts.map((rule) => rule.alert).sort()).toEqual(
      alertRules()
        .map((rule) => rule.alert)
        .sort(),
    );
    expect(JSON.stringify(alerts)).toContain('{{ $labels.instance }}');
  });
});

describe('the dashboard ConfigMaps', () => {
  const maps = dashboardMaps(prod);

  it('are one per dashboard of deploy/grafana/dashboards, each holding that file as written', () => {
    const files = dashboards().map(({ file }) => file);
    expect(
      maps
        .map((map) => Object.keys(map.data))
        .flat()
        .sort(),
    ).toEqual(files.sort());
    for (const map of maps) {
      validateObject(map);
      const [file, content] = Object.entries(map.data as Record<string, string>)[0] as [string, string];
      expect(content).toBe(readFileSync(join(DASHBOARD_DIR, file), 'utf8'));
      expect(Buffer.byteLength(content)).toBeLessThan(CONFIG_MAP_LIMIT);
    }
  });

  it('parse as Grafana dashboards: uid, title, panels with queries', () => {
    const uids = new Set<string>();
    for (const map of maps) {
      const dashboard = JSON.parse(Object.values(map.data as Record<string, string>)[0] as string);
      expect(typeof dashboard.title).toBe('string');
      expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
      uids.add(dashboard.uid);
      const queries = dashboard.panels.flatMap((panel: { targets?: unknown[] }) => panel.targets ?? []);
      expect(queries.length).toBeGreaterThan(0);
    }
    expect(uids.size).toBe(maps.length);
  });

  it("carry the sidecar's label, in the namespace and with the annotations the values give", () => {
    for (const map of maps) {
      expect(map.metadata.labels.grafana_dashboard).toBe('1');
      expect(map.metadata.namespace).toBe('monitoring');
      expect(map.metadata.annotations).toEqual({ grafana_folder: 'ragfleet' });
    }
    const custom = dashboardMaps(
      render({
        set: {
          'metrics.dashboards.enabled': true,
          'metrics.dashboards.label': 'dashboards.example.com/load',
        },
        setString: { 'metrics.dashboards.labelValue': 'yes' },
      }),
    );
    expect(custom).toHaveLength(maps.length);
    for (const map of custom) {
      expect(map.metadata.labels['dashboards.example.com/load']).toBe('yes');
      expect(map.metadata.labels.grafana_dashboard).toBeUndefined();
      expect(map.metadata.namespace).toBe('ragfleet');
    }
  });

  it('refuse values the schema does not know or a namespace Kubernetes would refuse', () => {
    expect(renderError({ set: { 'metrics.dashboards.lable': 'x' } })).toMatch(/lable/);
    expect(renderError({ set: { 'metrics.dashboards.namespace': 'Not_A_Namespace' } })).toMatch(/namespace/);
    expect(renderError({ set: { 'metrics.prometheusRule.extra': true } })).toMatch(/extra/);
  });
});

describe('the ServiceMonitors', () => {
  const monitors = ofKind(prod, 'ServiceMonitor');
  const serviceDown = alertRules().find((rule) => rule.alert === 'RagfleetServiceDown');
  const jobMatcher = /job=~"([^"]+)"/.exec(serviceDown?.expr ?? '')?.[1];

  it('scrape each component from one Service, as job ragfleet-<component>, which RagfleetServiceDown watches', () => {
    expect(jobMatcher).toBeDefined();
    // PromQL regex matchers are anchored at both ends.
    const watched = new RegExp(`^(?:${jobMatcher})$`);
    const jobs: string[] = [];
    for (const monitor of monitors) {
      const services = selectedServices(monitor, prod);
      expect(services.map((service) => service.metadata.name)).toEqual([monitor.metadata.name]);
      for (const endpoint of monitor.spec.endpoints) {
        const job = scrapeJob(monitor, endpoint, services[0] as K8sObject);
        expect(job).toMatch(watched);
        jobs.push(job);
      }
    }
    expect(jobs.sort()).toEqual(COMPONENTS.map((component) => `ragfleet-${component}`).sort());
  });

  it("keep each service's own `service` label (honorLabels), which every dashboard and alert groups by", () => {
    for (const monitor of monitors) {
      for (const endpoint of monitor.spec.endpoints) expect(endpoint).toMatchObject({ honorLabels: true });
    }
  });
});

describe('a chart without its generated files', () => {
  it('fails to render, naming the command that writes them', () => {
    const copy = mkdtempSync(join(tmpdir(), 'ragfleet-chart-'));
    try {
      cpSync(chart, copy, { recursive: true });
      rmSync(join(copy, 'files'), { recursive: true });
      for (const toggle of ['metrics.dashboards.enabled', 'metrics.prometheusRule.enabled']) {
        const run = helm(['template', RELEASE, copy, '--set', `${toggle}=true`]);
        expect(run.status).not.toBe(0);
        expect(run.stderr).toContain('node deploy/grafana/build.ts');
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
