/*
 * Writes the dashboards defined in dashboards.ts to deploy/grafana/dashboards/*.json, formatted
 * as the repository formats JSON, so that Grafana can load them as files; and the Helm chart's
 * copies under helm/ragfleet/files/ (of the dashboards and of deploy/prometheus/rules), since Helm
 * reads no file outside its chart. `--check` writes nothing and fails when a written file differs
 * from what it is generated from.
 *
 *   node deploy/grafana/build.ts [--check]
 */
import { readFile, readdir, writeFile, mkdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import { DASHBOARDS } from './dashboards.ts';

const REPO = join(import.meta.dirname, '../..');
export const DASHBOARD_DIR = join(import.meta.dirname, 'dashboards');
export const RULES_DIR = join(REPO, 'deploy/prometheus/rules');
/** Where the chart's templates read them (.Files.Glob): helm/ragfleet/templates/dashboards.yaml and
 * prometheusrule.yaml. */
export const CHART_DASHBOARD_DIR = join(REPO, 'helm/ragfleet/files/dashboards');
export const CHART_RULES_DIR = join(REPO, 'helm/ragfleet/files/prometheus');

/** A dashboard's JSON exactly as it is committed. */
export async function renderDashboard(file: string): Promise<string> {
  const definition = DASHBOARDS[file];
  if (!definition) throw new Error(`no dashboard named ${file} in dashboards.ts`);
  const path = join(DASHBOARD_DIR, file);
  const options = (await prettier.resolveConfig(path)) ?? {};
  return prettier.format(JSON.stringify(definition), { ...options, filepath: path });
}

/** One generated file: where it goes and what it must contain. */
interface Output {
  path: string;
  content: string;
}

const RULES_HEADER = (file: string) =>
  `# Generated from deploy/prometheus/rules/${file} by node deploy/grafana/build.ts: edit that file.\n`;

const ruleFiles = async () => (await readdir(RULES_DIR)).filter((file) => /\.ya?ml$/.test(file)).sort();

async function dashboardOutputs(): Promise<Output[]> {
  const outputs: Output[] = [];
  for (const file of Object.keys(DASHBOARDS)) {
    const content = await renderDashboard(file);
    outputs.push(
      { path: join(DASHBOARD_DIR, file), content },
      { path: join(CHART_DASHBOARD_DIR, file), content },
    );
  }
  return outputs;
}

async function chartRuleOutputs(): Promise<Output[]> {
  const outputs: Output[] = [];
  for (const file of await ruleFiles()) {
    const source = await readFile(join(RULES_DIR, file), 'utf8');
    outputs.push({ path: join(CHART_RULES_DIR, file), content: RULES_HEADER(file) + source });
  }
  return outputs;
}

/** Files in a generated directory that nothing generates any more (a dashboard or rules file removed). */
async function leftovers(dir: string, outputs: Output[], pattern: RegExp): Promise<string[]> {
  const expected = new Set(outputs.map((output) => output.path));
  const present = await readdir(dir).catch(() => [] as string[]);
  return present
    .filter((file) => pattern.test(file))
    .map((file) => join(dir, file))
    .filter((path) => !expected.has(path));
}

async function stale(outputs: Output[], dirs: Array<[string, RegExp]>): Promise<string[]> {
  const paths: string[] = [];
  for (const { path, content } of outputs) {
    const committed = await readFile(path, 'utf8').catch(() => '');
    if (committed !== content) paths.push(path);
  }
  for (const [dir, pattern] of dirs) paths.push(...(await leftovers(dir, outputs, pattern)));
  return paths.map((path) => relative(REPO, path));
}

const DASHBOARD_DIRS: Array<[string, RegExp]> = [
  [DASHBOARD_DIR, /\.json$/],
  [CHART_DASHBOARD_DIR, /\.json$/],
];
const RULE_DIRS: Array<[string, RegExp]> = [[CHART_RULES_DIR, /\.ya?ml$/]];

/** The dashboard files (Grafana's and the chart's), repository-relative, that are not what
 * dashboards.ts defines, or that it no longer defines. */
export async function staleDashboards(): Promise<string[]> {
  return stale(await dashboardOutputs(), DASHBOARD_DIRS);
}

/** The chart's copies of the alert rules that differ from deploy/prometheus/rules. */
export async function staleChartRules(): Promise<string[]> {
  return stale(await chartRuleOutputs(), RULE_DIRS);
}

async function main(): Promise<void> {
  if (process.argv.includes('--check')) {
    const out = [...(await staleDashboards()), ...(await staleChartRules())];
    if (out.length > 0) {
      console.error(`out of date: ${out.join(', ')}; run node deploy/grafana/build.ts`);
      process.exit(1);
    }
    return;
  }
  const outputs = [...(await dashboardOutputs()), ...(await chartRuleOutputs())];
  for (const dir of [DASHBOARD_DIR, CHART_DASHBOARD_DIR, CHART_RULES_DIR])
    await mkdir(dir, { recursive: true });
  for (const [dir, pattern] of [...DASHBOARD_DIRS, ...RULE_DIRS]) {
    for (const path of await leftovers(dir, outputs, pattern)) {
      await rm(path);
      console.log(`removed ${relative(REPO, path)}`);
    }
  }
  for (const { path, content } of outputs) {
    if ((await readFile(path, 'utf8').catch(() => '')) === content) continue;
    await writeFile(path, content);
    console.log(`wrote ${relative(REPO, path)}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
