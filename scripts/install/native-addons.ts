import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/*
 * Root postinstall: builds the native addons for the Node that runs the services (the `node`
 * devDependency, Node 24, which `node_modules/.bin` puts first on every script's PATH), not for
 * whichever Node ran the package manager. pnpm leaves these packages' own install scripts off
 * (pnpm-workspace.yaml) because, while it installs, which Node those scripts meet depends on the
 * order it links things in. Node's headers come from that same Node package, so nothing is
 * downloaded; a build that is already there and loads is kept.
 */

const root = join(import.meta.dirname, '../..');

/** Each addon, and a workspace package that depends on it (pnpm links it only there). */
const ADDONS = [{ name: 'hnswlib-node', dependent: 'services/retrieve', binary: 'build/Release/addon.node' }];

/** The directory holding include/node/node.h for the running Node, if one is on disk. */
function headersDir(): string | undefined {
  const candidates = [dirname(dirname(process.execPath))];
  try {
    const nodePackage = dirname(createRequire(join(root, 'package.json')).resolve('node/package.json'));
    const platformPackages = join(nodePackage, 'node_modules');
    for (const entry of readdirSync(platformPackages)) candidates.push(join(platformPackages, entry));
  } catch {
    // Not installed through the `node` package: the running Node's own prefix is the candidate.
  }
  return candidates.find((dir) => existsSync(join(dir, 'include', 'node', 'node.h')));
}

function loads(binary: string): boolean {
  const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(binary)})`], {
    stdio: 'ignore',
  });
  return probe.status === 0;
}

const nodeGyp = createRequire(join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
const nodedir = headersDir();
for (const addon of ADDONS) {
  const packageDir = dirname(
    createRequire(join(root, addon.dependent, 'package.json')).resolve(`${addon.name}/package.json`),
  );
  const binary = join(packageDir, addon.binary);
  if (existsSync(binary) && loads(binary)) continue;
  console.log(`building ${addon.name} for Node ${process.version}…`);
  const build = spawnSync(
    process.execPath,
    [nodeGyp, 'rebuild', ...(nodedir ? [`--nodedir=${nodedir}`] : [])],
    { cwd: packageDir, encoding: 'utf8' },
  );
  if (build.status !== 0 || !loads(binary)) {
    process.stderr.write(`${build.stdout}\n${build.stderr}`.split('\n').slice(-30).join('\n'));
    console.error(
      `\n${addon.name} did not build for Node ${process.version}: it needs python3, make and a C++ compiler (on Debian: apt install python3 make g++)`,
    );
    process.exit(1);
  }
}
