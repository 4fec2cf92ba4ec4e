import { toRagfleetError } from '@ragfleet/errors';
import type { AnswerEvent, AnswerRequest } from '../domain/answer-events.ts';
import { answerCostUsd } from '../domain/answer-cost.ts';
import { AnswerPipeline } from '../domain/answer-pipeline.ts';
import type { ChatProvider, ModelChoice, NumberedPassage, PromptTemplates } from '../domain/ports.ts';
import type { ProviderGuard } from '../domain/provider-guard.ts';
import { countTokens } from '../domain/token-count.ts';
import { citedDocumentIds, compareShadow, type AnswerOutcome } from './shadow-comparison.ts';
import type { ShadowMetrics } from './shadow-metrics.ts';
import type { ShadowStore } from './shadow-store.ts';

/** What the shadow runs instead of the primary: another model, another prompt version, or both. */
export interface ShadowCandidate {
  model?: { provider: string; model: string };
  promptVersion?: string;
}

/** A model's catalog prices (the router's ListModels); undefined: unknown, priced as free. */
export type PriceLookup = (
  provider: string,
  model: string,
) => Promise<Pick<ModelChoice, 'inputPricePerMtok' | 'outputPricePerMtok'> | undefined>;

interface ShadowLogger {
  warn(fields: object, message: string): void;
}

export interface ShadowRunnerOptions {
  /** Share of answers shadowed, 0 to 1; 0 turns shadowing off. */
  share: number;
  candidate: ShadowCandidate;
  /** USD the shadow runs may spend per UTC day, all replicas together when the store is shared. */
  budgetUsd: number;
  /** Shadow runs under way at once in this process; a sampled answer beyond it is skipped. */
  maxConcurrent: number;
  /** Comparisons kept for the report. */
  keepRecent: number;
  store: ShadowStore;
  prices: PriceLookup;
  prompts: PromptTemplates;
  providers: ChatProvider[];
  /** The shadow's own guard: a failing candidate must not open the primary's breakers. */
  guard: ProviderGuard;
  maxOutputTokens: number;
  /** A shadow run that takes longer is cancelled (and reported as an error). */
  timeoutMs?: number;
  metrics?: ShadowMetrics;
  logger?: ShadowLogger;
  random?: () => number;
  now?: () => number;
  today?: () => Date;
}

/** What the primary's stream showed the shadow: its passages, its model, its outcome. */
interface PrimaryView {
  passages: NumberedPassage[];
  model: ModelChoice | undefined;
  outcome: Promise<AnswerOutcome | undefined>;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

// A prompt's words besides the question and passages (the template): for the budget's estimate.
const TEMPLATE_TOKENS = 400;

export function describeCandidate(candidate: ShadowCandidate): string {
  const parts = [
    ...(candidate.model ? [`${candidate.model.provider}/${candidate.model.model}`] : []),
    ...(candidate.promptVersion ? [`prompt ${candidate.promptVersion}`] : []),
  ];
  return parts.join(' + ');
}

/**
 * Shadow traffic: a share of answers is also answered by a candidate, in the background, and the
 * two are compared. The shadow starts only once the primary's first token has been handed on (so
 * it is never on the primary's path to its first token), uses the primary's passages (one
 * retrieval; the comparison is about the model and prompt), never reserves or settles the
 * tenant's budget (its pipeline has none) and is paid from the shadow budget instead: an estimate
 * is held before it starts, and a run that would not fit is skipped and counted. Nothing it does
 * reaches the caller: its failures are logged and counted.
 */
export class ShadowRunner {
  readonly #options: Required<Omit<ShadowRunnerOptions, 'metrics' | 'logger'>> &
    Pick<ShadowRunnerOptions, 'metrics' | 'logger'>;
  readonly label: string;
  #inFlight = 0;
  readonly #running = new Set<Promise<void>>();

  constructor(options: ShadowRunnerOptions) {
    this.#options = {
      timeoutMs: 120_000,
      random: Math.random,
      now: () => performance.now(),
      today: () => new Date(),
      ...options,
    };
    this.label = describeCandidate(options.candidate);
  }

  get enabled(): boolean {
    return this.#options.share > 0 && this.label !== '';
  }

  get share(): number {
    return this.#options.share;
  }

  get budgetUsd(): number {
    return this.#options.budgetUsd;
  }

  get store(): ShadowStore {
    return this.#options.store;
  }

  /** Runs under way; tests and shutdown wait for them. */
  async settled(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }

  /** The primary's events, untouched; a sampled answer also starts its shadow after its first token. */
  async *observe(events: AsyncIterable<AnswerEvent>, request: AnswerRequest): AsyncGenerator<AnswerEvent> {
    if (!this.enabled || this.#options.random() >= this.#options.share) {
      yield* events;
      return;
    }
    const started = this.#options.now();
    let passages: NumberedPassage[] = [];
    let model: ModelChoice | undefined;
    const texts: string[] = [];
    let ended: AnswerOutcome | undefined;
    let launched = false;
    let reportOutcome: (outcome: AnswerOutcome | undefined) => void = () => {};
    const outcome = new Promise<AnswerOutcome | undefined>((resolve) => (reportOutcome = resolve));
    try {
      for await (const event of events) {
        if (event.type === 'citations') passages = event.citations;
        if (event.type === 'status' && event.stage === 'generating' && event.provider && event.model)
          model = { provider: event.provider, model: event.model };
        if (event.type === 'token') texts.push(event.text);
        if (event.type === 'done' || event.type === 'error') {
          const text = texts.join('');
          ended = {
            latencyMs: this.#options.now() - started,
            costUsd: event.type === 'done' ? event.costUsd : 0,
            text,
            citedDocumentIds: citedDocumentIds(text, passages),
            ...(event.type === 'error' ? { error: event.code } : {}),
          };
        }
        yield event;
        if (event.type === 'token' && !launched) {
          launched = true;
          // The token has been handed on; the shadow begins on a later turn of the event loop.
          const view: PrimaryView = { passages, model, outcome };
          this.#track(nextTurn().then(() => this.#shadow(request, view)));
        }
      }
    } finally {
      // A primary cut short (the caller went away) has nothing to compare against.
      reportOutcome(ended);
    }
  }

  #track(run: Promise<void>): void {
    const tracked = run.catch((error: unknown) => {
      this.#options.logger?.warn({ err: toRagfleetError(error).message }, 'shadow run failed');
    });
    this.#running.add(tracked);
    void tracked.finally(() => this.#running.delete(tracked));
  }

  async #shadow(request: AnswerRequest, primary: PrimaryView): Promise<void> {
    const options = this.#options;
    const named = options.candidate.model ?? primary.model;
    if (!named) return;
    if (this.#inFlight >= options.maxConcurrent) {
      options.metrics?.skipped('busy');
      await options.store.countSkipped('busy');
      return;
    }
    this.#inFlight++;
    options.metrics?.started();
    let spentUsd = 0;
    try {
      const choice: ModelChoice = { ...named, ...(await options.prices(named.provider, named.model)) };
      const estimate = answerCostUsd(choice, {
        inputTokens:
          countTokens(`${request.query} ${primary.passages.map((passage) => passage.text).join(' ')}`) +
          TEMPLATE_TOKENS,
        outputTokens: options.maxOutputTokens,
      });
      const day = options.today().toISOString().slice(0, 10);
      if (!(await options.store.hold(day, estimate, options.budgetUsd))) {
        options.metrics?.skipped('budget');
        await options.store.countSkipped('budget');
        return;
      }
      const shadow = await this.#answer(request, primary.passages, choice);
      spentUsd = shadow.costUsd;
      await options.store.adjust(day, shadow.costUsd - estimate);
      const primaryOutcome = await primary.outcome;
      if (!primaryOutcome) return;
      const comparison = compareShadow(this.label, primaryOutcome, shadow, options.today());
      options.metrics?.compared(comparison);
      await options.store.record(comparison, options.keepRecent);
    } finally {
      this.#inFlight--;
      options.metrics?.ended(spentUsd);
    }
  }

  /** The candidate's answer over the primary's passages: no response cache, no tenant budget. */
  async #answer(
    request: AnswerRequest,
    passages: NumberedPassage[],
    choice: ModelChoice,
  ): Promise<AnswerOutcome> {
    const options = this.#options;
    const pipeline = new AnswerPipeline({
      router: { route: async () => ({ chain: [choice], reason: `shadow candidate ${this.label}` }) },
      retriever: { search: async () => passages },
      prompts: options.prompts,
      providers: options.providers,
      guard: options.guard,
      defaultTopK: Math.max(1, passages.length),
      maxOutputTokens: options.maxOutputTokens,
    });
    const started = options.now();
    const texts: string[] = [];
    let costUsd = 0;
    let error: string | undefined = 'INCOMPLETE';
    try {
      const shadowRequest: AnswerRequest = {
        ...request,
        k: 0,
        promptVersion: options.candidate.promptVersion ?? request.promptVersion,
        tenant: undefined,
      };
      for await (const event of pipeline.answer(shadowRequest, AbortSignal.timeout(options.timeoutMs))) {
        if (event.type === 'token') texts.push(event.text);
        if (event.type === 'done') {
          costUsd = event.costUsd;
          error = undefined;
        }
        if (event.type === 'error') error = event.code;
      }
    } catch (thrown) {
      error = toRagfleetError(thrown).code;
    }
    const text = texts.join('');
    return {
      latencyMs: options.now() - started,
      costUsd,
      text,
      citedDocumentIds: citedDocumentIds(text, passages),
      ...(error ? { error } : {}),
    };
  }
}
