import { randomUUID } from 'node:crypto';
import { RagfleetError, toRagfleetError } from '@ragfleet/errors';
import { answerCostUsd } from '../domain/answer-cost.ts';
import { BudgetHolds, type Held } from '../domain/budget-holds.ts';
import { numberByDocument } from '../domain/document-passages.ts';
import { describeFlaggedPassages, PassageGuard } from '../domain/passage-guard.ts';
import { formatContext } from '../domain/prompt-template.ts';
import type { ProviderGuard } from '../domain/provider-guard.ts';
import { formatQuotedPassages } from '../domain/quoted-passages.ts';
import { Rendezvous } from '../domain/rendezvous.ts';
import { countTokens, promptTokens } from '../domain/token-count.ts';
import type {
  Budgets,
  ChatChunk,
  ChatProvider,
  ChatRequest,
  ModelChoice,
  ModelRouter,
  NumberedPassage,
  PromptTemplates,
  Retriever,
} from '../domain/ports.ts';
import type { AnswerRequest } from '../domain/answer-events.ts';
import { heuristicDecisionScore, parseDecisionScore } from './decision-score.ts';
import type { PanelEvent, SpecialistOutcome } from './panel-events.ts';
import type { SpecialistName } from './panel-specialists.ts';

export interface PanelRunnerOptions {
  router: ModelRouter;
  retriever: Retriever;
  /** One template library per specialist (prompts/panel-<name>/). */
  prompts: Record<SpecialistName, PromptTemplates>;
  providers: ChatProvider[];
  guard: ProviderGuard;
  passageGuard?: PassageGuard;
  defaultTopK: number;
  maxTopK?: number;
  maxQueryChars?: number;
  /** The caller's budgets: each specialist's attempt reserves and settles, as an answer's does. */
  budgets?: Budgets;
  maxOutputTokens?: number;
  now?: () => number;
}

type Emit = (event: PanelEvent) => Promise<void>;

/** A specialist's attempt that failed before its first token: the next model of the chain is tried. */
class BeforeFirstToken extends Error {
  readonly failure: RagfleetError;
  constructor(failure: RagfleetError) {
    super(failure.message);
    this.failure = failure;
  }
}

/**
 * A panel: route and retrieve once, then every specialist's template over the same passages at
 * once, each on the routed chain (a model failing before its first token falls back to the next,
 * as an answer does). Each specialist's tokens stream with its name as they come; its
 * specialist_done follows when it ends, ok or not. A failed specialist never fails the panel:
 * panel_result lists every one (elapsed, the slowest, the sum), then done; only a panel where
 * every specialist failed ends with an error after its panel_result. Invalid input is thrown
 * before the first event.
 *
 * Offline (the extractive provider, which answers from the passages without reading a prompt),
 * every specialist quotes the same extractive answer: the specialists differ only with a language
 * model. The decision score then comes from heuristicDecisionScore (deterministic).
 */
export class PanelRunner {
  readonly #options: Required<Omit<PanelRunnerOptions, 'budgets'>>;
  readonly #holds: BudgetHolds | undefined;
  readonly #providers: Map<string, ChatProvider>;

  constructor(options: PanelRunnerOptions) {
    this.#options = {
      maxTopK: 50,
      maxQueryChars: 4_000,
      passageGuard: new PassageGuard(),
      maxOutputTokens: 1024,
      now: () => performance.now(),
      ...options,
    };
    this.#holds = options.budgets ? new BudgetHolds(options.budgets) : undefined;
    this.#providers = new Map(options.providers.map((provider) => [provider.name, provider]));
  }

  /** Checks the request; throws INVALID_ARGUMENT before the stream starts. */
  #validate(request: AnswerRequest): { query: string; k: number } {
    const query = request.query.trim();
    if (query === '' || query.length > this.#options.maxQueryChars) {
      throw new RagfleetError(
        'INVALID_ARGUMENT',
        query === ''
          ? 'query must not be empty'
          : `query must be at most ${this.#options.maxQueryChars} characters`,
        { details: { field: 'query' } },
      );
    }
    const k = request.k;
    if (!Number.isInteger(k) || k < 0 || k > this.#options.maxTopK) {
      throw new RagfleetError('INVALID_ARGUMENT', `k must be between 1 and ${this.#options.maxTopK}`, {
        details: { field: 'k' },
      });
    }
    return { query, k: k === 0 ? this.#options.defaultTopK : k };
  }

  run(
    request: AnswerRequest,
    panel: readonly SpecialistName[],
    signal: AbortSignal,
  ): AsyncGenerator<PanelEvent> {
    const checked = this.#validate(request);
    return this.#stream(request, checked, panel, signal);
  }

  async *#stream(
    request: AnswerRequest,
    { query, k }: { query: string; k: number },
    panel: readonly SpecialistName[],
    signal: AbortSignal,
  ): AsyncGenerator<PanelEvent> {
    const controller = new AbortController();
    const stop = () => controller.abort(signal.reason);
    if (signal.aborted) stop();
    signal.addEventListener('abort', stop, { once: true });
    const channel = new Rendezvous<PanelEvent>();
    void this.#run(request, query, k, panel, controller.signal, (event) => channel.push(event)).then(
      () => channel.end(),
      (error: unknown) => channel.end(error),
    );
    try {
      yield* channel.drain();
    } finally {
      signal.removeEventListener('abort', stop);
      controller.abort(new Error('panel stream closed'));
    }
  }

  async #run(
    request: AnswerRequest,
    query: string,
    k: number,
    panel: readonly SpecialistName[],
    signal: AbortSignal,
    emit: Emit,
  ): Promise<void> {
    const started = this.#options.now();
    // Retrieval does not depend on the route: both hops run at once, as an answer's do.
    const searching = this.#options.retriever.search(
      request.searchQuery || query,
      k,
      request.filters,
      signal,
    );
    searching.catch(() => {});
    const route = await this.#options.router.route(query, request.tier, signal, {
      prefer: request.prefer ?? '',
    });
    await emit({
      type: 'status',
      stage: 'routing',
      message: route.reason,
      provider: route.chain[0]?.provider,
      model: route.chain[0]?.model,
    });
    await emit({
      type: 'status',
      stage: 'retrieving',
      message: `searching for the ${k} most relevant passages`,
    });
    let passages: NumberedPassage[];
    try {
      passages = numberByDocument(await searching);
    } catch (error) {
      const failure = toRagfleetError(error);
      await emit({
        type: 'error',
        code: failure.code,
        message: failure.message,
        retryable: failure.retryable,
      });
      return;
    }
    const flagged = this.#options.passageGuard.screen(passages);
    if (flagged.length > 0) {
      await emit({ type: 'status', stage: 'guard', message: describeFlaggedPassages(flagged), flagged });
    }
    await emit({ type: 'citations', citations: passages });
    const values = {
      question: query,
      context: formatContext(passages),
      passages: formatQuotedPassages(passages, flagged),
    };
    const chain = route.chain.flatMap((choice) => {
      const provider = this.#providers.get(choice.provider);
      return provider ? [{ choice, provider }] : [];
    });
    await emit({
      type: 'status',
      stage: 'generating',
      message: `panel of ${panel.length} specialists (${panel.join(', ')}) at once`,
      provider: chain[0]?.choice.provider,
      model: chain[0]?.choice.model,
    });
    let firstTokenAt: number | undefined;
    const outcomes = await Promise.all(
      panel.map(async (specialist) => {
        const rendered = this.#options.prompts[specialist].render(undefined, values);
        const chatRequest = (model: string): ChatRequest => ({
          model,
          system: rendered.system,
          messages: [{ role: 'user', content: rendered.user }],
          maxOutputTokens: this.#options.maxOutputTokens,
          context: { query, passages },
        });
        const outcome = await this.#specialist(specialist, chain, chatRequest, signal, async (text) => {
          firstTokenAt ??= this.#options.now();
          await emit({ type: 'token', text, specialist });
        });
        if (specialist === 'decision' && outcome.ok) {
          outcome.score = parseDecisionScore(outcome.text) ?? heuristicDecisionScore(query, passages);
        }
        await emit({ type: 'specialist_done', outcome });
        return outcome;
      }),
    );
    if (signal.aborted) throw new RagfleetError('CANCELLED', 'cancelled by caller', { cause: signal.reason });
    const latencies = outcomes.map((outcome) => outcome.latencyMs);
    await emit({
      type: 'panel_result',
      outcomes,
      elapsedMs: this.#options.now() - started,
      slowestMs: Math.max(0, ...latencies),
      sumMs: latencies.reduce((sum, latency) => sum + latency, 0),
    });
    const answered =
      outcomes.find((outcome) => outcome.ok && outcome.specialist === 'answer') ?? outcomes.find((o) => o.ok);
    if (!answered) {
      const failure = outcomes[0];
      await emit({
        type: 'error',
        code: failure?.errorCode || 'PROVIDER_UNAVAILABLE',
        message: `every specialist of the panel failed (${outcomes.map((o) => `${o.specialist}: ${o.errorMessage}`).join('; ')})`,
        retryable: true,
      });
      return;
    }
    const [provider = '', ...model] = answered.model.split('/');
    await emit({
      type: 'done',
      provider,
      model: model.join('/'),
      finishReason: 'stop',
      promptVersion: panel.map((specialist) => this.#promptVersion(specialist)).join(','),
      timeToFirstTokenMs: firstTokenAt === undefined ? 0 : Math.max(0, Math.round(firstTokenAt - started)),
      cached: false,
      costUsd: outcomes.reduce((sum, outcome) => sum + outcome.costUsd, 0),
      // Names the panel for POST /v1/answers/:id/feedback, as an answer's id does.
      answerId: randomUUID(),
      ...(route.decision ? { decision: route.decision } : {}),
    });
  }

  /** The template a specialist ran, as `done` and the ledger name it: `panel-risks:v1`. */
  #promptVersion(specialist: SpecialistName): string {
    return `panel-${specialist}:${this.#options.prompts[specialist].defaultVersion}`;
  }

  /** One specialist on the chain: its outcome, never a throw (a failure is its result). */
  async #specialist(
    specialist: SpecialistName,
    chain: Array<{ choice: ModelChoice; provider: ChatProvider }>,
    chatRequest: (model: string) => ChatRequest,
    signal: AbortSignal,
    onToken: (text: string) => Promise<void>,
  ): Promise<SpecialistOutcome> {
    const started = this.#options.now();
    const promptVersion = this.#promptVersion(specialist);
    const outcome = (fields: Partial<SpecialistOutcome>): SpecialistOutcome => ({
      specialist,
      ok: false,
      text: '',
      errorCode: '',
      errorMessage: '',
      model: '',
      costUsd: 0,
      ...fields,
      latencyMs: this.#options.now() - started,
    });
    const failures: string[] = [];
    let lastFailure: RagfleetError | undefined;
    for (const { choice, provider } of chain) {
      const model = `${choice.provider}/${choice.model}`;
      const request = chatRequest(choice.model);
      const prompt = promptTokens(request);
      const texts: string[] = [];
      let usage: { inputTokens?: number; outputTokens?: number } = {};
      let held: Held | undefined;
      try {
        if (this.#holds) {
          const reserved = await this.#holds.reserve(choice, prompt, this.#options.maxOutputTokens, signal);
          if (reserved.kind === 'refused') throw reserved.refusal;
          if (reserved.kind === 'failed') throw reserved.failure;
          if (reserved.kind === 'held') held = reserved.held;
        }
        let opened;
        try {
          opened = await this.#options.guard.open(provider, request, signal);
        } catch (error) {
          throw new BeforeFirstToken(toRagfleetError(error));
        }
        try {
          const take = async (chunk: ChatChunk) => {
            if (chunk.usage) usage = { ...usage, ...chunk.usage };
            if (chunk.token) {
              texts.push(chunk.token);
              await onToken(chunk.token);
            }
          };
          for (const chunk of opened.head) await take(chunk);
          if (!opened.ended) {
            for (let next = await opened.rest.next(); !next.done; next = await opened.rest.next())
              await take(next.value);
          }
        } finally {
          opened.close();
        }
        const used = {
          inputTokens: usage.inputTokens ?? prompt,
          outputTokens: usage.outputTokens ?? countTokens(texts.join('')),
        };
        if (held) await this.#holds?.settle(held, choice, used);
        return outcome({ ok: true, text: texts.join(''), model, ...paidFor(choice, promptVersion, used) });
      } catch (error) {
        // What was written until the failure was used: it is what the budget (and the ledger) pays.
        const used = {
          inputTokens: texts.length > 0 ? prompt : 0,
          outputTokens: countTokens(texts.join('')),
        };
        if (held) await this.#holds?.settle(held, choice, used);
        const failure = error instanceof BeforeFirstToken ? error.failure : toRagfleetError(error);
        lastFailure = failure;
        failures.push(`${model}: ${failure.message}`);
        // After a first token, or a refused budget, another model would restart a visible text.
        if (!(error instanceof BeforeFirstToken) || signal.aborted) {
          return outcome({
            text: texts.join(''),
            model,
            errorCode: failure.code,
            errorMessage: failure.message,
            ...(texts.length > 0 ? paidFor(choice, promptVersion, used) : {}),
          });
        }
      }
    }
    return outcome({
      errorCode: lastFailure?.code ?? 'PROVIDER_UNAVAILABLE',
      errorMessage: failures.join('; ') || 'no provider of the chain is configured in this process',
    });
  }
}

/** A specialist's cost and what its model used, for the panel's done and for the ledger. */
function paidFor(
  choice: ModelChoice,
  promptVersion: string,
  used: { inputTokens: number; outputTokens: number },
): Pick<SpecialistOutcome, 'costUsd' | 'usage'> {
  return {
    costUsd: answerCostUsd(choice, used),
    usage: { provider: choice.provider, model: choice.model, promptVersion, ...used },
  };
}
