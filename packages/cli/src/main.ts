#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { CliError, UsageError } from './cli-error.ts';
import { ask } from './commands/ask.ts';
import { chat } from './commands/chat.ts';
import { demo, demoNumbers } from './commands/demo.ts';
import { get } from './commands/get.ts';
import { ingest } from './commands/ingest.ts';
import { mark } from './commands/mark.ts';
import { recommend } from './commands/recommend.ts';
import { search } from './commands/search.ts';
import { warmDaemon, warmOnce } from './commands/warm.ts';
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
  warm --once | --daemon      replay the tenant's most asked questions through /v1/rag to fill
                              the embedding and response caches (needs a key with the admin and
                              rag scopes; the tenant is the key's); prints the response-cache
                              hit ratio of a first and a second pass
  demo lightning              index the Lightning pack's handbook and create demo nodes with
                              their metrics (--nodes, --seed; running it again reuses them)
  recommend <subject>         scored recommendations for a subject: progress per stage on
                              stderr, then a table with each one's id (--no-model, --limit, --json)
  mark <id> shown|applied|dismissed
                              move a recommendation along its lifecycle (--note); applied ones
                              are measured later

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
  --top <n>            how many of the most asked questions to warm (default 100, at most 1000)
  --interval <s>       seconds between the starts of two warm rounds (--daemon, default 60)
  --rounds <n>         stop the daemon after n rounds (default: until Ctrl-C or SIGTERM)
  --concurrency <n>    questions warmed at once (default 4)
  --nodes <n>          demo nodes to create (demo, default 5, at most 100)
  --seed <n>           the demo fleet's seed: the same seed gives the same nodes (default 1)
  --no-model           rule recommendations only, no model candidates (recommend)
  --limit <n>          at most n recommendations per source, 1 to 100 (recommend)
  --json               print the gateway's whole JSON answer (recommend)
  --note <text>        why, kept in the recommendation's history (mark, at most 2,000 characters)
  -h, --help           show this help`;

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new UsageError(`--${name} must be a positive integer`);
  return number;
}

/** `--filter key=value` pairs: exact metadata matches, as `filter.metadata`. */
function metadataFilter(pairs: string[] | undefined): Record<string, string> | undefined {
  if (!pairs?.length) return undefined;
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw new UsageError(`--filter expects key=value, got "${pair}"`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

const RECOMMEND_USAGE = 'usage: ragfleet recommend <subject> [--no-model] [--limit N] [--json]';

function recommendSubject(args: string[]): string {
  if (args.length !== 1 || !args[0]?.trim())
    throw new UsageError('recommend takes one subject id', RECOMMEND_USAGE);
  return args[0];
}

function recommendLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new UsageError('--limit must be an integer from 1 to 100', RECOMMEND_USAGE);
  return limit;
}

interface WarmFlags {
  once?: boolean | undefined;
  daemon?: boolean | undefined;
  top?: string | undefined;
  interval?: string | undefined;
  rounds?: string | undefined;
  concurrency?: string | undefined;
}

/** `warm --once` or `warm --daemon`; the daemon stops after its round on Ctrl-C or SIGTERM. */
async function warm(client: GatewayClient, flags: WarmFlags): Promise<number> {
  if (flags.once === flags.daemon)
    throw new UsageError('usage: ragfleet warm --once | --daemon [--interval 60]');
  const top = positiveInt(flags.top, 'top') ?? 100;
  if (top > 1_000) throw new UsageError('--top must be at most 1000');
  const settings = { top, concurrency: positiveInt(flags.concurrency, 'concurrency') ?? 4 };
  if (flags.once) return warmOnce(client, settings);
  const stop = new AbortController();
  const onSignal = () => {
    // A second signal does not wait for the round to end.
    if (stop.signal.aborted) process.exit(130);
    console.error('ragfleet: stopping after this round (again to stop now)');
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return warmDaemon(client, {
    ...settings,
    intervalSeconds: positiveInt(flags.interval, 'interval') ?? 60,
    rounds: positiveInt(flags.rounds, 'rounds'),
    signal: stop.signal,
  });
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
      once: { type: 'boolean' },
      daemon: { type: 'boolean' },
      top: { type: 'string' },
      interval: { type: 'string' },
      rounds: { type: 'string' },
      concurrency: { type: 'string' },
      nodes: { type: 'string' },
      seed: { type: 'string' },
      'no-model': { type: 'boolean' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      note: { type: 'string' },
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
      if (rest.length === 0) throw new UsageError('usage: ragfleet search "query"');
      return search(client, rest.join(' '), options);
    case 'warm':
      return warm(client, values);
    case 'demo':
      return demo(client, rest, { ...demoNumbers(values), pollMs: 300, timeoutMs: 120_000 });
    case 'recommend':
      return recommend(client, recommendSubject(rest), {
        includeModel: values['no-model'] !== true,
        limit: recommendLimit(values.limit),
        json: values.json === true,
      });
    case 'mark':
      return mark(client, rest, values.note);
    default:
      throw new UsageError(`unknown command "${command}"\n`, USAGE);
  }
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  // parseArgs reports unknown options with a TypeError carrying an ERR_PARSE_ARGS_* code.
  const code = (error as { code?: unknown }).code;
  if (error instanceof CliError) {
    console.error(`ragfleet: ${error.message}`);
    process.exitCode = error.exitCode;
  } else if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    // An option typed wrong is a usage mistake: exit 2, as for the commands' own arguments.
    console.error(`ragfleet: ${(error as Error).message}\n(ragfleet --help lists the options)`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
