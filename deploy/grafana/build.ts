/*
 * Writes the dashboards defined in dashboards.ts to deploy/grafana/dashboards/*.json, formatted
 * as the repository formats JSON, so that Grafana (or the chart's ConfigMaps) can load them as
 * files. `--check` writes nothing and fails when a committed file differs from its definition.
 *
 *   node deploy/grafana/build.ts [--check]
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import { DASHBOARDS } from './dashboards.ts';

export const DASHBOARD_DIR = join(import.meta.dirname, 'dashboards');

/** A dashboard's JSON exactly as it is committed. */
export async function renderDashboard(file: string): Promise<string> {
  const definition = DASHBOARDS[file];
  if (!definition) throw new Error(`no dashboard named ${file} in dashboards.ts`);
  const path = join(DASHBOARD_DIR, file);
  const options = (await prettier.resolveConfig(path)) ?? {};
  return prettier.format(JSON.stringify(definition), { ...options, filepath: path });
}

/** The files whose committed content is not what dashboards.ts defines. */
export async function staleDashboards(): Promise<string[]> {
  const stale: string[] = [];
  for (const file of Object.keys(DASHBOARDS)) {
    const committed = await readFile(join(DASHBOARD_DIR, file), 'utf8').catch(() => '');
    if (committed !== (await renderDashboard(file))) stale.push(file);
  }
  return stale;
}

async function main(): Promise<void> {
  if (process.argv.includes('--check')) {
    const stale = await staleDashboards();
    if (stale.length > 0) {
      console.error(`out of date: ${stale.join(', ')}; run node deploy/grafana/build.ts`);
      process.exit(1);
    }
    return;
  }
  await mkdir(DASHBOARD_DIR, { recursive: true });
  for (const file of Object.keys(DASHBOARDS)) {
    await writeFile(join(DASHBOARD_DIR, file), await renderDashboard(file));
    console.log(`wrote deploy/grafana/dashboards/${file}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
