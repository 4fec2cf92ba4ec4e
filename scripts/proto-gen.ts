// Regenerates the TypeScript types of the gRPC contracts from protos/ with proto-loader-gen-types.
// `--check` generates into a temporary folder and fails when the committed types differ, so that
// a .proto change can never land without its types.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { LOADER_OPTIONS, PROTO_ROOT, SERVICE_PROTOS } from '../packages/protos/src/paths.ts';

const repo = join(import.meta.dirname, '..');
const committed = join(repo, 'packages/protos/src/generated');
const check = process.argv.includes('--check');
const outDir = check ? mkdtempSync(join(tmpdir(), 'ragfleet-protos-')) : committed;

const flags = Object.entries(LOADER_OPTIONS).flatMap(([key, value]) =>
  value === true
    ? [`--${key}`]
    : value === false
      ? []
      : [`--${key}`, typeof value === 'function' ? value.name : String(value)],
);
if (!check) rmSync(committed, { recursive: true, force: true });
execFileSync(
  join(repo, 'packages/protos/node_modules/.bin/proto-loader-gen-types'),
  ['--grpcLib', '@grpc/grpc-js', ...flags, '-I', PROTO_ROOT, '-O', outDir, ...Object.values(SERVICE_PROTOS)],
  { stdio: 'inherit' },
);
stripCheckoutPath(outDir);
writeTypeIndexes(outDir);

if (check) {
  try {
    execFileSync('diff', ['-r', committed, outDir], { stdio: 'inherit' });
    console.log('generated proto types are up to date');
  } catch {
    console.error(`generated proto types are stale: run \`pnpm proto:gen\` (${relative(repo, committed)})`);
    process.exitCode = 1;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
} else {
  console.log(`wrote ${readdirSync(committed).length} entries to ${relative(repo, committed)}`);
}

/** The generator names each source by absolute path; keep the output independent of the checkout. */
function stripCheckoutPath(dir: string): void {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    const cleaned = text.replaceAll(`${PROTO_ROOT}/`, 'protos/');
    if (cleaned !== text) writeFileSync(file, cleaned);
  }
}

/** One module per service re-exporting all of its message and service types. */
function writeTypeIndexes(dir: string): void {
  mkdirSync(join(dir, 'types'), { recursive: true });
  for (const service of Object.keys(SERVICE_PROTOS)) {
    const typesDir = join(dir, 'ragfleet', service, 'v1');
    const lines = readdirSync(typesDir)
      .sort()
      .map((file) => `export type * from '../ragfleet/${service}/v1/${file}';`);
    writeFileSync(join(dir, 'types', `${service}.ts`), `${lines.join('\n')}\n`);
  }
}
