import { CliError } from '../cli-error.ts';
import type { GatewayClient } from '../gateway-client.ts';
import { recommendationTable } from '../recommendation-table.ts';
import type { Recommendation, RecommendEvent, RecommendQuery } from '../recommendation-types.ts';

export interface RecommendOptions extends RecommendQuery {
  /** Print the gateway's whole JSON answer instead of progress and a table. */
  json: boolean;
}

const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? 'unknown' : `${Math.round(value * 100)} %`;

/** One stderr line per pipeline stage, so a slow model step shows where the time goes. */
function progressLine(event: Exclude<RecommendEvent, { type: 'error' }>, includeModel: boolean): string {
  switch (event.type) {
    case 'status':
      return `[${event.progress}%] ${event.stage}: ${event.message}`;
    case 'subject_info': {
      const name = event.subject ? `${event.subject.name} (${event.subject.pack})` : 'subject';
      return `[${event.progress}%] ${name}: health ${percent(event.context?.health)}`;
    }
    case 'rule_recommendations':
    case 'ai_recommendations': {
      const kind = event.type === 'rule_recommendations' ? 'rule' : 'model';
      if (kind === 'model' && !includeModel) return `[${event.progress}%] model skipped (--no-model)`;
      const extra = [
        ...(event.dropped ? [`${event.dropped} dropped`] : []),
        ...(event.merged ? [`${event.merged} merged`] : []),
        // A source that could not run still lets the stream complete: say why it is empty.
        ...(event.error ? [`failed: ${event.error.code}: ${event.error.message}`] : []),
      ];
      const count = event.recommendations.length;
      return `[${event.progress}%] ${count} ${kind} candidate${count === 1 ? '' : 's'}${extra.length ? ` (${extra.join(', ')})` : ''}`;
    }
    case 'complete':
      return `[${event.progress}%] ${event.total} recommendations in ${event.elapsed_ms} ms (weights ${event.weights_version}, rule pack ${event.rule_pack_version})`;
  }
}

/**
 * `ragfleet recommend <subject>`: follows the recommendation stream, stage by stage on stderr,
 * then prints the scored recommendations as a table; `--json` prints the whole answer instead.
 */
export async function recommend(
  client: GatewayClient,
  subjectId: string,
  options: RecommendOptions,
): Promise<number> {
  const query = { includeModel: options.includeModel, limit: options.limit };
  if (options.json) {
    const answer = await client.recommendations(subjectId, query);
    console.log(JSON.stringify(answer, null, 2));
    return 0;
  }
  const recommendations: Recommendation[] = [];
  for await (const event of client.recommendationStream(subjectId, query)) {
    if (event.type === 'error') throw new CliError(`${event.error.code}: ${event.error.message}`);
    console.error(progressLine(event, options.includeModel));
    if (event.type === 'rule_recommendations' || event.type === 'ai_recommendations')
      recommendations.push(...event.recommendations);
    if (event.type === 'complete') {
      console.log(recommendationTable(recommendations));
      return 0;
    }
  }
  // Never a partial table: what came may leave out the best recommendation.
  throw new CliError('the recommendation stream ended before completion');
}
