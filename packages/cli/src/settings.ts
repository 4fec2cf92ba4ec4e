import { UsageError } from './cli-error.ts';

export const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:8080';

/** Where and as whom the CLI talks to the gateway, from flags first, then the environment. */
export interface ConnectionSettings {
  url: string;
  apiKey: string | undefined;
  tenant: string | undefined;
}

export interface ConnectionFlags {
  url?: string | undefined;
  /** The older name of --url, still accepted. */
  gateway?: string | undefined;
  'api-key'?: string | undefined;
  tenant?: string | undefined;
}

/**
 * `--url` / `RAGFLEET_URL` and `--api-key` / `RAGFLEET_API_KEY`; `--gateway` and `GATEWAY_URL`
 * are the names earlier versions read, kept so existing scripts go on working.
 */
export function connectionSettings(
  flags: ConnectionFlags,
  env: Record<string, string | undefined> = process.env,
): ConnectionSettings {
  const url = flags.url ?? flags.gateway ?? env.RAGFLEET_URL ?? env.GATEWAY_URL ?? DEFAULT_GATEWAY_URL;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--url must be an http(s) address such as ${DEFAULT_GATEWAY_URL}, got "${url}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new UsageError(`--url must be an http(s) address, got "${url}"`);
  }
  const apiKey = (flags['api-key'] ?? env.RAGFLEET_API_KEY)?.trim() || undefined;
  if (apiKey !== undefined && /\s/.test(apiKey)) throw new UsageError('the API key must not contain spaces');
  return { url, apiKey, tenant: flags.tenant };
}

/**
 * The directory the user typed the command in. `pnpm ragfleet ...` runs the CLI from the
 * repository root whatever the user's directory, and says where the user was in INIT_CWD; paths
 * the user names, and the document ids made from them, are relative to that directory.
 */
export function userDirectory(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): string {
  return env.INIT_CWD || cwd;
}
