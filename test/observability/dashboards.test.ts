import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { DASHBOARDS } from '../../deploy/grafana/dashboards.ts';
import { staleDashboards } from '../../deploy/grafana/build.ts';
import { dashboardQueries, dashboards, promtool } from './artefacts.ts';
import { metricNames } from './promql-names.ts';

/** Grafana's own variables, replaced by plain durations so that promtool can parse the queries. */
const GRAFANA_RANGES: Record<string, string> = { $__rate_interval: '1m', $__interval: '1m', $__range: '1h' };

describe('Grafana dashboards', () => {
  it('are committed as dashboards.ts defines them (node deploy/grafana/build.ts)', async () => {
    expect(
      dashboards()
        .map(({ file }) => file)
        .sort(),
    ).toEqual(Object.keys(DASHBOARDS).sort());
    expect(await staleDashboards()).toEqual([]);
  });

  it('are Grafana dashboard JSON: uid, title, schemaVersion, a datasource variable, unique panel ids', () => {
    const uids = new Set<string>();
    for (const { file, dashboard } of dashboards()) {
      expect({ file, uid: typeof dashboard.uid, title: typeof dashboard.title }).toEqual({
        file,
        uid: 'string',
        title: 'string',
      });
      expect(uids.has(dashboard.uid)).toBe(false);
      uids.add(dashboard.uid);
      expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
      expect(dashboard.templating.list).toContainEqual(
        expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }),
      );
      const ids = dashboard.panels.map((panel) => panel.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every((id) => Number.isInteger(id) && id > 0)).toBe(true);
    }
  });

  it('give every panel a query on the datasource variable, and rows one per service', () => {
    for (const { file, dashboard } of dashboards()) {
      const rows = dashboard.panels.filter((panel) => panel.type === 'row').map((panel) => panel.title);
      for (const service of ['Gateway', 'Generate', 'Router', 'Retrieve', 'Embed'])
        expect(rows).toContain(service);
      for (const panel of dashboard.panels.filter((candidate) => candidate.type !== 'row')) {
        const where = `${file} "${panel.title}"`;
        expect({ where, uid: panel.datasource?.uid }).toEqual({ where, uid: '${datasource}' });
        expect({ where, targets: (panel.targets ?? []).length > 0 }).toEqual({ where, targets: true });
        for (const target of panel.targets ?? []) {
          expect({ where, expr: target.expr.length > 0, uid: target.datasource?.uid }).toEqual({
            where,
            expr: true,
            uid: '${datasource}',
          });
        }
        expect(panel.gridPos.x + panel.gridPos.w).toBeLessThanOrEqual(24);
      }
    }
  });

  it('lay panels out without overlapping', () => {
    for (const { file, dashboard } of dashboards()) {
      const taken = new Set<string>();
      for (const panel of dashboard.panels) {
        const { x, y, w, h } = panel.gridPos;
        for (let column = x; column < x + w; column++)
          for (let line = y; line < y + h; line++) {
            const cell = `${column},${line}`;
            if (taken.has(cell))
              throw new Error(`${file}: "${panel.title}" overlaps another panel at ${cell}`);
            taken.add(cell);
          }
      }
    }
  });

  it("show the gateway's errors by code (Overview) and its time to first token by transport (Performance)", () => {
    // What each dashboard must break down by which label: what no status code or per-transport
    // series shows otherwise (issue 10).
    const wanted = [
      { file: 'ragfleet-overview.json', metric: 'ragfleet_gateway_errors_total', by: 'code' },
      {
        file: 'ragfleet-performance.json',
        metric: 'ragfleet_gateway_stream_time_to_first_token_seconds_bucket',
        by: 'transport',
      },
    ];
    for (const { file, metric, by } of wanted) {
      const panels = dashboards().find((candidate) => candidate.file === file)?.dashboard.panels ?? [];
      const showing = panels.filter((panel) =>
        (panel.targets ?? []).some(
          (target) =>
            metricNames(target.expr).has(metric) && new RegExp(`\\bby \\([^)]*\\b${by}\\b`).test(target.expr),
        ),
      );
      expect({ file, metric, by, panels: showing.length }).toEqual({ file, metric, by, panels: 1 });
    }
  });

  it('show conversations in a Sessions row of Overview, one panel or more per session metric', () => {
    const panels = dashboards().find(({ file }) => file === 'ragfleet-overview.json')?.dashboard.panels ?? [];
    const rowAt = panels.findIndex((panel) => panel.type === 'row' && panel.title === 'Sessions');
    expect(rowAt).toBeGreaterThanOrEqual(0);
    const nextRow = panels.findIndex((panel, index) => index > rowAt && panel.type === 'row');
    const row = panels.slice(rowAt + 1, nextRow < 0 ? undefined : nextRow);
    const read = new Set(
      row.flatMap((panel) => (panel.targets ?? []).flatMap(({ expr }) => [...metricNames(expr)])),
    );
    for (const metric of [
      'ragfleet_session_active_sessions',
      'ragfleet_session_turns_total',
      'ragfleet_session_resumes_total',
      'ragfleet_session_summaries_total',
      'ragfleet_session_summary_duration_seconds_bucket',
      'ragfleet_session_context_tokens_bucket',
      'ragfleet_session_summary_tokens_total',
    ])
      expect({ metric, shown: read.has(metric) }).toEqual({ metric, shown: true });
  });

  it.each([
    [
      'Recommend',
      [
        'ragfleet_recommend_scored_candidates_total',
        'ragfleet_recommend_duration_seconds_bucket',
        'ragfleet_recommend_model_output_dropped_total',
        'ragfleet_recommend_model_failures_total',
        'ragfleet_recommend_weights_version_changes_total',
        'ragfleet_recommend_weights_refused_total',
      ],
    ],
    [
      'Feedback',
      [
        'ragfleet_feedback_transitions_total',
        'ragfleet_feedback_measurements_total',
        'ragfleet_feedback_weights_version_info',
        'ragfleet_feedback_active_weight',
        'ragfleet_feedback_fits_total',
        'ragfleet_feedback_answer_feedback_total',
      ],
    ],
  ])('show recommendations in a %s row of Overview, one panel or more per metric', (title, metrics) => {
    const panels = dashboards().find(({ file }) => file === 'ragfleet-overview.json')?.dashboard.panels ?? [];
    const rowAt = panels.findIndex((panel) => panel.type === 'row' && panel.title === title);
    expect(rowAt).toBeGreaterThanOrEqual(0);
    const nextRow = panels.findIndex((panel, index) => index > rowAt && panel.type === 'row');
    const row = panels.slice(rowAt + 1, nextRow < 0 ? undefined : nextRow);
    const read = new Set(
      row.flatMap((panel) => (panel.targets ?? []).flatMap(({ expr }) => [...metricNames(expr)])),
    );
    for (const metric of metrics)
      expect({ metric, shown: read.has(metric) }).toEqual({ metric, shown: true });
    // Its gRPC calls by code, on the service's own label.
    expect(
      row.some((panel) =>
        (panel.targets ?? []).some(({ expr }) =>
          expr.includes(`ragfleet_grpc_server_handled_total{service="${title.toLowerCase()}"}`),
        ),
      ),
    ).toBe(true);
  });

  it.each([
    [
      'Experiments and rollouts',
      [
        ['ragfleet_generate_experiment_assignments_total', 'variant'],
        ['ragfleet_generate_experiment_results_total', 'outcome'],
        ['ragfleet_generate_experiment_decisions_total', 'state'],
        ['ragfleet_generate_rollout_stage_share', 'rollout'],
        ['ragfleet_generate_rollout_rollbacks_total', 'reason'],
      ],
    ],
    [
      'Shadow',
      [
        ['ragfleet_generate_shadow_runs_total', 'outcome'],
        ['ragfleet_generate_shadow_skipped_total', 'reason'],
        ['ragfleet_generate_shadow_citation_overlap_bucket', 'le'],
        ['ragfleet_generate_shadow_length_ratio_bucket', 'le'],
        ['ragfleet_generate_shadow_last_latency_delta_seconds', 'instance'],
        ['ragfleet_generate_shadow_cost_usd_total', ''],
      ],
    ],
  ])(
    'show issue 14 in a %s row of Overview: each metric, split by the label that tells them apart',
    (title, metrics) => {
      const panels =
        dashboards().find(({ file }) => file === 'ragfleet-overview.json')?.dashboard.panels ?? [];
      const rowAt = panels.findIndex((panel) => panel.type === 'row' && panel.title === title);
      expect(rowAt).toBeGreaterThanOrEqual(0);
      const nextRow = panels.findIndex((panel, index) => index > rowAt && panel.type === 'row');
      const row = panels.slice(rowAt + 1, nextRow < 0 ? undefined : nextRow);
      const exprs = row.flatMap((panel) => (panel.targets ?? []).map(({ expr }) => expr));
      for (const [metric, label] of metrics as Array<[string, string]>) {
        const showing = exprs.filter((expr) => metricNames(expr).has(metric));
        // Per variant, per outcome, per rollout: summed over replicas but never over what the panel tells apart.
        const split = showing.some((expr) => new RegExp(`by \\([^)]*\\b${label}\\b`).test(expr));
        expect({ metric, shown: showing.length > 0, split: split || !label }).toEqual({
          metric,
          shown: true,
          split: true,
        });
      }
    },
  );

  it('query in valid PromQL (promtool parses each as a recording rule)', () => {
    const queries = dashboardQueries();
    const rules = queries.map(({ expr }, index) => ({
      record: `ragfleet_dashboard:query_${index}`,
      expr: expr.replace(/\$__\w+/g, (variable) => GRAFANA_RANGES[variable] ?? variable),
    }));
    const dir = mkdtempSync(join(tmpdir(), 'ragfleet-dashboard-queries-'));
    try {
      const file = join(dir, 'queries.yml');
      writeFileSync(file, stringify({ groups: [{ name: 'dashboard-queries', rules }] }));
      const { status, output } = promtool(['check', 'rules', file]);
      if (status !== 0) {
        const failing = [...output.matchAll(/query_(\d+)/g)].map((match) => queries[Number(match[1])]?.where);
        throw new Error(`promtool rejects dashboard queries ${failing.join(', ')}:\n${output}`);
      }
      expect(output).toContain(`SUCCESS: ${queries.length} rules found`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
