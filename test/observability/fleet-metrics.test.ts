import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { waitFor } from '@ragfleet/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FLEET_SERVICES, startFleet, type Fleet, type FleetService } from '../../scripts/fleet-runner.ts';
import { alertRules, dashboardQueries } from './artefacts.ts';
import { exportedNames, metricNames } from './promql-names.ts';
import { runSessionWorkload } from './session-workload.ts';

/**
 * No panel and no alert may read a metric the fleet does not export. The whole fleet runs as
 * `pnpm start` runs it (processes, service tokens; embedded caches and budgets, no Redis; the
 * local NATS in a namespace of its own, so generate's generation.completed reaches the router's
 * ledger), serves one ingest, searches, one streamed answer and the same question again (a
 * response-cache hit), one WebSocket ask, one refused search, a tenant budget set through
 * /v1/admin/budgets and a conversation (turns enough for a rolling summary, a resume), and then
 * every service's /metrics is scraped: every name in every dashboard query and alert rule must be
 * among what they export.
 */
const KEY = 'rf_observability_key_0123456789';
const ADMIN_TOKEN = 'rf_observability_admin_token_0123';
/** The key's tenant (fixtures/api-keys.yaml), given a day budget by the workload. */
const TENANT = 'observability';
const NATS_NAMESPACE = `obs_${process.pid}_${Date.now()}`;
/**
 * Routing metrics this workload cannot give a sample, and why; every other routing metric a
 * dashboard or alert reads must have one. Each is still exported (its # TYPE line is checked).
 */
const ROUTING_WITHOUT_SAMPLES: Record<string, string> = {
  ragfleet_router_budget_thresholds_total:
    'the extractive provider answers at 0 USD, so no budget ever reaches 80 % (tested in services/router)',
  ragfleet_router_catalog_reloads_total:
    'counted when the catalog file changes, which it does not during the run (tested in services/router)',
  ragfleet_router_skipped_total:
    'nothing is left out of a chain here: a premium caller (no tier limit), 0 USD answers (no budget pressure), no open breaker, short prompts (tested in services/router)',
};
/** Made by Prometheus itself for every scrape target, not by a service. */
const PROMETHEUS_SERIES = new Set(['up']);
const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-observability-'));
const logs: string[] = [];
/** Four turns, eight messages: past the summary trigger below, so one fold runs. */
const SESSION_TURNS = 4;
let fleet: Fleet;
const expositions = new Map<FleetService, string>();

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(`${fleet.gatewayUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}`, ...headers },
    body: JSON.stringify(body),
  });
  if (response.status !== 200)
    throw new Error(
      `${path} answered ${response.status}: ${await response.text()}\n${logs.slice(-20).join('\n')}`,
    );
  return response;
}

/** One WebSocket ask, with the key as a subprotocol (as a browser sends it); resolves with its last event. */
function askOverWebSocket(query: string): Promise<{ type: string }> {
  const url = `${fleet.gatewayUrl.replace(/^http/, 'ws')}/v1/ws`;
  const socket = new WebSocket(url, ['ragfleet.v1', `bearer.${KEY}`]);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer over the WebSocket within 20 s')), 20_000);
    socket.addEventListener('open', () => socket.send(JSON.stringify({ type: 'rag', id: 'ask-1', query })));
    socket.addEventListener('message', (message) => {
      const event = JSON.parse(String(message.data)) as { type: string; id?: string };
      if (event.id === 'ask-1' && (event.type === 'done' || event.type === 'error')) {
        clearTimeout(timer);
        socket.close();
        resolve(event);
      }
    });
    socket.addEventListener('error', () => reject(new Error('WebSocket error')));
  });
}

beforeAll(async () => {
  fleet = await startFleet({
    freePorts: true,
    dataDir,
    readyTimeoutMs: 60_000,
    env: {
      REDIS_URL: '',
      NATS_URL: process.env.NATS_URL || 'nats://127.0.0.1:4222',
      NATS_NAMESPACE,
      GATEWAY_ADMIN_TOKEN: ADMIN_TOKEN,
      EMBED_WORKERS: '1',
      // A fold after three turns (six messages) instead of 45 messages, so the workload has a summary.
      SESSION_SUMMARY_TRIGGER_MESSAGES: '6',
      SESSION_SUMMARY_BATCH_MESSAGES: '2',
      GATEWAY_API_KEYS_FILE: join(import.meta.dirname, 'fixtures/api-keys.yaml'),
      LOG_LEVEL: 'warn',
    },
    logSink: (service, line) => {
      logs.push(`${service}: ${line}`);
    },
  });
  await post('/v1/documents?wait=true&timeout_ms=30000', {
    documents: [
      {
        id: 'breakers',
        title: 'Circuit breakers',
        text: 'A circuit breaker skips a failing model provider at once. After a pause it lets one trial call through.',
      },
      {
        id: 'caches',
        title: 'Embedding cache',
        text: 'The embedding cache keeps vectors of texts already seen, so a repeated text costs no model call.',
      },
    ],
  });
  await post('/v1/search', { query: 'what does a circuit breaker do', k: 2 });
  await post('/v1/search', { query: 'embedding cache', k: 2, mode: 'keyword' });
  await (await post('/v1/rag', { query: 'What does a circuit breaker do?', stream: true })).text();
  // The same question again: the response cache answers it (a hit), and the ledger records both.
  const again = (await (await post('/v1/rag', { query: 'What does a circuit breaker do?' })).json()) as {
    cached?: boolean;
  };
  expect(again).toMatchObject({ cached: true });
  const budget = await fetch(`${fleet.gatewayUrl}/v1/admin/budgets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ tenant: TENANT, period: 'day', limit_usd: 5 }),
  });
  expect({ status: budget.status, body: budget.status === 201 ? '' : await budget.text() }).toEqual({
    status: 201,
    body: '',
  });
  expect(await askOverWebSocket('What does the embedding cache keep?')).toMatchObject({ type: 'done' });
  // One refused request, so that the errors counter has a series to show.
  const refused = await fetch(`${fleet.gatewayUrl}/v1/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ k: 2 }),
  });
  expect(refused.status).toBe(400);
  const conversation = await runSessionWorkload({
    address: `127.0.0.1:${fleet.ports.session.grpc}`,
    serviceAuthEnv: fleet.serviceAuthEnv,
    turns: SESSION_TURNS,
  });
  expect(conversation.replayed).toBe(conversation.turnEvents[0]! - 1);
  // The gateway's own session route, so that its hop to session is timed too.
  const listed = await fetch(`${fleet.gatewayUrl}/v1/sessions`, {
    headers: { authorization: `Bearer ${KEY}` },
  });
  expect(listed.status).toBe(200);
  // The summary may be folded after the turn that passed the trigger has answered.
  await waitFor(
    async () =>
      /^ragfleet_session_summaries_total\{[^}]*outcome="ok"[^}]*\} [1-9]/m.test(
        await (await fetch(`http://127.0.0.1:${fleet.ports.session.ops}/metrics`)).text(),
      ),
    20_000,
    100,
  );
  // generation.completed crosses NATS to the router's ledger consumer after the answers ended.
  await waitFor(
    async () =>
      /^ragfleet_router_ledger_events_total\{[^}]*outcome="appended"[^}]*\} [1-9]/m.test(
        await (await fetch(`http://127.0.0.1:${fleet.ports.router.ops}/metrics`)).text(),
      ),
    20_000,
    100,
  );
  for (const service of FLEET_SERVICES) {
    const response = await fetch(`http://127.0.0.1:${fleet.ports[service].ops}/metrics`);
    expect(response.status).toBe(200);
    expositions.set(service, await response.text());
  }
}, 90_000);

/** The streams the fleet made in its namespace (ingest, events, ...), so none is left on the shared NATS. */
async function deleteStreams(): Promise<void> {
  const connection = await connect({ servers: process.env.NATS_URL || 'nats://127.0.0.1:4222' });
  try {
    const manager = await jetstreamManager(connection);
    const ours: string[] = [];
    for await (const name of manager.streams.names())
      if (name.startsWith('RAGFLEET_') && name.endsWith(`_${NATS_NAMESPACE}`)) ours.push(name);
    for (const name of ours) await manager.streams.delete(name).catch(() => false);
  } finally {
    await connection.close();
  }
}

afterAll(async () => {
  await fleet?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  await deleteStreams();
}, 30_000);

describe("the fleet's /metrics", () => {
  it('export every metric that a dashboard query or an alert rule reads', () => {
    const exported = new Set([...expositions.values()].flatMap((text) => [...exportedNames(text)]));
    const used = [
      ...dashboardQueries(),
      ...alertRules().map((rule) => ({ where: `alert ${rule.alert}`, expr: rule.expr })),
    ];
    const missing = used.flatMap(({ where, expr }) =>
      [...metricNames(expr)]
        .filter((name) => !exported.has(name) && !PROMETHEUS_SERIES.has(name))
        .map((name) => `${name} (${where})`),
    );
    expect(missing).toEqual([]);
    // The check has something to check: the dashboards read dozens of the fleet's own metrics.
    expect(new Set(used.flatMap(({ expr }) => [...metricNames(expr)])).size).toBeGreaterThan(30);
  });

  it('carry the service label, and time every hop of the answer from the caller', () => {
    for (const [service, text] of expositions)
      expect(text).toContain(`process_cpu_seconds_total{service="${service}"}`);
    const hops = new Set(
      [...expositions.values()].flatMap((text) =>
        [...text.matchAll(/^ragfleet_grpc_client_handling_seconds_count\{([^}]*)\} [1-9]/gm)].map((match) => {
          const labels = Object.fromEntries(
            [...match[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]]),
          );
          return `${labels.service}->${labels.upstream}`;
        }),
      ),
    );
    for (const hop of [
      'gateway->retrieve',
      'gateway->generate',
      'generate->router',
      'generate->retrieve',
      'retrieve->embed',
      'session->generate',
      'gateway->session',
      'gateway->router',
    ])
      expect(hops).toContain(hop);
  });

  it('show the traffic it served: searches by mode, the answer, its provider breaker, the socket', () => {
    const retrieve = expositions.get('retrieve')!;
    expect(retrieve).toMatch(/^ragfleet_retrieve_search_seconds_count\{[^}]*mode="keyword"[^}]*\} [1-9]/m);
    expect(retrieve).toMatch(/^ragfleet_retrieve_ingest_backlog_jobs\{service="retrieve"\} 0$/m);
    const generate = expositions.get('generate')!;
    expect(generate).toMatch(/^ragfleet_generate_breaker_state\{[^}]*provider="[^"]+"[^}]*\} 0$/m);
    expect(generate).toMatch(
      /^ragfleet_generate_time_to_first_token_seconds_count\{service="generate"\} [1-9]/m,
    );
    const gateway = expositions.get('gateway')!;
    expect(gateway).toMatch(
      /^ragfleet_gateway_stream_time_to_first_byte_seconds_count\{service="gateway"\} [1-9]/m,
    );
    expect(gateway).toMatch(/^ragfleet_gateway_ws_asks_total\{[^}]*outcome="done"[^}]*\} 1$/m);
    for (const transport of ['ndjson', 'websocket'])
      expect(gateway).toMatch(
        new RegExp(
          `^ragfleet_gateway_stream_time_to_first_token_seconds_count\\{[^}]*transport="${transport}"[^}]*\\} 1$`,
          'm',
        ),
      );
    expect(gateway).toMatch(
      /^ragfleet_gateway_errors_total\{[^}]*route="\/v1\/search"[^}]*code="INVALID_ARGUMENT"[^}]*\} 1$/m,
    );
    expect(expositions.get('embed')).toMatch(/^ragfleet_embed_cache_misses_total\{service="embed"\} [1-9]/m);
  });

  it('show the conversation: its turns, their context, the resume and the summary', () => {
    const session = expositions.get('session')!;
    expect(session).toMatch(
      new RegExp(`^ragfleet_session_turns_total\\{[^}]*outcome="done"[^}]*\\} ${SESSION_TURNS}$`, 'm'),
    );
    expect(session).toMatch(
      new RegExp(`^ragfleet_session_context_tokens_count\\{service="session"\\} ${SESSION_TURNS}$`, 'm'),
    );
    expect(session).toMatch(/^ragfleet_session_resumes_total\{[^}]*outcome="ok"[^}]*\} 1$/m);
    expect(session).toMatch(/^ragfleet_session_resume_replayed_events_total\{service="session"\} [1-9]/m);
    expect(session).toMatch(/^ragfleet_session_summaries_total\{[^}]*outcome="ok"[^}]*\} [1-9]/m);
    expect(session).toMatch(/^ragfleet_session_active_sessions\{service="session"\} [1-9]/m);
  });

  it('show the routing economics: decisions, the cache hit, the ledger, the budget', () => {
    const router = expositions.get('router')!;
    expect(router).toMatch(
      /^ragfleet_router_decisions_total\{[^}]*class="[a-z]+"[^}]*tier="premium"[^}]*\} [1-9]/m,
    );
    expect(router).toMatch(/^ragfleet_router_decision_seconds_count\{service="router"\} [1-9]/m);
    expect(router).toMatch(/^ragfleet_router_ledger_events_total\{[^}]*outcome="appended"[^}]*\} [1-9]/m);
    expect(router).toMatch(
      new RegExp(
        `^ragfleet_router_budget_remaining_usd\\{[^}]*tenant="${TENANT}"[^}]*period="day"[^}]*\\} 5$`,
        'm',
      ),
    );
    // Every catalog provider is reported from the start (0: routed to), before any breaker report.
    expect(router).toMatch(/^ragfleet_router_provider_breaker_open\{[^}]*provider="extractive"[^}]*\} 0$/m);
    const generate = expositions.get('generate')!;
    expect(generate).toMatch(/^ragfleet_generate_response_cache_hits_total\{service="generate"\} [1-9]/m);
    expect(generate).toMatch(/^ragfleet_generate_response_cache_misses_total\{service="generate"\} [1-9]/m);
  });

  it('give every routing metric a dashboard or alert reads a sample, but the known few', () => {
    const all = [...expositions.values()].join('\n');
    const read = new Set(
      [...dashboardQueries(), ...alertRules().map((rule) => ({ expr: rule.expr }))].flatMap(({ expr }) =>
        [...metricNames(expr)].filter((name) => /^ragfleet_(router_|generate_response_cache_)/.test(name)),
      ),
    );
    const family = (name: string) => name.replace(/_(bucket|sum|count)$/, '');
    const withoutSample = [...read].filter(
      (name) => !new RegExp(`^${name}(\\{[^}]*\\})? [0-9.e+-]+$`, 'm').test(all),
    );
    expect(withoutSample.map(family).sort()).toEqual(Object.keys(ROUTING_WITHOUT_SAMPLES).sort());
  });
});
