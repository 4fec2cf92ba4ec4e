// What the scenarios load: a fleet this runner starts (free ports, request limits lifted, its own
// data directory) or a gateway already running at --url; and the corpus ingested before them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RagfleetError } from '../packages/errors/src/index.ts';
import { startFleet } from '../scripts/fleet-runner.ts';
import type { LoadDocument } from './scenario-types.ts';

export interface Target {
  url: string;
  /** Sent as Authorization: Bearer on every request, and as the bearer subprotocol on sockets. */
  apiKey?: string;
  /** Stops what this runner started (nothing for --url). */
  stop(): Promise<void>;
}

export function requestHeaders(target: Target, accept = 'application/json'): Record<string, string> {
  return {
    'content-type': 'application/json',
    accept,
    ...(target.apiKey !== undefined && { authorization: `Bearer ${target.apiKey}` }),
  };
}

export async function startTarget(options: {
  url?: string;
  apiKey?: string;
  log: (line: string) => void;
}): Promise<Target> {
  const apiKey = options.apiKey;
  if (options.url !== undefined) {
    const url = options.url.replace(/\/+$/, '');
    if (!/^https?:\/\//.test(url))
      throw new RagfleetError('INVALID_ARGUMENT', `--url ${url} is not an http(s) URL.`);
    return { url, ...(apiKey !== undefined && { apiKey }), stop: async () => {} };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-loadtest-'));
  options.log(`starting a fleet (data in ${dataDir})`);
  try {
    const fleet = await startFleet({
      freePorts: true,
      unthrottled: true,
      dataDir,
      env: { LOG_LEVEL: 'warn' },
    });
    return {
      url: fleet.gatewayUrl,
      ...(apiKey !== undefined && { apiKey }),
      stop: async () => {
        await fleet.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Ingests the corpus and waits for it (bounded), so search and answers have something to find. */
export async function ingestCorpus(
  target: Target,
  documents: LoadDocument[],
  timeoutMs = 120_000,
): Promise<void> {
  const response = await fetch(`${target.url}/v1/documents?wait=true&timeout_ms=${timeoutMs}`, {
    method: 'POST',
    headers: requestHeaders(target),
    body: JSON.stringify({ documents }),
    signal: AbortSignal.timeout(timeoutMs + 10_000),
  });
  const text = await response.text();
  if (response.status !== 200)
    throw new RagfleetError(
      'SERVICE_UNAVAILABLE',
      `Ingesting the corpus answered ${response.status}: ${text.slice(0, 300)}`,
    );
}
