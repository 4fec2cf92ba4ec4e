/*
 * The observability artefacts as the tests read them: alert rules from deploy/prometheus/rules,
 * dashboards from the committed JSON under deploy/grafana/dashboards, promtool from the machine.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const REPO = join(import.meta.dirname, '../..');
export const PROMETHEUS_DIR = join(REPO, 'deploy/prometheus');
export const RULES_DIR = join(PROMETHEUS_DIR, 'rules');
export const RULE_TESTS_DIR = join(PROMETHEUS_DIR, 'tests');
export const DASHBOARD_DIR = join(REPO, 'deploy/grafana/dashboards');

export interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const yamlFiles = (dir: string) =>
  readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => join(dir, file));

export const ruleFiles = () => yamlFiles(RULES_DIR);
export const ruleTestFiles = () => yamlFiles(RULE_TESTS_DIR);

export function alertRules(): AlertRule[] {
  return ruleFiles().flatMap((file) => {
    const { groups } = parse(readFileSync(file, 'utf8')) as { groups: Array<{ rules: AlertRule[] }> };
    return groups.flatMap((group) => group.rules.filter((rule) => rule.alert));
  });
}

/** Alert names that some promtool test expects to fire (a non-empty exp_alerts). */
export function testedFiringAlerts(): Set<string> {
  const fired = new Set<string>();
  for (const file of ruleTestFiles()) {
    const { tests } = parse(readFileSync(file, 'utf8')) as {
      tests: Array<{ alert_rule_test?: Array<{ alertname: string; exp_alerts?: unknown[] }> }>;
    };
    for (const test of tests)
      for (const check of test.alert_rule_test ?? [])
        if ((check.exp_alerts ?? []).length > 0) fired.add(check.alertname);
  }
  return fired;
}

export interface DashboardPanel {
  id: number;
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  gridPos: { h: number; w: number; x: number; y: number };
  targets?: Array<{ refId: string; expr: string; datasource?: { uid: string } }>;
}

export interface Dashboard {
  uid: string;
  title: string;
  schemaVersion: number;
  panels: DashboardPanel[];
  templating: { list: Array<{ name: string; type: string; query: string }> };
}

export function dashboards(): Array<{ file: string; dashboard: Dashboard }> {
  return readdirSync(DASHBOARD_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({
      file,
      dashboard: JSON.parse(readFileSync(join(DASHBOARD_DIR, file), 'utf8')) as Dashboard,
    }));
}

/** Every PromQL expression of every dashboard panel, named by where it is. */
export function dashboardQueries(): Array<{ where: string; expr: string }> {
  return dashboards().flatMap(({ file, dashboard }) =>
    dashboard.panels.flatMap((panel) =>
      (panel.targets ?? []).map((target) => ({
        where: `${file} "${panel.title}" ${target.refId}`,
        expr: target.expr,
      })),
    ),
  );
}

const INSTALL_HINT =
  "promtool is not installed: it comes with Debian's prometheus package " +
  '(apt-get install -y --no-install-recommends prometheus).';

/** Runs promtool; throws with the install line when it is missing, never skips. */
export function promtool(args: string[], cwd = REPO): { status: number; output: string } {
  const result = spawnSync('promtool', args, { cwd, encoding: 'utf8', timeout: 30_000 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT')
    throw new Error(INSTALL_HINT);
  if (result.error) throw result.error;
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}
