import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** Runs the chart's helm (from scripts/install/helm.ts) and parses what `helm template` renders. */

export const root = join(import.meta.dirname, '../..');
export const chart = join(root, 'helm', 'ragfleet');
export const INSTALL_COMMAND = 'node scripts/install/helm.ts';

/** The helm binary: $HELM_BIN, else .tools/helm/helm. Missing is a failure, never a skip. */
export function helmBinary(): string {
  const binary = process.env.HELM_BIN || join(root, '.tools', 'helm', 'helm');
  if (!existsSync(binary)) {
    throw new Error(`helm is not installed at ${binary}: run \`${INSTALL_COMMAND}\` (or set HELM_BIN)`);
  }
  return binary;
}

export interface HelmRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function helm(args: string[]): HelmRun {
  const result = spawnSync(helmBinary(), args, { cwd: root, encoding: 'utf8', timeout: 30_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A value set: files under helm/ragfleet/ci, --set overrides (typed as helm reads them), and
 * --set-string ones (env values are strings). */
export interface ValueSet {
  files?: string[];
  set?: Record<string, string | number | boolean>;
  setString?: Record<string, string>;
  /** --set-json: numbers stay numbers (--set reads 0.25 as a string) and lists stay lists. */
  json?: Record<string, unknown>;
}

export function valueArgs({ files = [], set = {}, setString = {}, json = {} }: ValueSet): string[] {
  return [
    ...files.flatMap((file) => ['-f', join(chart, 'ci', file)]),
    ...Object.entries(set).flatMap(([path, value]) => ['--set', `${path}=${value}`]),
    ...Object.entries(setString).flatMap(([path, value]) => ['--set-string', `${path}=${value}`]),
    ...Object.entries(json).flatMap(([path, value]) => ['--set-json', `${path}=${JSON.stringify(value)}`]),
  ];
}

/** Fields the tests read ad hoc: a full type per kind would add nothing they check. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

/** A rendered Kubernetes object, loosely typed. */
export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string } & Loose } & Loose;

export const RELEASE = 'rf';

/** Renders the chart (release `rf`, namespace `ragfleet`) and returns every object, tests included. */
export function render(values: ValueSet = {}): K8sObject[] {
  const run = helm(['template', RELEASE, chart, '--namespace', 'ragfleet', ...valueArgs(values)]);
  if (run.status !== 0) throw new Error(`helm template failed:\n${run.stderr}`);
  return parseAllDocuments(run.stdout)
    .map((document) => {
      if (document.errors.length > 0)
        throw new Error(`helm rendered invalid YAML: ${document.errors[0]?.message}`);
      return document.toJS() as K8sObject | null;
    })
    .filter((object): object is K8sObject => object !== null);
}

/** The message of a render that must fail. */
export function renderError(values: ValueSet): string {
  const run = helm(['template', RELEASE, chart, ...valueArgs(values)]);
  if (run.status === 0) throw new Error('helm template succeeded, but these values contradict each other');
  return run.stderr;
}

export function find(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} rendered`);
  return found;
}
