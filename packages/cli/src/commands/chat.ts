import { createInterface } from 'node:readline';
import { CliError } from '../cli-error.ts';
import type { AskOptions, GatewayClient, TurnEvent } from '../gateway-client.ts';
import { answeredBy } from './ask.ts';

/** Resumes of one turn before giving up: each picks up after the last event received. */
const MAX_RESUMES = 3;

export interface ChatOptions extends AskOptions {
  /** Continue this session instead of starting one. */
  session?: string;
}

/**
 * A conversation: each line read from stdin is a turn, answered with the session's history as
 * context. A stream that breaks off is resumed after the last event received, so no word is
 * lost or repeated. The session id goes to stderr, for `--session` later.
 */
export async function chat(client: GatewayClient, options: ChatOptions): Promise<number> {
  const sessionId = options.session ?? (await client.createSession());
  console.error(
    `session ${sessionId} (continue it with --session ${sessionId}; an empty line or Ctrl-D ends)`,
  );
  const lines = createInterface({ input: process.stdin, terminal: false });
  const interactive = process.stdin.isTTY === true;
  if (interactive) process.stderr.write('you> ');
  for await (const line of lines) {
    const message = line.trim();
    if (!message) break;
    await turn(client, sessionId, message, options);
    if (interactive) process.stderr.write('\nyou> ');
  }
  return 0;
}

async function turn(
  client: GatewayClient,
  sessionId: string,
  message: string,
  options: AskOptions,
): Promise<void> {
  let turnId: string | undefined;
  let seen = 0;
  let stream: AsyncIterable<TurnEvent> = client.turn(sessionId, message, options);
  for (let resumes = 0; ; resumes++) {
    try {
      for await (const event of stream) {
        if (event.seq > 0 && event.seq <= seen) continue; // already shown
        if (event.seq > 0) seen = event.seq;
        if (event.type === 'started') turnId = event.turn_id;
        if (event.type === 'token') process.stdout.write(event.text);
        if (event.type === 'done') {
          process.stdout.write('\n');
          console.error(`(${answeredBy(event)})`);
          return;
        }
        // seq 0: the gateway cut the stream itself; the turn may still be running.
        if (event.type === 'error' && event.seq > 0) {
          process.stdout.write('\n');
          const suggestions = (event.error as { fallback_suggestions?: string[] }).fallback_suggestions ?? [];
          if (suggestions.length > 0)
            console.error(`You could ask:\n${suggestions.map((s) => `  ${s}`).join('\n')}`);
          throw new CliError(`${event.error.code}: ${event.error.message}`);
        }
        if (event.type === 'error') break;
      }
    } catch (error) {
      if (error instanceof CliError && !error.message.startsWith('cannot reach')) throw error;
    }
    if (!turnId || resumes >= MAX_RESUMES)
      throw new CliError('the answer stream broke off and could not be resumed');
    stream = client.resume(sessionId, turnId, seen);
  }
}
