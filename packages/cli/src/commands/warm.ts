import { CliError } from '../cli-error.ts';
import type { AnswerSummary, GatewayClient, PopularQuestion } from '../gateway-client.ts';

export interface WarmSettings {
  /** How many of the most asked questions to replay. */
  top: number;
  /** Questions asked at once. */
  concurrency: number;
}

export interface DaemonSettings extends WarmSettings {
  intervalSeconds: number;
  /** Stop after this many rounds (default: until the signal). */
  rounds?: number | undefined;
  /** Aborted by Ctrl-C or SIGTERM: the daemon stops after the round it is in. */
  signal: AbortSignal;
}

type Outcome = { answer: AnswerSummary } | { error: string };

/** One pass over the list: how many answered, how many of those came from the response cache. */
interface Pass {
  outcomes: Outcome[];
  answered: number;
  cached: number;
  failed: number;
}

/** Runs `task` on every item, at most `limit` at a time; results in the items' order. */
async function inPool<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function askAll(
  client: GatewayClient,
  questions: PopularQuestion[],
  concurrency: number,
): Promise<Pass> {
  const outcomes = await inPool(questions, concurrency, async ({ question }): Promise<Outcome> => {
    try {
      return { answer: await client.warmAnswer(question) };
    } catch (error) {
      if (error instanceof CliError) return { error: error.message };
      throw error;
    }
  });
  const answers = outcomes.flatMap((outcome) => ('answer' in outcome ? [outcome.answer] : []));
  return {
    outcomes,
    answered: answers.length,
    cached: answers.filter((answer) => answer.cached).length,
    failed: outcomes.length - answers.length,
  };
}

const percent = (part: number, whole: number) =>
  whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)} %`;

function passLine(name: string, pass: Pass): string {
  const failed = pass.failed > 0 ? `, ${pass.failed} failed` : '';
  return `${name} ${pass.cached} of ${pass.answered} answers came from the response cache (${percent(pass.cached, pass.answered)})${failed}`;
}

/**
 * One round: reads the caller's tenant's most asked questions and asks each through /v1/rag (not
 * streamed), which fills the embedding cache (retrieval embeds the question) and the response
 * cache (generate stores the answer). Then asks them all a second time. The hit ratio "before"
 * is the share of the first pass's answers whose `cached` was true (what the cache already held),
 * "after" the same share in the second pass (what warming left in it). Answers 1 when a question
 * failed in either pass.
 */
export async function warmOnce(client: GatewayClient, settings: WarmSettings): Promise<number> {
  const questions = await client.topQuestions(settings.top);
  if (questions.length === 0) {
    console.log('nothing to warm: no question has been counted for this tenant yet');
    return 0;
  }
  console.log(`warming the ${questions.length} most asked questions`);
  const first = await askAll(client, questions, settings.concurrency);
  for (const [index, { question, score }] of questions.entries()) {
    const outcome = first.outcomes[index]!;
    const result =
      'answer' in outcome
        ? `${outcome.answer.provider}/${outcome.answer.model}, ${outcome.answer.cached ? 'was cached' : 'answered and cached'}`
        : `failed: ${outcome.error}`;
    console.log(`  ${String(index + 1).padStart(3)}. [${score.toFixed(2)}] ${question} (${result})`);
  }
  const second = await askAll(client, questions, settings.concurrency);
  console.log(passLine('pass 1 (warming):  ', first));
  console.log(passLine('pass 2 (verifying):', second));
  console.log(
    `response-cache hit ratio: ${percent(first.cached, first.answered)} before, ${percent(second.cached, second.answered)} after`,
  );
  return first.failed + second.failed > 0 ? 1 : 0;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * A round every `intervalSeconds` (from the start of one to the start of the next, or at once
 * when a round took longer) until the signal or `rounds`. A round that fails (the gateway away,
 * say) is reported and the next one tried: a daemon outlives a gateway restart.
 */
export async function warmDaemon(client: GatewayClient, settings: DaemonSettings): Promise<number> {
  const { signal } = settings;
  for (let round = 1; !signal.aborted; round++) {
    const started = Date.now();
    console.log(`round ${round} at ${new Date(started).toISOString()}`);
    try {
      await warmOnce(client, settings);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      console.error(`ragfleet: round ${round}: ${error.message}`);
    }
    if (settings.rounds !== undefined && round >= settings.rounds) break;
    await sleep(Math.max(0, started + settings.intervalSeconds * 1000 - Date.now()), signal);
  }
  console.log('warmer stopped');
  return 0;
}
