import { UsageError } from '../cli-error.ts';
import type { GatewayClient, StoredDocument } from '../gateway-client.ts';

/** The document as a reader wants it: a header of what it is, a blank line, then its text. */
export function formatDocument(document: StoredDocument): string {
  const header = [
    `id:       ${document.id}`,
    `title:    ${document.title || '(none)'}`,
    ...Object.entries(document.metadata)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => `meta:     ${key}=${value}`),
    `chunks:   ${document.chunk_count}`,
    `length:   ${document.length} characters`,
    ...(document.updated_at ? [`updated:  ${document.updated_at}`] : []),
  ];
  return `${header.join('\n')}\n\n${document.text ?? ''}`;
}

/** `ragfleet get <id>`: one stored document, with its text. */
export async function get(client: GatewayClient, ids: string[]): Promise<number> {
  if (ids.length !== 1 || !ids[0]) throw new UsageError('usage: ragfleet get <document id>');
  const document = await client.document(ids[0]);
  process.stdout.write(`${formatDocument(document).replace(/\n*$/, '')}\n`);
  return 0;
}
