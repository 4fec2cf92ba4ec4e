import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The question the hop and reconnect benchmarks ask, answered by the page they ingest. */
export const GUIDE_QUESTION = 'How does a retried ingest job avoid duplicating chunks?';

/** Ingests docs/ingest.md through a fleet's gateway and waits for the job to finish. */
export async function ingestGuide(gatewayUrl: string): Promise<void> {
  const text = readFileSync(join(import.meta.dirname, '../../docs/ingest.md'), 'utf8');
  const ingest = await fetch(`${gatewayUrl}/v1/documents?wait=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ documents: [{ id: 'docs/ingest.md', text }] }),
  });
  if (ingest.status !== 200) throw new Error(`ingest answered ${ingest.status}: ${await ingest.text()}`);
}
