// Where each fleet process spent its CPU during a benchmark's load: reads the V8 CPU profiles a
// run of rag-latency.ts with BENCH_PROFILE_DIR wrote (one per process, named by pid), keeps only
// the samples inside the fleet's load windows (bench-windows.json: same monotonic clock as V8's
// profile timestamps), and prints per service the top functions by self time and the share of
// CPU under each concern (logging, metrics, gRPC, protobuf, tokens, ...) counted inclusively.
// Run: node scripts/bench/cpu-profile-summary.ts <profile dir> [rag|search|ragHighRate] [top N]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Which concern a stack frame belongs to; a sample counts once for every concern on its stack. */
export const CONCERNS: Array<[name: string, matches: (frame: CallFrame) => boolean]> = [
  [
    'logging (pino)',
    (f) => /\/pino[^/]*\/|packages\/telemetry\/src\/(logger|stdout-destination|pii-mask)/.test(f.url),
  ],
  [
    'metrics (prom-client)',
    (f) => f.url.includes('/prom-client/') || f.url.includes('packages/telemetry/src/metrics'),
  ],
  [
    'tracing (@opentelemetry)',
    (f) => f.url.includes('/@opentelemetry/') || f.url.includes('packages/telemetry/src/tracing'),
  ],
  [
    'request context (AsyncLocalStorage)',
    (f) => /async_hooks|async_local_storage|async_context_frame|request-context/.test(f.url),
  ],
  ['service tokens (packages/grpc/src/auth)', (f) => f.url.includes('packages/grpc/src/auth/')],
  ['crypto (node:crypto)', (f) => f.url.startsWith('node:internal/crypto') || f.url === 'node:crypto'],
  ['gRPC (@grpc/grpc-js)', (f) => f.url.includes('/@grpc/grpc-js/')],
  [
    'protobuf (protobufjs, proto-loader)',
    (f) => /\/(protobufjs|@protobufjs\/[^/]+|@grpc\/proto-loader)\//.test(f.url),
  ],
  ['ragfleet gRPC wrappers (packages/grpc)', (f) => f.url.includes('packages/grpc/src/')],
  ['HTTP server (node:http)', (f) => /^node:(_http|internal\/http(?!2)|http$)/.test(f.url)],
  ['HTTP/2 (node:http2)', (f) => /^node:(internal\/http2|http2$)/.test(f.url)],
  [
    'express (+ router, body parsing)',
    (f) => /\/(express|router|body-parser|raw-body|finalhandler|send|type-is|content-type)\//.test(f.url),
  ],
  ['validation (zod)', (f) => f.url.includes('/zod/')],
  ['streams (node:stream)', (f) => f.url.startsWith('node:internal/streams')],
  ['HNSW (hnswlib-node)', (f) => f.url.includes('/hnswlib-node/') || f.url.includes('hnsw-vector-index')],
  ['BM25 keyword index', (f) => /keyword-index|bm25|analyzer/.test(f.url)],
  ['prompt guard', (f) => f.url.includes('packages/prompt-guard/')],
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
];

/** A short name for where a frame's code lives: a package, a repository file, or a V8 pseudo-frame. */
export function codeArea(frame: CallFrame): string {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const pkg = /node_modules\/(?!.*node_modules\/)((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (pkg) return pkg[1]!;
  const repo = /\/((?:packages|services)\/[^/]+)\/src\/(.*)$/.exec(frame.url);
  if (repo) return `${repo[1]}/${repo[2]}`;
  if (frame.url.startsWith('node:')) return frame.url;
  return frame.url.replace(/^file:\/\//, '');
}

/**
 * Which code a sample's CPU belongs to: the frame nearest the leaf that lives in a package or a
 * repository file. Node's own frames (node:http2, node:crypto, streams) and natives are charged to
 * the code that called them, so HMAC work lands on the token code and HTTP/2 framing on grpc-js;
 * wrappers high on the stack (AsyncLocalStorage.run, spans) get only their own work.
 */
export function owningArea(stack: CallFrame[]): string {
  for (const frame of stack) if (frame.url && !frame.url.startsWith('node:')) return codeArea(frame);
  const leaf = stack[0];
  if (!leaf) return '(unknown)';
  return leaf.functionName.startsWith('(')
    ? leaf.functionName
    : 'node core, no caller (event loop, microtasks)';
}

/** Concerns of owning areas, for the table the performance doc uses; unmatched areas keep their name. */
export const OWNER_GROUPS: Array<[group: string, matches: (area: string) => boolean]> = [
  [
    'logging (pino, packages/telemetry/logger)',
    (a) =>
      /^pino|^@pinojs|^sonic-boom|^thread-stream|telemetry\/(logger|stdout-destination|pii-mask)/.test(a),
  ],
  [
    'metrics (prom-client, packages/telemetry/metrics)',
    (a) => a === 'prom-client' || a.includes('telemetry/metrics') || a.endsWith('/metrics.ts'),
  ],
  [
    'tracing (@opentelemetry, packages/telemetry/tracing)',
    (a) => a.startsWith('@opentelemetry/') || a.includes('telemetry/tracing'),
  ],
  ['request context (packages/telemetry/request-context)', (a) => a.includes('telemetry/request-context')],
  ['service tokens (packages/grpc/auth)', (a) => a.startsWith('packages/grpc/auth/')],
  ['gRPC transport (@grpc/grpc-js)', (a) => a === '@grpc/grpc-js'],
  [
    'protobuf encode/decode (protobufjs, proto-loader)',
    (a) => /^(protobufjs|@protobufjs\/|@grpc\/proto-loader|long$)/.test(a),
  ],
  ['ragfleet gRPC wrappers (packages/grpc client/server/metadata)', (a) => a.startsWith('packages/grpc/')],
  [
    'express (+ router, body parsing)',
    (a) =>
      /^(express|router|body-parser|raw-body|finalhandler|send|type-is|content-type|iconv-lite|on-finished|qs|mime-types|accepts|negotiator)$/.test(
        a,
      ),
  ],
  ['validation (zod)', (a) => a === 'zod'],
  ['prompt guard (packages/prompt-guard)', (a) => a.startsWith('packages/prompt-guard/')],
  ['search: HNSW + vector codec', (a) => /hnsw|vector-codec/.test(a)],
  ['search: BM25, fusion, search service', (a) => /bm25|keyword|fusion|search-service|analyzer|mmr/.test(a)],
  ['gateway own code (routes, admission, NDJSON)', (a) => a.startsWith('services/gateway/')],
  ['generate own code (pipeline, extractive answerer)', (a) => a.startsWith('services/generate/')],
  ['retrieve other own code', (a) => a.startsWith('services/retrieve/')],
  ['router own code', (a) => a.startsWith('services/router/')],
  ['embed own code (cache, handlers)', (a) => a.startsWith('services/embed/')],
  ['other ragfleet packages', (a) => a.startsWith('packages/')],
  ['garbage collection', (a) => a === '(garbage collector)'],
  ['V8/native, no JS frame ((program))', (a) => a === '(program)'],
];

export function ownerGroup(area: string): string {
  return OWNER_GROUPS.find(([, matches]) => matches(area))?.[0] ?? area;
}

export interface ProcessSummary {
  /** Non-idle CPU milliseconds inside the windows. */
  cpuMs: number;
  topSelf: Array<{ function: string; where: string; ms: number; share: number }>;
  bySelfArea: Array<{ area: string; ms: number; share: number }>;
  byConcern: Array<{ concern: string; ms: number; share: number }>;
  /** Exclusive: every sample in exactly one group (see owningArea); sums to 100%. */
  byOwner: Array<{ group: string; ms: number; share: number }>;
  /** The owning areas themselves, finer than the groups. */
  byOwningArea: Array<{ area: string; ms: number; share: number }>;
}

/** Sums one profile's samples inside `windows` ([start, end] µs on the profile's clock). */
export function summarizeProfile(
  profile: CpuProfile,
  windows: Array<[number, number]>,
  top = 25,
): ProcessSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<number, number>();
  let time = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i] ?? 0;
    // A sample stands for the interval until the next one.
    const weight = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (!windows.some(([start, end]) => time >= start && time <= end)) continue;
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + weight);
  }
  let cpuMs = 0;
  const functions = new Map<string, { function: string; where: string; ms: number }>();
  const areas = new Map<string, number>();
  const concerns = new Map<string, number>();
  const owners = new Map<string, number>();
  const owningAreas = new Map<string, number>();
  for (const [id, ms] of self) {
    const node = byId.get(id)!;
    const frame = node.callFrame;
    if (frame.functionName === '(idle)') continue;
    cpuMs += ms;
    const where = `${codeArea(frame)}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    const key = `${frame.functionName}@${where}`;
    const entry = functions.get(key) ?? { function: frame.functionName || '(anonymous)', where, ms: 0 };
    entry.ms += ms;
    functions.set(key, entry);
    areas.set(codeArea(frame), (areas.get(codeArea(frame)) ?? 0) + ms);
    const onStack = new Set<string>();
    const stack: CallFrame[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const stackFrame = byId.get(at)!.callFrame;
      if (stackFrame.functionName !== '(root)') stack.push(stackFrame);
      for (const [concern, matches] of CONCERNS) if (matches(stackFrame)) onStack.add(concern);
    }
    const owner = owningArea(stack);
    owningAreas.set(owner, (owningAreas.get(owner) ?? 0) + ms);
    owners.set(ownerGroup(owner), (owners.get(ownerGroup(owner)) ?? 0) + ms);
    for (const concern of onStack) concerns.set(concern, (concerns.get(concern) ?? 0) + ms);
  }
  const share = (ms: number) => (cpuMs ? ms / cpuMs : 0);
  return {
    cpuMs,
    topSelf: [...functions.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top)
      .map((entry) => ({ ...entry, share: share(entry.ms) })),
    bySelfArea: [...areas]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([area, ms]) => ({ area, ms, share: share(ms) })),
    byConcern: [...concerns]
      .sort((a, b) => b[1] - a[1])
      .map(([concern, ms]) => ({ concern, ms, share: share(ms) })),
    byOwner: [...owners].sort((a, b) => b[1] - a[1]).map(([group, ms]) => ({ group, ms, share: share(ms) })),
    byOwningArea: [...owningAreas]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([area, ms]) => ({ area, ms, share: share(ms) })),
  };
}

if (import.meta.main) {
  const [dir, phase = 'rag', topArg = '25'] = process.argv.slice(2);
  if (!dir) {
    console.error(
      'usage: node scripts/bench/cpu-profile-summary.ts <profile dir> [rag|search|ragHighRate] [top N]',
    );
    process.exit(2);
  }
  const windowsFile = JSON.parse(readFileSync(join(dir, 'bench-windows.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const pids = windowsFile.pids as Record<string, number>;
  const windows = windowsFile[phase] as Array<[number, number]>;
  const services = new Map(Object.entries(pids).map(([service, pid]) => [pid, service]));
  const pct = (share: number) => `${(share * 100).toFixed(1).padStart(5)}%`;
  const summaries: Record<string, ProcessSummary> = {};
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
    // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread.
    const [, , , pid, thread] = file.split('.');
    const service = services.get(Number(pid));
    if (!service) continue;
    const name = thread === '0' ? service : `${service} (worker ${thread})`;
    summaries[name] = summarizeProfile(
      JSON.parse(readFileSync(join(dir, file), 'utf8')),
      windows,
      Number(topArg),
    );
  }
  const total = Object.values(summaries).reduce((sum, summary) => sum + summary.cpuMs, 0);
  console.log(`# ${phase}: ${(total / 1000).toFixed(2)} CPU s in the load windows, all fleet threads\n`);
  for (const [name, summary] of Object.entries(summaries).sort((a, b) => b[1].cpuMs - a[1].cpuMs)) {
    console.log(
      `## ${name}: ${(summary.cpuMs / 1000).toFixed(2)} s (${pct(summary.cpuMs / total).trim()} of the fleet)\n`,
    );
    console.log('owner groups (exclusive: node core and natives charged to their caller):');
    for (const row of summary.byOwner)
      console.log(`  ${pct(row.share)}  ${(row.ms / 1000).toFixed(2).padStart(6)} s  ${row.group}`);
    console.log('owning areas:');
    for (const row of summary.byOwningArea.slice(0, 15)) console.log(`  ${pct(row.share)}  ${row.area}`);
    console.log('concerns (inclusive: on the stack at all; overlap):');
    for (const row of summary.byConcern) console.log(`  ${pct(row.share)}  ${row.concern}`);
    console.log('self time by code area:');
    for (const row of summary.bySelfArea.slice(0, 12)) console.log(`  ${pct(row.share)}  ${row.area}`);
    console.log('top functions by self time:');
    for (const row of summary.topSelf) console.log(`  ${pct(row.share)}  ${row.function}  ${row.where}`);
    console.log('');
  }
}
