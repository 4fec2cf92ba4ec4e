import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { generateDemoNodes } from '../../packs/lightning/demo-nodes.ts';

/*
 * `ragfleet demo`, `recommend` and `mark` as a user runs them: the real CLI process against a
 * fake gateway that answers the shapes docs/api-recommendations.md documents and records what it
 * was sent.
 */

const REPO = resolve(import.meta.dirname, '../../..');
const MAIN = join(REPO, 'packages/cli/src/main.ts');
const HANDBOOK = 'packages/packs/lightning/guide/node-operator-handbook.md';

interface Seen {
  method: string;
  url: string;
  body: unknown;
}

let server: Server;
let url: string;
let seen: Seen[] = [];
/** The tenant's subjects, by id: a demo run meets ids created before it. */
let subjects = new Map<string, { id: string; pack: string; name: string }>();
let jobPolls = 0;

const LONG_REASONING =
  'The channel to the peer has held 95 % of its balance locally for a month, so outbound routes starve; moving half out earns the fees it turns away.';

function recommendation(id: string, source: string, score: number, action: string, reasoning: string) {
  return {
    id,
    category: 'liquidity',
    action,
    target: 'channel:ch1',
    description: `${action} on ch1`,
    source,
    rule_ids: source === 'rule' ? ['liquidity.depleted'] : [],
    score,
    priority: score >= 70 ? 'HIGH' : 'MEDIUM',
    confidence: 0.8,
    reasoning,
    weights_version: 'seed-1',
    grounding: source === 'model' ? [HANDBOOK] : [],
  };
}

const RULES = [
  recommendation('rec-rule-1', 'rule', 73, 'rebalance_out', LONG_REASONING),
  recommendation('rec-rule-2', 'rule', 41.25, 'lower_fee', '41/100: small revenue impact'),
];
const MODEL = [recommendation('rec-model-1', 'model', 58.5, 'open_channel', 'the handbook says so')];

const subjectJson = (id: string) => ({
  id,
  pack: 'lightning',
  name: subjects.get(id)?.name ?? id,
  labels: {},
  created_at: '2026-03-01T12:00:00Z',
  metrics_observed_at: null,
  snapshot_count: 0,
});

function streamEvents(id: string, includeModel: boolean): unknown[] {
  const events: unknown[] = [
    { type: 'status', progress: 0, stage: 'started', message: 'reading the subject' },
    {
      type: 'subject_info',
      progress: 25,
      subject: subjectJson(id),
      context: { health: 0.7, network_conditions: null, metric_completeness: null },
      summary: { 'node.capacity_sat': 5_000_000 },
    },
  ];
  // The upstream breaks off after the subject: the gateway ends the stream with an error line.
  if (id === 'node-cut')
    return [
      ...events,
      {
        type: 'error',
        progress: null,
        error: { code: 'UPSTREAM_TIMEOUT', message: 'The stream went silent.', retryable: true },
      },
    ];
  return [
    ...events,
    {
      type: 'rule_recommendations',
      progress: 50,
      recommendations: RULES,
      dropped: 0,
      merged: 1,
      error: null,
    },
    {
      type: 'ai_recommendations',
      progress: 90,
      recommendations: includeModel ? MODEL : [],
      dropped: includeModel ? 1 : 0,
      merged: 0,
      error: null,
    },
    {
      type: 'complete',
      progress: 100,
      total: RULES.length + (includeModel ? MODEL.length : 0),
      weights_version: 'seed-1',
      rule_pack_version: '1',
      elapsed_ms: 412,
    },
  ];
}

const error = (status: number, code: string, message: string) => ({
  status,
  json: { error: { code, message } },
});

function answer(
  request: IncomingMessage,
  body: unknown,
): { status: number; json?: unknown; ndjson?: unknown[] } {
  const { pathname, searchParams } = new URL(request.url ?? '/', 'http://gateway');
  const route = `${request.method} ${pathname}`;
  if (route === 'POST /v1/documents') {
    return { status: 202, json: { job: { id: 'job-h', state: 'queued', chunks_indexed: 0, error: null } } };
  }
  if (route === 'GET /v1/jobs/job-h') {
    // Running at the first poll, done at the second: the demo must wait for the handbook.
    jobPolls++;
    const state = jobPolls < 2 ? 'running' : 'succeeded';
    return {
      status: 200,
      json: { job: { id: 'job-h', state, chunks_indexed: jobPolls < 2 ? 0 : 9, error: null } },
    };
  }
  if (route === 'POST /v1/subjects') {
    const input = body as { id: string; pack: string; name: string };
    if (subjects.has(input.id)) return error(409, 'CONFLICT', `Subject "${input.id}" already exists.`);
    subjects.set(input.id, input);
    return { status: 201, json: { subject: subjectJson(input.id) } };
  }
  const subject = /^\/v1\/subjects\/([^/]+)(\/metrics|\/recommendations)?$/.exec(pathname);
  if (subject) {
    const id = decodeURIComponent(subject[1]!);
    if (id === 'node-down')
      return error(503, 'SERVICE_UNAVAILABLE', 'The recommendation scorer is not available.');
    if (!subjects.has(id)) return error(404, 'NOT_FOUND', `Subject "${id}" does not exist.`);
    if (request.method === 'GET' && subject[2] === undefined)
      return { status: 200, json: { subject: subjectJson(id), latest: null } };
    if (request.method === 'PUT' && subject[2] === '/metrics')
      return { status: 200, json: { subject: subjectJson(id) } };
    if (request.method === 'GET' && subject[2] === '/recommendations') {
      const includeModel = searchParams.get('include_model') !== 'false';
      const events = streamEvents(id, includeModel);
      if (searchParams.get('stream') === 'true') return { status: 200, ndjson: events };
      const complete = events.at(-1) as { total: number };
      return {
        status: 200,
        json: {
          subject: subjectJson(id),
          context: { health: 0.7, network_conditions: null, metric_completeness: null },
          recommendations: [...RULES, ...(includeModel ? MODEL : [])].sort((a, b) => b.score - a.score),
          total: complete.total,
          weights_version: 'seed-1',
          rule_pack_version: '1',
          dropped: 1,
          merged: 1,
          sources: {
            rules: { dropped: 0, merged: 1, error: null },
            model: { dropped: 1, merged: 0, error: null },
          },
          elapsed_ms: 412,
        },
      };
    }
  }
  const move = /^\/v1\/recommendations\/([^/]+)\/(shown|applied|dismissed)$/.exec(pathname);
  if (request.method === 'POST' && move) {
    const [, id, stage] = move;
    if (id === 'rec-applied' && stage === 'dismissed')
      return error(409, 'FAILED_PRECONDITION', 'An applied recommendation cannot be dismissed.');
    if (id !== 'rec-rule-1' && id !== 'rec-applied')
      return error(404, 'NOT_FOUND', `Recommendation "${id}" does not exist.`);
    return {
      status: 200,
      json: {
        record: {
          recommendation: RULES[0],
          stage,
          history: [{ stage, at: '2026-03-01T12:00:00Z', actor: 'user-1' }],
          measure_due_at: stage === 'applied' ? '2026-03-08T12:00:00.000Z' : null,
          outcome: null,
        },
      },
    };
  }
  return error(404, 'ROUTE_NOT_FOUND', 'no');
}

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(RAGFLEET_|GATEWAY_URL|INIT_CWD)/.test(name)),
    );
    execFile(
      process.execPath,
      [MAIN, ...args],
      { cwd: REPO, env: { ...clean, RAGFLEET_URL: url }, timeout: 20_000 },
      (failure, stdout, stderr) => {
        const code = failure ? Number((failure as { code?: unknown }).code ?? 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

const requests = () => seen.map((request) => `${request.method} ${request.url}`);

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body: unknown = text ? JSON.parse(text) : undefined;
      seen.push({ method: request.method ?? '', url: request.url ?? '', body });
      const { status, json, ndjson } = answer(request, body);
      if (ndjson) {
        response
          .writeHead(status, { 'content-type': 'application/x-ndjson' })
          .end(ndjson.map((event) => `${JSON.stringify(event)}\n`).join(''));
        return;
      }
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((closed) => server.close(closed));
});

beforeEach(() => {
  seen = [];
  jobPolls = 0;
  subjects = new Map([
    ['node-a', { id: 'node-a', pack: 'lightning', name: 'amber-relay' }],
    ['node-cut', { id: 'node-cut', pack: 'lightning', name: 'cut' }],
  ]);
});

describe('ragfleet demo lightning', () => {
  it('indexes the handbook, then creates the seeded nodes with their metrics, reusing an existing id', async () => {
    const nodes = generateDemoNodes(7, 3);
    const existing = nodes[1]!;
    subjects.set(existing.pubkey, { id: existing.pubkey, pack: 'lightning', name: existing.alias });

    const result = await runCli(['demo', 'lightning', '--nodes', '3', '--seed', '7']);
    expect(result.stderr).not.toContain('CONFLICT');
    expect(result.code).toBe(0);

    const ingest = seen.find((request) => request.url === '/v1/documents');
    const document = (ingest?.body as { documents: Array<{ id: string; text: string }> }).documents[0]!;
    expect(document.id).toBe(HANDBOOK);
    expect(document.text).toContain('# Lightning node operator handbook');
    // The subjects come only after the handbook's job finished: their model suggestions need it.
    const firstSubject = requests().indexOf('POST /v1/subjects');
    expect(requests().slice(0, firstSubject)).toEqual([
      'POST /v1/documents',
      'GET /v1/jobs/job-h',
      'GET /v1/jobs/job-h',
    ]);

    const created = seen.filter((request) => request.url === '/v1/subjects').map((request) => request.body);
    expect(created).toEqual(nodes.map((node) => ({ id: node.pubkey, pack: 'lightning', name: node.alias })));
    for (const node of nodes) {
      const put = seen.find(
        (request) => request.method === 'PUT' && request.url === `/v1/subjects/${node.pubkey}/metrics`,
      );
      expect(put?.body).toEqual({ metrics: node.metrics.subject, collections: node.metrics.collections });
    }
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    nodes.forEach((node, i) => {
      expect(lines[i]).toContain(node.pubkey);
      expect(lines[i]).toContain(node.alias);
      expect(lines[i]).toContain(`${node.metrics.collections.channel!.length} channels`);
    });
    expect(lines[1]).toContain('(existing)');
    expect(lines[0]).not.toContain('(existing)');
    expect(result.stderr).toContain(`ragfleet recommend ${nodes[0]!.pubkey}`);
  });

  it('makes five nodes from seed 1 by default', async () => {
    const result = await runCli(['demo', 'lightning']);
    expect(result.code).toBe(0);
    const created = seen
      .filter((request) => request.url === '/v1/subjects')
      .map((request) => (request.body as { id: string }).id);
    expect(created).toEqual(generateDemoNodes(1, 5).map((node) => node.pubkey));
  });
});

describe('ragfleet recommend', () => {
  it('shows each stage on stderr, then the rule and model recommendations best first with their ids', async () => {
    const result = await runCli(['recommend', 'node-a']);
    expect(result.code).toBe(0);
    expect(seen.map((request) => request.url)).toEqual([
      '/v1/subjects/node-a/recommendations?stream=true&include_model=true',
    ]);
    expect(result.stderr).toContain('[0%] started: reading the subject');
    expect(result.stderr).toContain('[25%] amber-relay (lightning): health 70 %');
    expect(result.stderr).toContain('[50%] 2 rule candidates (1 merged)');
    expect(result.stderr).toContain('[90%] 1 model candidate (1 dropped)');
    expect(result.stderr).toContain('[100%] 3 recommendations in 412 ms (weights seed-1, rule pack 1)');

    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^#\s+score\s+priority\s+action\s+target\s+source\s+reasoning$/);
    // Ranked across both sources: the model's 58.5 sits between the rules' 73 and 41.25.
    expect(lines[1]).toMatch(/^1\s+73\.0\s+HIGH\s+rebalance_out\s+channel:ch1\s+rule\s+The channel/);
    expect(lines[2]).toMatch(
      /^2\s+58\.5\s+MEDIUM\s+open_channel\s+channel:ch1\s+model\s+the handbook says so$/,
    );
    expect(lines[3]).toMatch(/^3\s+41\.3\s+MEDIUM\s+lower_fee/);
    // Long reasoning is cut to keep a row on one line, and says it was cut.
    expect(lines[1]).toContain('…');
    expect(lines[1]).not.toContain('turns away');
    expect(result.stdout).toMatch(
      /\n1\s+rec-rule-1\s+seed-1\n2\s+rec-model-1\s+seed-1\n3\s+rec-rule-2\s+seed-1\n$/,
    );
  });

  it('asks for rules only with --no-model, and passes --limit', async () => {
    const result = await runCli(['recommend', 'node-a', '--no-model', '--limit', '3']);
    expect(result.code).toBe(0);
    expect(seen[0]?.url).toBe('/v1/subjects/node-a/recommendations?stream=true&include_model=false&limit=3');
    expect(result.stderr).toContain('model skipped (--no-model)');
    expect(result.stdout).not.toContain('rec-model-1');
  });

  it('prints the plain JSON answer with --json', async () => {
    const result = await runCli(['recommend', 'node-a', '--json']);
    expect(result.code).toBe(0);
    expect(seen[0]?.url).toBe('/v1/subjects/node-a/recommendations?stream=false&include_model=true');
    const parsed = JSON.parse(result.stdout) as { recommendations: Array<{ id: string }>; total: number };
    expect(parsed.total).toBe(3);
    expect(parsed.recommendations.map((r) => r.id)).toEqual(['rec-rule-1', 'rec-model-1', 'rec-rule-2']);
    expect(result.stderr).toBe('');
  });

  it.each([
    ['nope', 'ragfleet: NOT_FOUND: Subject "nope" does not exist.'],
    ['node-down', 'ragfleet: SERVICE_UNAVAILABLE: The recommendation scorer is not available.'],
    ['node-cut', 'ragfleet: UPSTREAM_TIMEOUT: The stream went silent.'],
  ])('reports %s in one line, exits 1 and prints no table', async (subject, message) => {
    const result = await runCli(['recommend', subject]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toBe(message);
    expect(result.stdout).toBe('');
  });
});

describe('ragfleet mark', () => {
  it('applies a recommendation with a note and prints its stage and when it is measured', async () => {
    const result = await runCli(['mark', 'rec-rule-1', 'applied', '--note', 'rebalanced 2M sat']);
    expect(result.code).toBe(0);
    expect(requests()).toEqual(['POST /v1/recommendations/rec-rule-1/applied']);
    expect(seen[0]?.body).toEqual({ note: 'rebalanced 2M sat' });
    expect(result.stdout.trim()).toBe('rec-rule-1: applied (measure due 2026-03-08T12:00:00.000Z)');
  });

  it('marks one shown without a note', async () => {
    const result = await runCli(['mark', 'rec-rule-1', 'shown']);
    expect(result.code).toBe(0);
    expect(seen[0]?.body).toEqual({});
    expect(result.stdout.trim()).toBe('rec-rule-1: shown');
  });

  it("reports a move the lifecycle forbids with the gateway's message and exits 1", async () => {
    const result = await runCli(['mark', 'rec-applied', 'dismissed']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'ragfleet: FAILED_PRECONDITION: An applied recommendation cannot be dismissed.',
    );
  });
});

describe('arguments typed wrong', () => {
  it.each([
    [['mark', 'rec-rule-1', 'maybe'], 'usage: ragfleet mark <recommendation-id> shown|applied|dismissed'],
    [['mark', 'rec-rule-1'], 'usage: ragfleet mark'],
    [['mark', 'rec-rule-1', 'shown', 'extra'], 'usage: ragfleet mark'],
    [['mark', 'rec-rule-1', 'shown', '--note', 'LONG_NOTE'], '--note must be at most 2000 characters'],
    [['recommend'], 'usage: ragfleet recommend <subject>'],
    [['recommend', 'a', 'b'], 'usage: ragfleet recommend <subject>'],
    [['recommend', 'node-a', '--limit', '0'], '--limit must be an integer from 1 to 100'],
    [['demo'], 'usage: ragfleet demo lightning'],
    [['demo', 'bitcoin'], 'the only demo pack is "lightning", got "bitcoin"'],
    [['demo', 'lightning', '--nodes', 'many'], '--nodes must be an integer from 1 to 100'],
    [['demo', 'lightning', '--seed=-1'], '--seed must be a non-negative integer'],
    [['demo', 'lightning', '--seed', '1.5'], '--seed must be a non-negative integer'],
    [['recommend', 'node-a', '--bogus'], "Unknown option '--bogus'"],
    // The first commands keep the same rule: typed wrong is 2, refused by the gateway is 1.
    [['ask'], 'usage: ragfleet ask "question"'],
    [['search'], 'usage: ragfleet search "query"'],
    [['get'], 'usage: ragfleet get <document id>'],
    [['ingest'], 'usage: ragfleet ingest <files or dirs...>'],
    [['search', 'x', '--filter', 'nokey'], '--filter expects key=value, got "nokey"'],
    [['search', 'x', '--k', '0'], '--k must be a positive integer'],
    [['frobnicate'], 'unknown command "frobnicate"'],
  ])('%j exits 2 with the usage and calls nothing', async (args, message) => {
    args = args.map((arg) => (arg === 'LONG_NOTE' ? 'x'.repeat(2001) : arg));
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(seen).toHaveLength(0);
  });

  it('lists the new commands in --help', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['demo lightning', 'recommend <subject>', 'mark <id> shown|applied|dismissed'])
      expect(result.stdout).toContain(command);
  });
});
