import type { AskOptions, GatewayClient } from '../gateway-client.ts';

function snippet(text: string, width = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

export async function search(client: GatewayClient, query: string, options: AskOptions): Promise<number> {
  const hits = await client.search(query, options);
  if (hits.length === 0) {
    console.log('no matches');
    return 0;
  }
  hits.forEach((hit, index) => {
    const title = hit.title && hit.title !== hit.document_id ? `${hit.title} — ` : '';
    console.log(`${index + 1}. ${hit.score.toFixed(3)}  ${title}${hit.document_id}\n   ${snippet(hit.text)}`);
  });
  return 0;
}
