import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';

/*
 * docs/metrics.md lists every metric the services define, and nothing they do not: a metric added
 * in code without a line there (or a line left for one removed) fails here.
 */

const REPO = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'test' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.includes('contract')
      ? [path]
      : [];
  });
}

/** Names passed to counter/histogram/gauge/observedGauge (`'ragfleet_x', 'help'`) or prom-client's `name:`. */
function definedMetrics(): Map<string, string> {
  const defined = new Map<string, string>();
  const files = ['services', 'packages'].flatMap((root) =>
    readdirSync(join(REPO, root)).flatMap((name) => {
      try {
        return sources(join(REPO, root, name, 'src'));
      } catch {
        return [];
      }
    }),
  );
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/'(ragfleet_[a-z0-9_]+)'\s*,\s*['"`]/g)) {
      defined.set(match[1] as string, relative(REPO, file));
    }
    for (const match of text.matchAll(/name:\s*'(ragfleet_[a-z0-9_]+)'/g))
      defined.set(match[1] as string, relative(REPO, file));
  }
  return defined;
}

describe('docs/metrics.md', () => {
  const documented = new Set(
    [...readFileSync(join(REPO, 'docs/metrics.md'), 'utf8').matchAll(/^\| `(ragfleet_[a-z0-9_]+)`/gm)].map(
      (match) => match[1] as string,
    ),
  );
  const defined = definedMetrics();

  it('lists every metric a service defines', () => {
    const missing = [...defined]
      .filter(([name]) => !documented.has(name))
      .map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
    expect(defined.size).toBeGreaterThan(50);
  });

  it('lists no metric that no service defines', () => {
    expect([...documented].filter((name) => !defined.has(name))).toEqual([]);
  });
});
