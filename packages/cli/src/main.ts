#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { CliError } from './cli-error.ts';
import { ask } from './commands/ask.ts';
import { chat } from './commands/chat.ts';
import { get } from './commands/get.ts';
import { ingest } from './commands/ingest.ts';
import { search } from './commands/search.ts';
import { GatewayClient, type AskOptions } from './gateway-client.ts';
import { connectionSettings, DEFAULT_GATEWAY_URL, userDirectory } from './settings.ts';

const USAGE = `usage: ragfleet <command> [options]

commands:
  ingest <files or dirs...>   index .txt, .md and .jsonl files (id = path relative to where you are)
  get <id>                    show a stored document: title, metadata and text
  ask "question"              stream a cited answer
  chat                        a conversation: each line of stdin is a turn (the history is
                              the context); a stream that breaks off resumes where it stopped
  search "query"              list the best matching chunks

options:
  --url <url>          gateway address (default: $RAGFLEET_URL or ${DEFAULT_GATEWAY_URL})
  --api-key <key>      API key or token, sent as Authorization: Bearer (default: $RAGFLEET_API_KEY;
                       prefer the variable: a flag is visible to other users in the process list)
  --tenant <id>        tenant to act for in development mode (X-Tenant-Id)
  -k, --k <n>          how many chunks to retrieve (ask, search)
  --tier <tier>        free, standard or premium (ask)
  --filter key=value   metadata filter, repeatable (ask, search)
  --session <id>       continue a conversation (chat)
  --batch-size <n>     documents per ingest request (default 64)
  -h, --help           show this help`;

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new CliError(`--${name} must be a positive integer`);
  return number;
}

/** `--filter key=value` pairs: exact metadata matches, as `filter.metadata`. */
function metadataFilter(pairs: string[] | undefined): Record<string, string> | undefined {
  if (!pairs?.length) return undefined;
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw new CliError(`--filter expects key=value, got "${pair}"`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      gateway: { type: 'string' },
      'api-key': { type: 'string' },
      tenant: { type: 'string' },
      k: { type: 'string', short: 'k' },
      tier: { type: 'string' },
      filter: { type: 'string', multiple: true },
      'batch-size': { type: 'string' },
      session: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  const settings = connectionSettings(values);
  const client = new GatewayClient(settings.url, { apiKey: settings.apiKey, tenant: settings.tenant });
  const options: AskOptions = {
    ...(values.k !== undefined && { k: positiveInt(values.k, 'k') }),
    ...(values.tier !== undefined && { tier: values.tier }),
    ...(values.filter && { filter: { metadata: metadataFilter(values.filter) } }),
  };
  switch (command) {
    case 'ingest':
      return ingest(client, rest, {
        batchSize: positiveInt(values['batch-size'], 'batch-size') ?? 64,
        maxBatchBytes: 4 * 1024 * 1024,
        pollMs: 300,
        maxPollMs: 3_000,
        directory: userDirectory(),
      });
    case 'get':
      return get(client, rest);
    case 'ask':
      return ask(client, rest.join(' '), options);
    case 'chat':
      return chat(client, { ...options, ...(values.session && { session: values.session }) });
    case 'search':
      if (rest.length === 0) throw new CliError('usage: ragfleet search "query"');
      return search(client, rest.join(' '), options);
    default:
      throw new CliError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  // parseArgs reports unknown options with a TypeError carrying an ERR_PARSE_ARGS_* code.
  const code = (error as { code?: unknown }).code;
  if (error instanceof CliError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
    console.error(`ragfleet: ${(error as Error).message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
