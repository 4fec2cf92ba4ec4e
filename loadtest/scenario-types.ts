// The shape of scenarios.json and of the generated inputs file, shared by the k6 scripts and the
// local runner: types and constants only, so k6 (no Node APIs) can import it as well as Node.

export const SCENARIO_NAMES = ['search', 'rag_stream', 'ingest', 'ws_ask'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** An open-loop load: `rate` iterations a second for `duration` seconds, at most `maxInFlight` at once. */
export interface ScenarioLoad {
  rate: number;
  duration: number;
  maxInFlight: number;
}

export interface Scenario {
  description: string;
  /** "METHOD /path" on the gateway. */
  route: string;
  /** Fields added to every request body (the query or documents come from the inputs). */
  body: Record<string, unknown>;
  load: ScenarioLoad;
  /** What `--short` (CI) changes of `load`. */
  short: Partial<ScenarioLoad>;
  /** k6 threshold expressions per metric, e.g. { "search_duration": ["p(95)<300"] }. */
  thresholds: Record<string, string[]>;
  /** Thresholds k6 cannot measure, with the reason: only the local runner enforces them. */
  k6Cannot?: Record<string, string>;
}

export interface ScenarioFile {
  inputs: {
    /** How many Cranfield queries the search and answer scenarios cycle through. */
    queries: number;
    /** Cranfield documents ingested before the scenarios run (full run / --short). */
    corpusDocuments: number;
    shortCorpusDocuments: number;
    /** Documents per POST /v1/documents of the ingest scenario. */
    ingestDocumentsPerRequest: number;
  };
  scenarios: Record<ScenarioName, Scenario>;
}

export interface LoadDocument {
  id: string;
  title: string;
  text: string;
}

/** The request bodies' raw material, generated once from Cranfield (loadtest/inputs.ts). */
export interface LoadInputs {
  queries: string[];
  /** Ingested before the scenarios, so search and answers have something to find. */
  corpus: LoadDocument[];
  /** What the ingest scenario posts, under fresh ids each time. */
  ingest: LoadDocument[];
  ingestDocumentsPerRequest: number;
}

/** The load a scenario runs at: its full load, or with `short` applied. */
export function effectiveLoad(scenario: Scenario, short: boolean): ScenarioLoad {
  return short ? { ...scenario.load, ...scenario.short } : scenario.load;
}
