// The request bodies of the scenarios, built the same way by the k6 scripts and the local runner
// (no Node API here: k6 imports it too).
import type { LoadDocument, LoadInputs, Scenario } from './scenario-types.ts';

/** The path of a scenario's "METHOD /path". */
export function routePath(scenario: Scenario): string {
  return scenario.route.split(' ')[1]!;
}

/** Iteration `index` asks the queries in turn. */
export function queryAt(inputs: LoadInputs, index: number): string {
  return inputs.queries[index % inputs.queries.length]!;
}

/** The question of iteration `index`: the scenario's fixed fields and the next query. */
export function questionBody(scenario: Scenario, inputs: LoadInputs, index: number): Record<string, unknown> {
  return { ...scenario.body, query: queryAt(inputs, index) };
}

/**
 * The ingest batch of iteration `index`: the next documents of the pool under ids no other
 * iteration or run uses (`runId`), so every request is a real ingest rather than a replace.
 */
export function ingestBody(
  scenario: Scenario,
  inputs: LoadInputs,
  index: number,
  runId: string,
): { documents: Array<LoadDocument & { metadata: Record<string, string> }> } {
  const perRequest = inputs.ingestDocumentsPerRequest;
  const documents = Array.from({ length: perRequest }, (_, offset) => {
    const document = inputs.ingest[(index * perRequest + offset) % inputs.ingest.length]!;
    return {
      ...document,
      id: `loadtest-${runId}-${index}-${offset}`,
      metadata: { source: 'loadtest', copy_of: document.id },
    };
  });
  return { ...scenario.body, documents };
}
