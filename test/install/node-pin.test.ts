import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Node that runs ragfleet is pinned in three places that must agree: the `node`
 * devDependency (what node_modules/.bin/node is), pnpm-workspace.yaml's nodeVersion (what
 * dependencies' engines are checked against, whatever Node runs pnpm), and engines (what the
 * sources need: type stripping on by default, Node 24).
 */
const root = join(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const manifest = JSON.parse(read('package.json')) as {
  engines: { node: string };
  packageManager: string;
  devDependencies: Record<string, string>;
};

function lockedNodeVersion(): string {
  const match = /\n {6}node:\n {8}specifier: [^\n]+\n {8}version: (\S+)/.exec(read('pnpm-lock.yaml'));
  if (!match) throw new Error('pnpm-lock.yaml locks no node devDependency');
  return match[1] as string;
}

describe('the pinned Node', () => {
  it('is the Node that runs the scripts and the tests', () => {
    expect(process.version).toBe(`v${lockedNodeVersion()}`);
  });

  it('is what pnpm checks dependencies against', () => {
    const nodeVersion = /^nodeVersion: (\S+)$/m.exec(read('pnpm-workspace.yaml'))?.[1];
    expect(nodeVersion).toBe(lockedNodeVersion());
  });

  it('satisfies engines, and pnpm is pinned for npm run setup', () => {
    expect(manifest.engines.node).toBe('>=24');
    expect(Number(lockedNodeVersion().split('.')[0])).toBeGreaterThanOrEqual(24);
    expect(manifest.packageManager).toBe(`pnpm@${manifest.devDependencies.pnpm}`);
  });
});
