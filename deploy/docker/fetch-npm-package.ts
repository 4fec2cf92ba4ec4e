import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Fetches npm packages at the versions pnpm-lock.yaml pins, checks each tarball against the
 * lockfile's integrity, and unpacks it to <into>/node_modules/<name>: how the image build gets
 * pnpm itself before anything is installed (the base image has Node but no npm). Run by the
 * Dockerfile's toolchain stage as
 *   node fetch-npm-package.ts <lockfile> <into> <name>@<version>...
 * The registry is NPM_REGISTRY (default the public one); Node trusts NODE_EXTRA_CA_CERTS.
 */

const [lockfilePath, into, ...specs] = process.argv.slice(2);
if (!lockfilePath || !into || specs.length === 0) {
  console.error('usage: node fetch-npm-package.ts <pnpm-lock.yaml> <into> <name>@<version>...');
  process.exit(2);
}
const registry = (process.env.NPM_REGISTRY || 'https://registry.npmjs.org/').replace(/\/?$/, '/');
const lockfile = readFileSync(lockfilePath, 'utf8');

/** The lockfile's `resolution: {integrity: ...}` of name@version, or a failure naming the entry. */
function lockedIntegrity(name: string, version: string): string {
  const key = name.startsWith('@') ? `'${name}@${version}'` : `${name}@${version}`;
  const entry = new RegExp(
    `^  ${key.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\n    resolution: \\{integrity: (\\S+)\\}`,
    'm',
  );
  const match = entry.exec(lockfile);
  if (!match?.[1]) throw new Error(`${name}@${version} is not in ${lockfilePath}: the lockfile must pin it`);
  return match[1];
}

for (const spec of specs) {
  const at = spec.lastIndexOf('@');
  const name = spec.slice(0, at);
  const version = spec.slice(at + 1);
  if (at <= 0 || !version) throw new Error(`${spec}: expected <name>@<version>`);
  const integrity = lockedIntegrity(name, version);
  const url = `${registry}${name}/-/${name.split('/').pop()}-${version}.tgz`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const tarball = Buffer.from(await response.arrayBuffer());
  const [algorithm, expected] = integrity.split(/-(.*)/s);
  const actual = createHash(algorithm ?? 'sha512')
    .update(tarball)
    .digest('base64');
  if (actual !== expected)
    throw new Error(`${url}: integrity ${algorithm}-${actual}, lockfile says ${integrity}`);
  const target = join(into, 'node_modules', name);
  mkdirSync(target, { recursive: true });
  const file = join(into, `${name.replace('/', '+')}-${version}.tgz`);
  writeFileSync(file, tarball);
  const untar = spawnSync('tar', ['-xzf', file, '-C', target, '--strip-components=1'], { stdio: 'inherit' });
  if (untar.status !== 0) throw new Error(`tar could not unpack ${file}`);
  rmSync(file);
  console.log(`fetched ${name}@${version} (${(tarball.length / 1e6).toFixed(1)} MB, integrity checked)`);
}
