/** What the gateway's public port answers a load balancer and a caller with no credentials. */
export interface GatewayProbes {
  readyz: { status: number; body: unknown };
  anonymousSearch: { status: number; wwwAuthenticate: string | null };
}

async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function probeGateway(url: string): Promise<GatewayProbes> {
  const readyz = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(10_000) });
  const search = await fetch(`${url}/v1/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'JetStream work queue', k: 1 }),
    signal: AbortSignal.timeout(10_000),
  });
  await search.body?.cancel();
  return {
    readyz: { status: readyz.status, body: await bodyOf(readyz) },
    anonymousSearch: { status: search.status, wwwAuthenticate: search.headers.get('www-authenticate') },
  };
}
