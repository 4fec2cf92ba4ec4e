/*
 * Builders for Grafana dashboard JSON (schemaVersion 39): the dashboards are written as code so
 * that every panel shares one layout, one datasource variable and one way of writing a quantile,
 * and so that the tests can read every PromQL expression out of them.
 */

/** Every panel and query reads from the dashboard's `datasource` variable. */
const DATASOURCE = { type: 'prometheus', uid: '${datasource}' } as const;
const SCHEMA_VERSION = 39;
const COLUMNS = 24;
const PANEL_WIDTH = 8;
const PANEL_HEIGHT = 8;

export type Unit = 's' | 'reqps' | 'ops' | 'percentunit' | 'short' | 'bytes' | 'none' | 'currencyUSD';

export interface Query {
  expr: string;
  legend: string;
}

export interface PanelSpec {
  title: string;
  description: string;
  unit: Unit;
  queries: Query[];
  /** timeseries by default; `stat` for a current value, `state` for a breaker-like state. */
  kind?: 'timeseries' | 'stat' | 'state';
  /** Value names shown instead of numbers (state panels). */
  mappings?: Record<number, { text: string; color: string }>;
}

export interface RowSpec {
  title: string;
  panels: PanelSpec[];
}

export interface DashboardSpec {
  uid: string;
  title: string;
  description: string;
  rows: RowSpec[];
}

/** A rate over Grafana's interval, which is never shorter than four scrapes. */
export const rate = (selector: string) => `rate(${selector}[$__rate_interval])`;

/** p50, p95 and p99 of a histogram, by the given labels. */
export function quantiles(
  metric: string,
  by: string[] = [],
  filter = '',
  levels = [0.5, 0.95, 0.99],
): Query[] {
  const labels = ['le', ...by].join(', ');
  const legendLabels = by.map((label) => `{{${label}}}`).join(' ');
  return levels.map((level) => ({
    expr: `histogram_quantile(${level}, sum by (${labels}) (${rate(`${metric}_bucket${filter}`)}))`,
    legend: `p${Math.round(level * 100)}${legendLabels ? ` ${legendLabels}` : ''}`,
  }));
}

function fieldConfig(spec: PanelSpec) {
  const mappings = spec.mappings
    ? [
        {
          type: 'value',
          options: Object.fromEntries(
            Object.entries(spec.mappings).map(([value, shown], index) => [value, { ...shown, index }]),
          ),
        },
      ]
    : [];
  return {
    defaults: {
      unit: spec.unit,
      mappings,
      color: { mode: spec.kind === 'state' ? 'fixed' : 'palette-classic' },
      ...(spec.kind === 'timeseries' || spec.kind === undefined
        ? {
            custom: {
              drawStyle: 'line',
              lineWidth: 1,
              fillOpacity: 10,
              showPoints: 'never',
              spanNulls: true,
            },
          }
        : {}),
    },
    overrides: [],
  };
}

function panelOptions(spec: PanelSpec) {
  if (spec.kind === 'stat' || spec.kind === 'state') {
    return {
      reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false },
      colorMode: spec.kind === 'state' ? 'background' : 'value',
      graphMode: 'none',
      textMode: 'value_and_name',
      orientation: 'auto',
    };
  }
  return {
    legend: { displayMode: 'list', placement: 'bottom', showLegend: true },
    tooltip: { mode: 'multi', sort: 'desc' },
  };
}

function panel(spec: PanelSpec, id: number, x: number, y: number) {
  return {
    id,
    type: spec.kind === 'timeseries' || spec.kind === undefined ? 'timeseries' : 'stat',
    title: spec.title,
    description: spec.description,
    datasource: DATASOURCE,
    gridPos: { h: PANEL_HEIGHT, w: PANEL_WIDTH, x, y },
    fieldConfig: fieldConfig(spec),
    options: panelOptions(spec),
    targets: spec.queries.map((query, index) => ({
      refId: String.fromCharCode(65 + index),
      datasource: DATASOURCE,
      expr: query.expr,
      legendFormat: query.legend,
      range: true,
    })),
  };
}

/** Rows laid out top to bottom, each with its panels three to a line; ids in reading order. */
export function dashboard(spec: DashboardSpec) {
  const panels: unknown[] = [];
  let id = 1;
  let y = 0;
  for (const row of spec.rows) {
    panels.push({
      id: id++,
      type: 'row',
      title: row.title,
      collapsed: false,
      gridPos: { h: 1, w: COLUMNS, x: 0, y },
      panels: [],
    });
    y += 1;
    row.panels.forEach((panelSpec, index) => {
      const x = (index * PANEL_WIDTH) % COLUMNS;
      if (index > 0 && x === 0) y += PANEL_HEIGHT;
      panels.push(panel(panelSpec, id++, x, y));
    });
    y += PANEL_HEIGHT;
  }
  return {
    uid: spec.uid,
    title: spec.title,
    description: spec.description,
    tags: ['ragfleet'],
    editable: true,
    graphTooltip: 1,
    schemaVersion: SCHEMA_VERSION,
    version: 1,
    time: { from: 'now-1h', to: 'now' },
    refresh: '30s',
    timezone: 'browser',
    annotations: { list: [] },
    links: [
      { type: 'dashboards', title: 'ragfleet', tags: ['ragfleet'], asDropdown: true, includeVars: true },
    ],
    templating: {
      list: [
        {
          name: 'datasource',
          label: 'Data source',
          type: 'datasource',
          query: 'prometheus',
          current: {},
          hide: 0,
          refresh: 1,
          regex: '',
          options: [],
        },
      ],
    },
    panels,
  };
}
