import { dashboard, quantiles, rate, type PanelSpec, type Query } from './panels.ts';

/*
 * The fleet's three dashboards, one row per service. Every service labels its own metrics with
 * `service` (scraped with honor_labels); aggregations over replicas say which: sum for rates,
 * max for a backlog that replicas sharing one store all report.
 */

const sumBy = (labels: string, selector: string) => `sum by (${labels}) (${rate(selector)})`;
const one = (expr: string, legend: string): Query[] => [{ expr, legend }];

const BREAKER_STATES = {
  0: { text: 'closed', color: 'green' },
  1: { text: 'half-open', color: 'orange' },
  2: { text: 'open', color: 'red' },
};

const responseCacheHitRatio =
  'sum(rate(ragfleet_generate_response_cache_hits_total[$__rate_interval])) / ' +
  '(sum(rate(ragfleet_generate_response_cache_hits_total[$__rate_interval])) + sum(rate(ragfleet_generate_response_cache_misses_total[$__rate_interval])))';

/*
 * Routing economics (docs/routing.md): what the router chose and skipped, how fast, what answers
 * the response cache saved, what the ledger recorded and what budgets have left. Gauges read at
 * scrape are the same on every replica sharing Redis (budgets) or NATS (breaker reports): max, not
 * sum, over replicas.
 */
const routingPanels: PanelSpec[] = [
  {
    title: 'Routing decisions by class and provider',
    description: 'Decisions per second by complexity class and the provider heading the chain.',
    unit: 'ops',
    queries: one(sumBy('class, provider', 'ragfleet_router_decisions_total'), '{{class}} → {{provider}}'),
  },
  {
    title: 'Models skipped by reason',
    description: 'Candidates left out of a chain: tier, context_window, breaker_open, budget.',
    unit: 'ops',
    queries: one(sumBy('reason', 'ragfleet_router_skipped_total'), '{{reason}}'),
  },
  {
    title: 'Routing decision time (p50, p99)',
    description: 'Time to analyse a question and choose its chain (goal: under 1 ms).',
    unit: 's',
    queries: quantiles('ragfleet_router_decision_seconds', [], '', [0.5, 0.99]),
  },
  {
    title: 'Response cache hit ratio',
    description: 'Answers replayed from the response cache over all lookups: each hit cost nothing.',
    unit: 'percentunit',
    queries: one(responseCacheHitRatio, 'hit ratio'),
  },
  {
    title: 'Generations recorded in the ledger per hour',
    description:
      'generation.completed events the ledger consumed, by outcome (appended, duplicate, dropped): the spend GET /v1/usage reports is the sum of the appended ones.',
    unit: 'short',
    queries: one('sum by (outcome) (increase(ragfleet_router_ledger_events_total[1h]))', '{{outcome}}'),
  },
  {
    title: 'Spend per hour of tenants with a day budget',
    description:
      "How far each tenant's day budget fell over the last hour (spent plus reserved); the daily reset and a raised limit read as 0.",
    unit: 'currencyUSD',
    queries: one(
      'clamp_min(-delta(max by (tenant) (ragfleet_router_budget_remaining_usd{period="day"})[1h:1m]), 0)',
      '{{tenant}} per hour',
    ),
  },
  {
    title: 'Budget remaining by tenant and period',
    description: "USD left in each tenant's own day and month budgets (limit minus spent and reserved).",
    unit: 'currencyUSD',
    queries: one('max by (tenant, period) (ragfleet_router_budget_remaining_usd)', '{{tenant}} {{period}}'),
  },
  {
    title: 'Budget thresholds crossed per hour',
    description: 'Budgets that passed 80 % or 100 % of their limit (each also an event on budget.threshold).',
    unit: 'short',
    queries: one(
      'sum by (threshold) (increase(ragfleet_router_budget_thresholds_total[1h]))',
      '{{threshold}} %',
    ),
  },
  {
    title: 'Providers the router skips (breaker open)',
    description:
      'A generate replica reported the breaker open within BREAKER_STATE_TTL_SECONDS (alert after 5 m).',
    unit: 'none',
    kind: 'state',
    mappings: { 0: { text: 'closed', color: 'green' }, 1: { text: 'open', color: 'red' } },
    queries: one('max by (provider) (ragfleet_router_provider_breaker_open)', '{{provider}}'),
  },
  {
    title: 'Catalog reloads by outcome',
    description:
      'Catalog file changes: loaded, or rejected (the last good catalog stays; the router logs why).',
    unit: 'short',
    queries: one(
      'sum by (outcome) (increase(ragfleet_router_catalog_reloads_total[$__range]))',
      '{{outcome}}',
    ),
  },
];

/** The gRPC server side of one service: latency quantiles and calls by code. */
function grpcServerPanels(service: string): PanelSpec[] {
  const filter = `{service="${service}"}`;
  return [
    {
      title: `${service}: gRPC handling latency by method`,
      description: 'Time from a call arriving to its last response, at this service (p50/p95/p99).',
      unit: 's',
      queries: quantiles('ragfleet_grpc_server_handling_seconds', ['method'], filter),
    },
    {
      title: `${service}: gRPC calls by code`,
      description: 'Calls this service answered, by result code.',
      unit: 'ops',
      queries: one(sumBy('code', `ragfleet_grpc_server_handled_total${filter}`), '{{code}}'),
    },
  ];
}

const embedCacheHitRatio =
  'sum(rate(ragfleet_embed_cache_hits_total[$__rate_interval])) / ' +
  '(sum(rate(ragfleet_embed_cache_hits_total[$__rate_interval])) + sum(rate(ragfleet_embed_cache_misses_total[$__rate_interval])))';

const queryCacheHitRatio =
  'sum(rate(ragfleet_retrieve_query_cache_hits_total[$__rate_interval])) / ' +
  '(sum(rate(ragfleet_retrieve_query_cache_hits_total[$__rate_interval])) + sum(rate(ragfleet_retrieve_query_cache_misses_total[$__rate_interval])))';

const processPanels: PanelSpec[] = [
  {
    title: 'CPU by service',
    description: 'CPU seconds per second, summed over replicas.',
    unit: 'short',
    queries: one(
      sumBy(
        'service',
        'process_cpu_seconds_total{service=~"gateway|embed|retrieve|router|generate|session|recommend|feedback"}',
      ),
      '{{service}}',
    ),
  },
  {
    title: 'Resident memory by instance',
    description: 'Resident set size of each process.',
    unit: 'bytes',
    queries: one('max by (service, instance) (process_resident_memory_bytes)', '{{service}} {{instance}}'),
  },
  {
    title: 'Event loop lag p99 by instance',
    description: 'A busy event loop delays every request of its process.',
    unit: 's',
    queries: one('max by (service, instance) (nodejs_eventloop_lag_p99_seconds)', '{{service}} {{instance}}'),
  },
];

/** Conversations (services/session): what Overview shows of them. */
const sessionOverviewPanels: PanelSpec[] = [
  {
    title: 'Active sessions',
    description:
      'Sessions not yet expired (max over replicas: replicas sharing Redis all report the same store).',
    unit: 'short',
    queries: one('max(ragfleet_session_active_sessions)', 'active'),
  },
  {
    title: 'Turns per minute by outcome',
    description:
      'Turns that ended: done, failed, conflict (another turn of the session was running) or cancelled (alert: over 5 % failed).',
    unit: 'short',
    queries: one(`${sumBy('outcome', 'ragfleet_session_turns_total')} * 60`, '{{outcome}}'),
  },
  {
    title: 'Turn failure share',
    description: 'Failed turns over all turns that ended (alert above 5 % for 10 minutes).',
    unit: 'percentunit',
    queries: one(
      `sum(${rate('ragfleet_session_turns_total{outcome="failed"}')}) / sum(${rate('ragfleet_session_turns_total')})`,
      'failed share',
    ),
  },
  {
    title: 'Resumes by outcome, and events replayed',
    description: 'Clients that came back to a turn (a dropped stream), and the buffered events sent again.',
    unit: 'ops',
    queries: [
      { expr: sumBy('outcome', 'ragfleet_session_resumes_total'), legend: 'resume {{outcome}}' },
      { expr: `sum(${rate('ragfleet_session_resume_replayed_events_total')})`, legend: 'events replayed' },
    ],
  },
  {
    title: 'Summaries by mode and outcome',
    description:
      "Rolling summaries folded into sessions: by a model, or extractive (offline, or the model's fallback).",
    unit: 'ops',
    queries: one(sumBy('mode, outcome', 'ragfleet_session_summaries_total'), '{{mode}} {{outcome}}'),
  },
  {
    title: 'Summary duration p95 by mode',
    description: 'Time to fold older messages into the summary (generate.Summarize, or extractive).',
    unit: 's',
    queries: quantiles('ragfleet_session_summary_duration_seconds', ['mode'], '', [0.95]),
  },
  {
    title: 'Context tokens per turn (p50, p95)',
    description:
      'Tokens of summary and recent history sent to generate with each turn (the token budget caps it).',
    unit: 'short',
    queries: quantiles('ragfleet_session_context_tokens', [], '', [0.5, 0.95]),
  },
  {
    title: 'Summary tokens per second by direction',
    description: 'Tokens summarization read (input) and wrote (output): its share of the model bill.',
    unit: 'short',
    queries: one(sumBy('direction', 'ragfleet_session_summary_tokens_total'), '{{direction}}'),
  },
  ...grpcServerPanels('session').slice(1),
];

/*
 * Recommendations (services/recommend, services/feedback; issue 13): what the scorer produced and
 * dropped, and what feedback recorded, measured and learned from it. Feedback's weights gauges are
 * the same on every replica sharing MongoDB: max, not sum, over replicas.
 */
const recommendOverviewPanels: PanelSpec[] = [
  {
    title: 'Scored candidates by source',
    description:
      "Candidates scored per second: from the rules, from the model (generate's Suggest), or sent to Score.",
    unit: 'ops',
    queries: one(sumBy('source', 'ragfleet_recommend_scored_candidates_total'), '{{source}}'),
  },
  {
    title: 'Recommend duration p95 by outcome',
    description: 'From a Recommend call beginning to its last event (rules, model, scoring, records).',
    unit: 's',
    queries: quantiles('ragfleet_recommend_duration_seconds', ['outcome'], '', [0.95]),
  },
  {
    title: 'Model output dropped by reason',
    description:
      'Model suggestions dropped as invalid: not_json, wrong_shape, unknown_action (alert: over half for 15 m).',
    unit: 'ops',
    queries: one(sumBy('reason', 'ragfleet_recommend_model_output_dropped_total'), '{{reason}}'),
  },
  {
    title: 'Model failures and weights changes',
    description:
      'Runs whose model chain failed (by code; the rules still answer), weights versions taken (by how) and refused.',
    unit: 'ops',
    queries: [
      { expr: sumBy('code', 'ragfleet_recommend_model_failures_total'), legend: 'model failed {{code}}' },
      {
        expr: sumBy('via', 'ragfleet_recommend_weights_version_changes_total'),
        legend: 'weights via {{via}}',
      },
      { expr: `sum(${rate('ragfleet_recommend_weights_refused_total')})`, legend: 'weights refused' },
    ],
  },
  ...grpcServerPanels('recommend').slice(1),
];

const feedbackOverviewPanels: PanelSpec[] = [
  {
    title: 'Lifecycle transitions per minute by stage',
    description: 'Recommendations reaching each stage: generated, shown, applied, dismissed, measured.',
    unit: 'short',
    queries: one(`${sumBy('to', 'ragfleet_feedback_transitions_total')} * 60`, '{{to}}'),
  },
  {
    title: 'Measurements by outcome',
    description:
      'Measurer results: measured, retry (no snapshot since applying yet), unmeasurable (retries used up), lost_claim (another replica had it).',
    unit: 'ops',
    queries: one(sumBy('outcome', 'ragfleet_feedback_measurements_total'), '{{outcome}}'),
  },
  {
    title: 'Weights version',
    description: 'The active weights version and where it came from (seed, fit, rollback).',
    unit: 'none',
    kind: 'stat',
    queries: one(
      'max by (version, origin) (ragfleet_feedback_weights_version_info)',
      '{{version}} ({{origin}})',
    ),
  },
  {
    title: 'Active weight by factor',
    description: "Each scoring factor's weight in the active version.",
    unit: 'percentunit',
    queries: one('max by (factor) (ragfleet_feedback_active_weight)', '{{factor}}'),
  },
  {
    title: 'Weight fits by outcome',
    description:
      'Fits over the last range: activated (a new version), unchanged, too_few (outcomes measured).',
    unit: 'short',
    queries: one('sum by (outcome) (increase(ragfleet_feedback_fits_total[$__range]))', '{{outcome}}'),
  },
  {
    title: 'Answer ratings and unpublished events',
    description:
      'Ratings of answers (by rating, and whether one replaced an earlier), events not published (by type).',
    unit: 'ops',
    queries: [
      {
        expr: sumBy('rating, replaced', 'ragfleet_feedback_answer_feedback_total'),
        legend: 'rating {{rating}} (replaced {{replaced}})',
      },
      { expr: sumBy('type', 'ragfleet_feedback_publish_failures_total'), legend: 'not published {{type}}' },
    ],
  },
  ...grpcServerPanels('feedback').slice(1),
];

/*
 * Prompt experiments and progressive rollouts (services/generate/src/experiments; issue 14). Each
 * replica counts the answers it gave a variant; decisions and rollbacks are counted by the replica
 * that made them (the controller, by lease, or the one that served an abort): sum over replicas.
 * The stage share is set by the replica that last stepped the rollout: max, not sum.
 */
const experimentPanels: PanelSpec[] = [
  {
    title: 'Experiment assignments per variant',
    description: 'Answers given a variant per second, by experiment or rollout (its id) and variant.',
    unit: 'ops',
    queries: one(
      sumBy('experiment, variant', 'ragfleet_generate_experiment_assignments_total'),
      '{{experiment}} {{variant}}',
    ),
  },
  {
    title: 'Experiment results per variant and outcome',
    description:
      'Outcomes counted for each variant: answer, error, rated_up, rated_down (ratings arrive with answer feedback).',
    unit: 'ops',
    queries: one(
      sumBy('experiment, variant, outcome', 'ragfleet_generate_experiment_results_total'),
      '{{experiment}} {{variant}} {{outcome}}',
    ),
  },
  {
    title: 'Experiment decisions',
    description:
      'Experiments ended over the range, by prompt family: completed (a winner promoted as the default) or stopped.',
    unit: 'short',
    queries: one(
      'sum by (family, state) (increase(ragfleet_generate_experiment_decisions_total[$__range]))',
      '{{family}} {{state}}',
    ),
  },
  {
    title: 'Rollout stage share per rollout',
    description:
      "The candidate's share of traffic in each running rollout's current stage (0 once it completed or rolled back).",
    unit: 'percentunit',
    queries: one(
      'max by (rollout, family) (ragfleet_generate_rollout_stage_share)',
      '{{rollout}} ({{family}})',
    ),
  },
  {
    title: 'Rollbacks by reason',
    description:
      'Rollouts rolled back over the range: error_rate and quality by the guards (alert RagfleetRolloutRolledBack), aborted by an operator.',
    unit: 'short',
    queries: one(
      'sum by (family, reason) (increase(ragfleet_generate_rollout_rollbacks_total[$__range]))',
      '{{family}} {{reason}}',
    ),
  },
];

/*
 * Shadow runs (services/generate/src/shadow): a share of answers also answered by a candidate in
 * the background and compared with the primary. Each replica exports its own runs; the fleet-wide
 * report is GET /v1/admin/shadow.
 */
const shadowPanels: PanelSpec[] = [
  {
    title: 'Shadow runs and skips',
    description:
      "Shadow runs finished by outcome (ok, error: the candidate failed), and sampled answers not shadowed: budget (the day's shadow budget) or busy (at the concurrency limit).",
    unit: 'ops',
    queries: [
      { expr: sumBy('outcome', 'ragfleet_generate_shadow_runs_total'), legend: 'run {{outcome}}' },
      { expr: sumBy('reason', 'ragfleet_generate_shadow_skipped_total'), legend: 'skipped {{reason}}' },
      { expr: 'sum(ragfleet_generate_shadow_in_flight)', legend: 'in flight' },
    ],
  },
  {
    title: 'Shadow citation overlap p10/p50/p90',
    description:
      'Jaccard overlap of the documents the candidate and the primary cited (1: the same documents).',
    unit: 'percentunit',
    queries: quantiles('ragfleet_generate_shadow_citation_overlap', [], '', [0.1, 0.5, 0.9]),
  },
  {
    title: 'Shadow length ratio p10/p50/p90',
    description: "The candidate's answer length over the primary's (1: as long).",
    unit: 'none',
    queries: quantiles('ragfleet_generate_shadow_length_ratio', [], '', [0.1, 0.5, 0.9]),
  },
  {
    title: 'Shadow latency delta (last comparison)',
    description:
      "Each replica's last comparison: the candidate's latency minus the primary's (negative: the candidate was faster).",
    unit: 's',
    queries: one('max by (instance) (ragfleet_generate_shadow_last_latency_delta_seconds)', '{{instance}}'),
  },
  {
    title: 'Shadow spend (USD)',
    description:
      "What shadow runs cost per hour and over the last 24 hours, against GENERATE_SHADOW_BUDGET_USD per UTC day (never the tenants' budgets).",
    unit: 'currencyUSD',
    queries: [
      { expr: `sum(${rate('ragfleet_generate_shadow_cost_usd_total')}) * 3600`, legend: 'per hour' },
      { expr: 'sum(increase(ragfleet_generate_shadow_cost_usd_total[1d]))', legend: 'last 24 h' },
    ],
  },
];

const overview = dashboard({
  uid: 'ragfleet-overview',
  title: 'ragfleet / Overview',
  description: 'Is the fleet up and answering: traffic, errors, breakers, caches and queues per service.',
  rows: [
    {
      title: 'Fleet',
      panels: [
        {
          title: 'Services up',
          description: 'Scrape targets answering, per job (ragfleet-<service>).',
          unit: 'none',
          kind: 'stat',
          queries: one('sum by (job) (up{job=~"ragfleet-.*"})', '{{job}}'),
        },
        {
          title: 'Requests per second by route',
          description: 'HTTP requests the gateway answered.',
          unit: 'reqps',
          queries: one(sumBy('route', 'ragfleet_gateway_requests_total'), '{{route}}'),
        },
        {
          title: 'Gateway 5xx share',
          description: 'Share of gateway responses that were server errors (alert above 5 %).',
          unit: 'percentunit',
          queries: one(
            `sum(${rate('ragfleet_gateway_requests_total{status=~"5.."}')}) / sum(${rate('ragfleet_gateway_requests_total')})`,
            '5xx share',
          ),
        },
      ],
    },
    {
      title: 'Gateway',
      panels: [
        {
          title: 'Errors by route and status',
          description: 'Responses with a 4xx or 5xx status (499: the client went away).',
          unit: 'reqps',
          queries: one(
            sumBy('route, status', 'ragfleet_gateway_requests_total{status=~"4..|5.."}'),
            '{{status}} {{route}}',
          ),
        },
        {
          title: 'Gateway errors by code',
          description:
            'Every error the gateway answered, by stable code (docs/errors.md): error responses and the error events sent after a stream began (NDJSON mid-stream, WebSocket), which no status shows.',
          unit: 'ops',
          queries: one(sumBy('code', 'ragfleet_gateway_errors_total'), '{{code}}'),
        },
        {
          title: 'WebSocket connections',
          description: 'Open WebSocket connections, per replica.',
          unit: 'short',
          queries: one('sum by (instance) (ragfleet_gateway_ws_connections)', '{{instance}}'),
        },
        {
          title: 'WebSocket asks by outcome',
          description: 'Asks that ended: done, or the error code.',
          unit: 'ops',
          queries: one(sumBy('outcome', 'ragfleet_gateway_ws_asks_total'), '{{outcome}}'),
        },
        {
          title: 'Rate-limit refusals',
          description: 'Requests and asks refused by a limit, by the window that refused and the tier.',
          unit: 'ops',
          queries: one(
            sumBy('limit, tier', 'ragfleet_gateway_ratelimit_refusals_total'),
            '{{limit}} {{tier}}',
          ),
        },
        {
          title: 'Limits on the per-process fallback',
          description: '1 while a replica limits on its own because Redis is unreachable.',
          unit: 'none',
          queries: one('max by (instance) (ragfleet_gateway_ratelimit_fallback_active)', '{{instance}}'),
        },
        {
          title: 'WebSocket messages rejected',
          description: 'Client messages refused before any upstream call, by code.',
          unit: 'ops',
          queries: one(sumBy('code', 'ragfleet_gateway_ws_messages_rejected_total'), '{{code}}'),
        },
      ],
    },
    {
      title: 'Generate',
      panels: [
        {
          title: 'Answers by provider and outcome',
          description: 'Answers finished; outcome ok, cancelled or the error code.',
          unit: 'ops',
          queries: one(
            sumBy('provider, outcome', 'ragfleet_generate_answers_total'),
            '{{provider}} {{outcome}}',
          ),
        },
        {
          title: 'Fallback rate',
          description: 'Fallbacks to the next model per answer, by the provider that failed.',
          unit: 'percentunit',
          queries: one(
            `${sumBy('from', 'ragfleet_generate_fallbacks_total')} / ignoring (from) group_left sum(${rate('ragfleet_generate_answers_total')})`,
            '{{from}}',
          ),
        },
        {
          title: 'Circuit breaker state by provider',
          description: 'The worst state over replicas: closed, half-open (one trial call) or open (skipped).',
          unit: 'none',
          kind: 'state',
          mappings: BREAKER_STATES,
          queries: one('max by (provider) (ragfleet_generate_breaker_state)', '{{provider}}'),
        },
        {
          title: 'Breaker openings and provider retries',
          description: 'How often a circuit opened, and streams opened again after a transient failure.',
          unit: 'ops',
          queries: [
            {
              expr: sumBy('provider', 'ragfleet_generate_breaker_opened_total'),
              legend: 'opened {{provider}}',
            },
            {
              expr: sumBy('provider', 'ragfleet_generate_provider_retries_total'),
              legend: 'retry {{provider}}',
            },
          ],
        },
      ],
    },
    { title: 'Sessions', panels: sessionOverviewPanels },
    { title: 'Recommend', panels: recommendOverviewPanels },
    { title: 'Feedback', panels: feedbackOverviewPanels },
    { title: 'Experiments and rollouts', panels: experimentPanels },
    { title: 'Shadow', panels: shadowPanels },
    { title: 'Routing', panels: routingPanels },
    {
      title: 'Router',
      panels: [
        {
          title: 'Routing decisions by tier and first provider',
          description: 'Which model chain each tier was given.',
          unit: 'ops',
          queries: one(
            sumBy('tier, first_provider', 'ragfleet_router_routes_total'),
            '{{tier}} → {{first_provider}}',
          ),
        },
        ...grpcServerPanels('router').slice(1),
      ],
    },
    {
      title: 'Retrieve',
      panels: [
        {
          title: 'Ingest backlog',
          description:
            'Jobs queued or running in the store (max over replicas: they share it), and those held for embed.',
          unit: 'short',
          queries: [
            { expr: 'max(ragfleet_retrieve_ingest_backlog_jobs)', legend: 'queued or running' },
            { expr: 'sum(ragfleet_retrieve_ingest_waiting_for_embed)', legend: 'waiting for embed' },
          ],
        },
        {
          title: 'Ingest job outcomes',
          description:
            'Job attempts that ended: succeeded, failed or retried; and jobs the sweep re-queued or gave up.',
          unit: 'ops',
          queries: [
            { expr: sumBy('state', 'ragfleet_retrieve_ingest_jobs_total'), legend: '{{state}}' },
            { expr: sumBy('outcome', 'ragfleet_retrieve_ingest_swept_total'), legend: 'swept {{outcome}}' },
          ],
        },
        {
          title: 'Index size',
          description: 'Live chunk vectors in each replica’s index.',
          unit: 'short',
          queries: one('max by (instance) (ragfleet_retrieve_index_size)', '{{instance}}'),
        },
        {
          title: 'Event bus connected',
          description: '1 while a replica is connected to NATS.',
          unit: 'none',
          queries: one('min by (instance) (ragfleet_retrieve_event_bus_connected)', '{{instance}}'),
        },
        ...grpcServerPanels('retrieve').slice(1),
      ],
    },
    {
      title: 'Embed',
      panels: [
        {
          title: 'Embedding cache hit ratio',
          description: 'Texts served from the cache over all lookups (alert under 50 % with traffic).',
          unit: 'percentunit',
          queries: one(embedCacheHitRatio, 'hit ratio'),
        },
        {
          title: 'Texts embedded per second by model',
          description: 'Cache misses run through a model.',
          unit: 'ops',
          queries: one(sumBy('model', 'ragfleet_embed_texts_total'), '{{model}}'),
        },
        ...grpcServerPanels('embed').slice(1),
      ],
    },
    { title: 'Processes', panels: processPanels },
  ],
});

const performance = dashboard({
  uid: 'ragfleet-performance',
  title: 'ragfleet / Performance',
  description:
    'RAG performance: latency per route, first byte and first token, tokens/s, search per mode, every gRPC hop.',
  rows: [
    {
      title: 'Gateway',
      panels: [
        {
          title: 'Request latency by route',
          description: 'Whole response time (whole stream for NDJSON), p50/p95/p99 (alert: p95 over 2 s).',
          unit: 's',
          queries: quantiles('ragfleet_gateway_request_duration_seconds', ['route']),
        },
        {
          title: 'Time to first byte (NDJSON)',
          description: 'From a streaming request arriving to its first event written.',
          unit: 's',
          queries: quantiles('ragfleet_gateway_stream_time_to_first_byte_seconds'),
        },
        {
          title: 'Time to first token by transport (NDJSON, WebSocket)',
          description:
            "At the gateway, from an answer being asked for to its first token going out; generate's own figure is in its row.",
          unit: 's',
          queries: quantiles('ragfleet_gateway_stream_time_to_first_token_seconds', ['transport']),
        },
      ],
    },
    {
      title: 'Generate',
      panels: [
        {
          title: 'Time to first token',
          description: 'From the request reaching generate to the first answer token (alert: p95 over 2 s).',
          unit: 's',
          queries: quantiles('ragfleet_generate_time_to_first_token_seconds'),
        },
        {
          title: 'Output tokens per second per answer',
          description: 'Streaming speed of one answer: its output tokens over the time after the first.',
          unit: 'short',
          queries: quantiles('ragfleet_generate_output_tokens_per_second', [], '', [0.05, 0.5, 0.95]),
        },
        {
          title: 'Token throughput',
          description: 'Model tokens per second over the fleet, by direction.',
          unit: 'short',
          queries: one(sumBy('direction', 'ragfleet_generate_tokens_total'), '{{direction}}'),
        },
        ...grpcServerPanels('generate'),
      ],
    },
    {
      title: 'Sessions',
      panels: [
        {
          title: 'Turn duration by outcome',
          description: 'A whole turn at the session service: context, the answer streamed, the reply stored.',
          unit: 's',
          queries: quantiles('ragfleet_session_turn_duration_seconds', ['outcome']),
        },
        ...grpcServerPanels('session'),
      ],
    },
    {
      title: 'Recommend',
      panels: [
        {
          title: 'Recommend duration by outcome',
          description:
            "A whole Recommend stream: subject read, rules, the model's suggestions, scoring, records.",
          unit: 's',
          queries: quantiles('ragfleet_recommend_duration_seconds', ['outcome']),
        },
        ...grpcServerPanels('recommend'),
      ],
    },
    { title: 'Feedback', panels: grpcServerPanels('feedback') },
    { title: 'Router', panels: grpcServerPanels('router') },
    {
      title: 'Retrieve',
      panels: [
        {
          title: 'Search latency by mode',
          description: 'One search, query embedding included, by mode (vector, keyword, hybrid).',
          unit: 's',
          queries: quantiles('ragfleet_retrieve_search_seconds', ['mode']),
        },
        {
          title: 'Query-vector cache hit ratio',
          description: 'Questions whose vector retrieve had cached, so the search made no embed call.',
          unit: 'percentunit',
          queries: one(queryCacheHitRatio, 'hit ratio'),
        },
        {
          title: 'Ingest stage time (p95)',
          description: 'Time spent per stage of an ingest job: chunk, embed, store, index.',
          unit: 's',
          queries: quantiles('ragfleet_retrieve_ingest_stage_seconds', ['stage'], '', [0.95]),
        },
        {
          title: 'Chunks indexed per second',
          description: 'Chunks written to store and index.',
          unit: 'ops',
          queries: one(`sum(${rate('ragfleet_retrieve_chunks_indexed_total')})`, 'chunks'),
        },
        ...grpcServerPanels('retrieve'),
      ],
    },
    {
      title: 'Embed',
      panels: [
        {
          title: 'Model time per batch',
          description: 'Time inside the model for one batch, by provider.',
          unit: 's',
          queries: quantiles('ragfleet_embed_duration_seconds', ['provider']),
        },
        {
          title: 'Batch size (p50)',
          description: 'Texts per model call, by provider.',
          unit: 'short',
          queries: quantiles('ragfleet_embed_batch_size', ['provider'], '', [0.5]),
        },
        ...grpcServerPanels('embed'),
      ],
    },
    {
      title: 'gRPC hops',
      panels: [
        {
          title: 'Latency per hop (p95)',
          description: 'As the caller sees it: the server side plus network and connection waits.',
          unit: 's',
          queries: [
            {
              expr: `histogram_quantile(0.95, sum by (le, service, upstream, method) (${rate('ragfleet_grpc_client_handling_seconds_bucket')}))`,
              legend: '{{service}} → {{upstream}}/{{method}}',
            },
          ],
        },
        {
          title: 'Latency per hop (p99)',
          description: 'As the caller sees it, p99.',
          unit: 's',
          queries: [
            {
              expr: `histogram_quantile(0.99, sum by (le, service, upstream, method) (${rate('ragfleet_grpc_client_handling_seconds_bucket')}))`,
              legend: '{{service}} → {{upstream}}/{{method}}',
            },
          ],
        },
        {
          title: 'Calls per hop by code',
          description: 'Calls made, by caller, upstream and result code.',
          unit: 'ops',
          queries: one(
            sumBy('service, upstream, code', 'ragfleet_grpc_client_handling_seconds_count'),
            '{{service}} → {{upstream}} {{code}}',
          ),
        },
        {
          title: 'Client retries',
          description: 'Idempotent calls sent again because the upstream was unreachable.',
          unit: 'ops',
          queries: one(
            sumBy('service, upstream, method', 'ragfleet_grpc_client_retries_total'),
            '{{service}} → {{upstream}}/{{method}}',
          ),
        },
        {
          title: 'Calls refused for want of a service token',
          description: 'A caller without a valid token: a misconfigured key, or someone who should not call.',
          unit: 'ops',
          queries: one(
            sumBy('service, reason', 'ragfleet_grpc_server_unauthenticated_total'),
            '{{service}} {{reason}}',
          ),
        },
      ],
    },
    { title: 'Processes', panels: processPanels },
  ],
});

const business = dashboard({
  uid: 'ragfleet-business',
  title: 'ragfleet / Business',
  description: 'What the fleet is used for: questions, answers, tokens, tiers, documents and guard verdicts.',
  rows: [
    {
      title: 'Gateway',
      panels: [
        {
          title: 'Requests by route (in range)',
          description: 'Requests answered over the dashboard range.',
          unit: 'short',
          kind: 'stat',
          queries: one('sum by (route) (increase(ragfleet_gateway_requests_total[$__range]))', '{{route}}'),
        },
        {
          title: 'Rate-limit refusals by tier',
          description: 'Callers who hit their limit: a tier that needs more, or abuse.',
          unit: 'ops',
          queries: one(sumBy('tier', 'ragfleet_gateway_ratelimit_refusals_total'), '{{tier}}'),
        },
        {
          title: 'Questions flagged by the prompt-injection guard',
          description: 'By heuristic and guard mode.',
          unit: 'ops',
          queries: one(
            sumBy('reason, mode', 'ragfleet_gateway_prompt_guard_flags_total'),
            '{{reason}} ({{mode}})',
          ),
        },
      ],
    },
    {
      title: 'Generate',
      panels: [
        {
          title: 'Answers by provider (in range)',
          description: 'Answers finished over the dashboard range.',
          unit: 'short',
          kind: 'stat',
          queries: one(
            'sum by (provider) (increase(ragfleet_generate_answers_total[$__range]))',
            '{{provider}}',
          ),
        },
        {
          title: 'Tokens per hour by direction',
          description: 'Input and output tokens: what the providers bill.',
          unit: 'short',
          queries: one('sum by (direction) (increase(ragfleet_generate_tokens_total[1h]))', '{{direction}}'),
        },
        {
          title: 'Retrieved passages flagged by the guard',
          description: 'Passages that looked like instructions, by heuristic.',
          unit: 'ops',
          queries: one(sumBy('reason', 'ragfleet_generate_passage_guard_flags_total'), '{{reason}}'),
        },
      ],
    },
    {
      title: 'Router',
      panels: [
        {
          title: 'Questions by tier',
          description: 'Routing decisions per tier: who asks.',
          unit: 'ops',
          queries: one(sumBy('tier', 'ragfleet_router_routes_total'), '{{tier}}'),
        },
      ],
    },
    {
      title: 'Retrieve',
      panels: [
        {
          title: 'Chunks indexed (in range)',
          description: 'Chunks written over the dashboard range.',
          unit: 'short',
          kind: 'stat',
          queries: one('sum(increase(ragfleet_retrieve_chunks_indexed_total[$__range]))', 'chunks'),
        },
        {
          title: 'Ingest jobs by outcome (in range)',
          description: 'Job attempts that ended over the dashboard range.',
          unit: 'short',
          kind: 'stat',
          queries: one(
            'sum by (state) (increase(ragfleet_retrieve_ingest_jobs_total[$__range]))',
            '{{state}}',
          ),
        },
        {
          title: 'Corpus size',
          description: 'Live chunk vectors (max over replicas).',
          unit: 'short',
          kind: 'stat',
          queries: one('max(ragfleet_retrieve_index_size)', 'chunks'),
        },
      ],
    },
    {
      title: 'Embed',
      panels: [
        {
          title: 'Embedding cache hit ratio',
          description: 'Every hit is a model call saved.',
          unit: 'percentunit',
          kind: 'stat',
          queries: one(embedCacheHitRatio, 'hit ratio'),
        },
        {
          title: 'Texts embedded by model (in range)',
          description: 'Model work over the dashboard range.',
          unit: 'short',
          kind: 'stat',
          queries: one('sum by (model) (increase(ragfleet_embed_texts_total[$__range]))', '{{model}}'),
        },
      ],
    },
  ],
});

/** File name under deploy/grafana/dashboards/ → dashboard JSON. */
export const DASHBOARDS: Record<string, ReturnType<typeof dashboard>> = {
  'ragfleet-overview.json': overview,
  'ragfleet-performance.json': performance,
  'ragfleet-business.json': business,
};
