import { CliError, UsageError } from '../cli-error.ts';
import type { AskOptions, Citation, GatewayClient, RagEvent } from '../gateway-client.ts';

function sources(citations: Citation[]): string {
  return citations
    .map((citation) => {
      const title = citation.title && citation.title !== citation.document_id ? `${citation.title} — ` : '';
      return `  [${citation.index}] ${title}${citation.document_id}`;
    })
    .join('\n');
}

/** Which model answered, and how soon its first words came (a gateway before it sent no timing). */
export function answeredBy(done: Extract<RagEvent, { type: 'done' }>): string {
  const model = `${done.provider}/${done.model}`;
  const first = done.time_to_first_token_ms;
  return first === undefined ? model : `${model}, first token ${first} ms`;
}

/** Prints the answer as its tokens arrive, then the numbered sources. */
export async function ask(client: GatewayClient, question: string, options: AskOptions): Promise<number> {
  if (!question.trim()) throw new UsageError('usage: ragfleet ask "question"');
  let citations: Citation[] = [];
  for await (const event of client.ask(question, options)) {
    switch (event.type) {
      case 'citations':
        citations = event.citations;
        break;
      case 'token':
        process.stdout.write(event.text);
        break;
      case 'error':
        process.stdout.write('\n');
        throw new CliError(`${event.error.code}: ${event.error.message}`);
      case 'done':
        process.stdout.write('\n');
        if (citations.length > 0) console.log(`\nSources:\n${sources(citations)}`);
        console.error(`(${answeredBy(event)})`);
        return 0;
      default:
        break;
    }
  }
  throw new CliError('the answer stream ended before completion');
}
