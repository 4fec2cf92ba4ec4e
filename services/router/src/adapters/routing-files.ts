import { readFileSync } from 'node:fs';
import { routingConfigProblems, parseRoutingConfig, type RoutingConfig } from '../domain/routing-config.ts';

/** A problem with one of the router's files, named by the variable that points at it. */
export class RoutingFileError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(issues.join('; '));
    this.name = 'RoutingFileError';
    this.issues = issues;
  }
}

function read(variable: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new RoutingFileError([`${variable}: cannot read ${path}: ${(error as Error).message}`]);
  }
}

/** The weights, saturations, class thresholds and quality bars, validated. */
export function loadRoutingConfigFile(path: string): RoutingConfig {
  const text = read('ROUTER_WEIGHTS_FILE', path);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new RoutingFileError([`ROUTER_WEIGHTS_FILE: ${path} is not JSON: ${(error as Error).message}`]);
  }
  const problems = routingConfigProblems(document);
  if (problems.length > 0) {
    throw new RoutingFileError(problems.map((problem) => `ROUTER_WEIGHTS_FILE: ${path}: ${problem}`));
  }
  return parseRoutingConfig(document);
}

/** One term per line; blank lines and lines starting with # are ignored. */
export function loadDomainTermsFile(path: string): string[] {
  const terms = read('ROUTER_DOMAIN_TERMS_FILE', path)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (terms.length === 0) throw new RoutingFileError([`ROUTER_DOMAIN_TERMS_FILE: ${path} lists no term`]);
  return terms;
}
