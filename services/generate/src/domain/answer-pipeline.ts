import { randomUUID } from 'node:crypto';
import { RagfleetError, isRagfleetError, toRagfleetError } from '@ragfleet/errors';
import { withSpan } from '@ragfleet/telemetry';
import type { AnswerEvent, AnswerRequest } from './answer-events.ts';
import { answerCostUsd } from './answer-cost.ts';
import { BudgetHolds, type Held } from './budget-holds.ts';
import { budgetExceeded, budgetStatusMessage, withBudgetFallback } from './budget-refusal.ts';
import {
  DEFAULT_CONVERSATION_LIMITS,
  asChatMessages,
  conversationProblems,
  throwIfProblems,
  type ConversationLimits,
} from './conversation-input.ts';
import { withConversationSummary } from './conversation-summary-section.ts';
import { afterPendingWork } from './coalesce-tokens.ts';
import { numberByDocument } from './document-passages.ts';
import { replayChunks } from './replay-chunks.ts';
import { describeFlaggedPassages, PassageGuard } from './passage-guard.ts';
import { formatContext } from './prompt-template.ts';
import type { ProviderGuard, OpenedStream } from './provider-guard.ts';
import { formatQuotedPassages } from './quoted-passages.ts';
import { Rendezvous } from './rendezvous.ts';
import type { CachedAnswer, ResponseCache } from './response-cache.ts';
import { responseCacheKey } from './response-cache-key.ts';
import { countTokens, promptTokens } from './token-count.ts';
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
  RoutingDecision,
} from './ports.ts';

interface PipelineLogger {
  warn(fields: object, message: string): void;
}

export interface AnswerPipelineOptions {
  router: ModelRouter;
  retriever: Retriever;
  prompts: PromptTemplates;
  /** The providers this process can reach; chain entries naming others are skipped. */
  providers: ChatProvider[];
  guard: ProviderGuard;
  /** Checks retrieved passages for injected instructions; the shared detector by default. */
  passageGuard?: PassageGuard;
  /** Passages retrieved when a request asks for k = 0. */
  defaultTopK: number;
  maxTopK?: number;
  maxQueryChars?: number;
  /** How much history and summary one request may carry. */
  conversationLimits?: ConversationLimits;
  /** Milliseconds on a monotonic clock, for the time to first token. */
  now?: () => number;
  /** Finished answers by exact match; absent: every answer is generated. */
  responseCache?: ResponseCache;
  /** Told when the response cache fails (the answer goes on without it). */
  logger?: PipelineLogger;
  /**
   * The caller's budgets: each attempt reserves before its model is opened and settles when its
   * answer ends. Absent: nothing is reserved (BUDGETS_ENABLED=false, tests without a router).
   */
  budgets?: Budgets;
  /** The most tokens an answer may have: reserved, and passed to the provider as its limit. */
  maxOutputTokens?: number;
  /** Names each attempt's reservation. */
  newGenerationId?: () => string;
}

/** What the final `done` event reports besides the model: prompt version, start time, decision. */
interface AnswerClock {
  promptVersion: string;
  started: number;
  decision: RoutingDecision | undefined;
}

/** The response cache key of this request's answer by a given model; undefined: not cacheable. */
type CacheKeyOf = (choice: ModelChoice) => string;

type Emit = (event: AnswerEvent) => Promise<void>;

interface Candidate {
  choice: ModelChoice;
  provider: ChatProvider;
}

/** Reserve's worst case for a model, to tell which candidates are cheaper than a refused one. */
const estimatedCostUsd = (choice: ModelChoice, prompt: number, maxOutput: number) =>
  answerCostUsd(choice, { inputTokens: prompt, outputTokens: maxOutput });

const cancelled = (signal: AbortSignal) =>
  new RagfleetError('CANCELLED', 'cancelled by caller', { cause: signal.reason });

function describeFailure(error: unknown): string {
  const ragfleet = toRagfleetError(error);
  return ragfleet.internal ?? ragfleet.message;
}

/**
 * A variant's pinned model first: the router's own entry for it when the chain has one (with its
 * prices), else a bare one (priced at 0); the rest of the chain stays as its fallback.
 */
function pinModel(chain: ModelChoice[], pinned: string | undefined): ModelChoice[] {
  if (!pinned) return chain;
  const slash = pinned.indexOf('/');
  const provider = pinned.slice(0, slash);
  const model = pinned.slice(slash + 1);
  const own = chain.find((choice) => choice.provider === provider && choice.model === model);
  return [own ?? { provider, model }, ...chain.filter((choice) => choice !== own)];
}

/** Answers the output token limit cut short (Ollama, Anthropic): done, but not worth serving again. */
const CUT_OFF_FINISH_REASONS = new Set(['length', 'max_tokens']);

/**
 * The RAG answer: route, retrieve, check the passages for injected instructions, cite, render
 * the prompt, stream from the first provider of the chain that opens. A failure before the first token falls back to the next model; after
 * it, the stream ends with an explicit PROVIDER_FAILED error (never a truncated "done").
 * Invalid input is thrown before the first event; later failures become `error` events.
 */
export class AnswerPipeline {
  readonly #options: Required<Omit<AnswerPipelineOptions, 'responseCache' | 'logger' | 'budgets'>>;
  readonly #holds: BudgetHolds | undefined;
  readonly #cache: ResponseCache | undefined;
  readonly #logger: PipelineLogger | undefined;
  readonly #providers: Map<string, ChatProvider>;

  constructor(options: AnswerPipelineOptions) {
    this.#options = {
      maxTopK: 50,
      maxQueryChars: 4_000,
      conversationLimits: DEFAULT_CONVERSATION_LIMITS,
      passageGuard: new PassageGuard(),
      now: () => performance.now(),
      maxOutputTokens: 1024,
      newGenerationId: () => randomUUID(),
      ...options,
    };
    this.#holds = options.budgets
      ? new BudgetHolds(options.budgets, options.logger, this.#options.newGenerationId)
      : undefined;
    this.#providers = new Map(options.providers.map((provider) => [provider.name, provider]));
    this.#cache = options.responseCache;
    this.#logger = options.logger;
  }

  async *answer(request: AnswerRequest, signal: AbortSignal): AsyncGenerator<AnswerEvent> {
    const started = this.#options.now();
    const controller = new AbortController();
    const stop = () => controller.abort(signal.reason);
    if (signal.aborted) stop();
    signal.addEventListener('abort', stop, { once: true });

    const channel = new Rendezvous<AnswerEvent>();
    void this.#run(request, controller.signal, (event) => channel.push(event), started).then(
      () => channel.end(),
      (error: unknown) => channel.end(error),
    );
    try {
      yield* channel.drain();
    } finally {
      signal.removeEventListener('abort', stop);
      // The caller stopped reading (or the answer finished): cancel whatever is still upstream.
      controller.abort(new Error('answer stream closed'));
    }
  }

  async #run(request: AnswerRequest, signal: AbortSignal, emit: Emit, started: number): Promise<void> {
    const query = request.query.trim();
    const k = this.#validate(query, request.retrieval?.k || request.k);
    const conversation = this.#validateConversation(request);
    // Retrieval looks for the standalone question; routing and the prompt keep the user's words.
    const searchQuery = conversation.searchQuery || query;
    const promptVersion = this.#options.prompts.resolve(request.promptVersion);

    // Retrieval does not depend on the route: both hops run at once, and the events still come in
    // their order (routing, retrieving, citations). If routing fails, the caller's abort cancels
    // the search still in flight.
    const searching = withSpan(
      'rag.search',
      () => this.#options.retriever.search(searchQuery, k, request.filters, signal, request.retrieval),
      { 'rag.k': k },
    );
    searching.catch(() => {}); // its failure is reported below, or not at all if routing failed first
    const route = await this.#options.router.route(query, request.tier, signal, {
      prefer: request.prefer ?? '',
      conversationDepth: conversation.history.length,
    });
    const first = route.chain[0];
    await emit({
      type: 'status',
      stage: 'routing',
      message: route.reason,
      provider: first?.provider,
      model: first?.model,
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
      if (signal.aborted) throw cancelled(signal);
      await this.#emitError(emit, toRagfleetError(error));
      return;
    }
    const flagged = this.#options.passageGuard.screen(passages);
    if (flagged.length > 0) {
      await emit({ type: 'status', stage: 'guard', message: describeFlaggedPassages(flagged), flagged });
    }
    await emit({ type: 'citations', citations: passages });

    const prompt = this.#options.prompts.render(promptVersion, {
      question: query,
      context: formatContext(passages),
      passages: formatQuotedPassages(passages, flagged),
    });
    const { history, summary } = conversation;
    const chatRequest = (model: string): ChatRequest => ({
      model,
      system: withConversationSummary(prompt.system, summary),
      messages: [...history, { role: 'user', content: prompt.user }],
      maxOutputTokens: this.#options.maxOutputTokens,
      context: {
        query,
        passages,
        ...(conversation.searchQuery ? { searchQuery: conversation.searchQuery } : {}),
        ...(history.length > 0 ? { history } : {}),
        ...(summary ? { summary } : {}),
      },
    });
    const candidates = pinModel(route.chain, request.model).flatMap((choice): Candidate[] => {
      const provider = this.#providers.get(choice.provider);
      return provider ? [{ choice, provider }] : [];
    });
    const clock: AnswerClock = { promptVersion, started, decision: route.decision };

    // An answer over a flagged passage is never stored, so it is not looked up either.
    const tenant = request.tenant;
    const cacheKeyOf: CacheKeyOf | undefined =
      this.#cache && tenant && flagged.length === 0
        ? (choice) =>
            responseCacheKey({
              tenant,
              question: query,
              choice,
              promptVersion,
              passages,
              history,
              summary,
              searchQuery: conversation.searchQuery,
            })
        : undefined;
    // The model that would answer is the chain's first one this process can reach: its answer is
    // the one to look up (a fallback model's answer is not served while the first one is there).
    const answering = candidates[0];
    if (cacheKeyOf && answering) {
      const hit = await this.#lookup(cacheKeyOf(answering.choice));
      if (hit) {
        await this.#replay(hit, clock, signal, emit);
        return;
      }
    }

    await withSpan(
      'rag.generate',
      () => this.#generate(candidates, chatRequest, clock, cacheKeyOf, signal, emit),
      {
        'rag.prompt_version': promptVersion,
      },
    );
  }

  async #lookup(key: string): Promise<CachedAnswer | undefined> {
    try {
      return await this.#cache?.get(key);
    } catch (error) {
      this.#logger?.warn({ err: describeFailure(error) }, 'response cache lookup failed; generating');
      return undefined;
    }
  }

  async #store(key: string, answer: CachedAnswer): Promise<void> {
    try {
      await this.#cache?.set(key, answer);
    } catch (error) {
      this.#logger?.warn({ err: describeFailure(error) }, 'could not store the answer in the response cache');
    }
  }

  /** A cached answer streamed as a live one: its token chunks in order, its usage, then done. */
  async #replay(
    hit: CachedAnswer,
    { promptVersion, started, decision }: AnswerClock,
    signal: AbortSignal,
    emit: Emit,
  ): Promise<void> {
    await emit({
      type: 'status',
      stage: 'cache',
      message: `answering from the response cache (written by ${hit.provider}/${hit.model})`,
      provider: hit.provider,
      model: hit.model,
    });
    let firstTokenAt: number | undefined;
    for (const [index, text] of replayChunks(hit.tokens).entries()) {
      if (signal.aborted) throw cancelled(signal);
      // A turn of the event loop between chunks, as a live provider's stream has: otherwise the
      // token coalescer would merge the whole cached answer into one event and nothing streams.
      if (index > 0) await afterPendingWork();
      firstTokenAt ??= this.#options.now();
      await emit({ type: 'token', text });
    }
    if (signal.aborted) throw cancelled(signal);
    await emit({
      type: 'usage',
      inputTokens: hit.inputTokens,
      outputTokens: hit.outputTokens,
      provider: hit.provider,
      model: hit.model,
    });
    await emit({
      type: 'done',
      provider: hit.provider,
      model: hit.model,
      finishReason: hit.finishReason,
      promptVersion,
      timeToFirstTokenMs: firstTokenAt === undefined ? 0 : Math.max(0, Math.round(firstTokenAt - started)),
      cached: true,
      costUsd: 0,
      ...(decision ? { decision } : {}),
    });
  }

  #validate(query: string, k: number): number {
    if (query === '') {
      throw new RagfleetError('INVALID_ARGUMENT', 'query must not be empty', { details: { field: 'query' } });
    }
    if (query.length > this.#options.maxQueryChars) {
      throw new RagfleetError(
        'INVALID_ARGUMENT',
        `query must be at most ${this.#options.maxQueryChars} characters`,
        {
          details: { field: 'query' },
        },
      );
    }
    if (!Number.isInteger(k) || k < 0 || k > this.#options.maxTopK) {
      throw new RagfleetError('INVALID_ARGUMENT', `k must be between 1 and ${this.#options.maxTopK}`, {
        details: { field: 'k' },
      });
    }
    return k === 0 ? this.#options.defaultTopK : k;
  }

  #validateConversation(request: AnswerRequest) {
    const history = request.history ?? [];
    const summary = (request.summary ?? '').trim();
    const searchQuery = (request.searchQuery ?? '').trim();
    const problems = conversationProblems(history, summary, this.#options.conversationLimits, {
      messages: 'history',
      summary: 'summary',
    });
    if (searchQuery.length > this.#options.maxQueryChars) {
      problems.push({
        field: 'search_query',
        message: `must be at most ${this.#options.maxQueryChars} characters`,
      });
    }
    throwIfProblems(problems);
    return { history: asChatMessages(history), summary, searchQuery };
  }

  async #generate(
    candidates: Candidate[],
    chatRequest: (model: string) => ChatRequest,
    answer: AnswerClock,
    cacheKeyOf: CacheKeyOf | undefined,
    signal: AbortSignal,
    emit: Emit,
  ): Promise<void> {
    const failures: string[] = [];
    const maxOutput = this.#options.maxOutputTokens;
    // The prompt is the same for every model of the chain: counted once.
    const prompt = this.#holds ? promptTokens(chatRequest('')) : 0;
    const estimate = (choice: ModelChoice) => estimatedCostUsd(choice, prompt, maxOutput);
    const refused: ModelChoice[] = [];
    let refusal: RagfleetError | undefined;
    // After a refusal only a model cheaper than every refused one is worth a reserve.
    let ceiling = Number.POSITIVE_INFINITY;
    for (const [position, { choice, provider }] of candidates.entries()) {
      let held: Held | undefined;
      if (this.#holds) {
        if (estimate(choice) >= ceiling) {
          refused.push(choice);
          continue;
        }
        const reserved = await this.#holds.reserve(choice, prompt, maxOutput, signal);
        if (reserved.kind === 'failed') {
          // Without a reservation nothing would stop this answer overspending: it is not given.
          await this.#emitError(emit, reserved.failure);
          return;
        }
        if (reserved.kind === 'refused') {
          refusal = reserved.refusal;
          refused.push(choice);
          ceiling = Math.min(ceiling, estimate(choice));
          const cheaper = candidates.slice(position + 1).find((next) => estimate(next.choice) < ceiling);
          await emit({
            type: 'status',
            stage: 'budget',
            message: budgetStatusMessage(choice, reserved.refusal, cheaper?.choice),
            provider: choice.provider,
            model: choice.model,
          });
          continue;
        }
        if (reserved.kind === 'held') held = reserved.held;
      }
      let opened: OpenedStream;
      try {
        const open = () => this.#options.guard.open(provider, chatRequest(choice.model), signal);
        opened =
          position === 0
            ? await open()
            : await withSpan('rag.fallback', open, {
                'rag.provider': choice.provider,
                'rag.model': choice.model,
              });
      } catch (error) {
        // Nothing was generated: the reservation is released now rather than when it expires.
        if (held) await this.#holds?.settle(held, choice, { inputTokens: 0, outputTokens: 0 });
        if (signal.aborted) throw cancelled(signal);
        failures.push(`${choice.provider}/${choice.model}: ${describeFailure(error)}`);
        const next = candidates[position + 1];
        if (next) {
          await emit({
            type: 'status',
            stage: 'fallback',
            message: `${choice.provider}/${choice.model} failed before its first token (${toRagfleetError(error).message}); trying ${next.choice.provider}/${next.choice.model}`,
            provider: choice.provider,
            model: choice.model,
          });
        }
        continue;
      }
      await emit({
        type: 'status',
        stage: 'generating',
        message: `answering with ${choice.provider}/${choice.model}`,
        provider: choice.provider,
        model: choice.model,
      });
      const cacheKey = cacheKeyOf?.(choice);
      const clock =
        refused.length > 0 ? { ...answer, decision: withBudgetFallback(answer.decision, refused) } : answer;
      try {
        await this.#stream(opened, choice, chatRequest(choice.model), clock, signal, emit, cacheKey, held);
      } finally {
        opened.close();
      }
      return;
    }
    if (refusal && failures.length === 0) {
      await this.#emitError(emit, budgetExceeded(refusal));
      return;
    }
    await this.#emitError(
      emit,
      new RagfleetError('PROVIDER_UNAVAILABLE', 'no model provider could answer', {
        internal: failures.join('; ') || 'no provider of the chain is configured in this process',
      }),
    );
  }

  async #stream(
    opened: OpenedStream,
    choice: ModelChoice,
    request: ChatRequest,
    { promptVersion, started, decision }: AnswerClock,
    signal: AbortSignal,
    emit: Emit,
    cacheKey: string | undefined,
    held: Held | undefined,
  ): Promise<void> {
    let firstTokenAt: number | undefined;
    let inputTokens: number | undefined;
    let outputTokens: number | undefined;
    let finishReason = 'stop';
    let tokens = 0;
    // The chunks in order: a cache hit replays them, and they are counted when no usage comes.
    const texts: string[] = [];
    const take = async (chunk: ChatChunk) => {
      if (chunk.usage?.inputTokens !== undefined) inputTokens = chunk.usage.inputTokens;
      if (chunk.usage?.outputTokens !== undefined) outputTokens = chunk.usage.outputTokens;
      if (chunk.finishReason) finishReason = chunk.finishReason;
      if (chunk.token) {
        firstTokenAt ??= this.#options.now();
        tokens++;
        texts.push(chunk.token);
        await emit({ type: 'token', text: chunk.token });
      }
    };
    try {
      for (const chunk of opened.head) await take(chunk);
      if (!opened.ended) {
        for (let next = await opened.rest.next(); !next.done; next = await opened.rest.next())
          await take(next.value);
      }
    } catch (error) {
      // What was generated until the failure or the cancel was used: it is what the budget pays.
      if (held) {
        await this.#holds?.settle(held, choice, {
          inputTokens: inputTokens ?? held.promptTokens,
          outputTokens: outputTokens ?? countTokens(texts.join('')),
        });
      }
      if (signal.aborted) throw cancelled(signal);
      await this.#emitError(
        emit,
        new RagfleetError(
          'PROVIDER_FAILED',
          `${choice.provider} failed after ${tokens} tokens (${toRagfleetError(error).message}); the answer is incomplete`,
          {
            internal: describeFailure(error),
            cause: error,
          },
        ),
      );
      return;
    }
    if (signal.aborted) throw cancelled(signal);
    const usage = {
      inputTokens: inputTokens ?? held?.promptTokens ?? promptTokens(request),
      outputTokens: outputTokens ?? countTokens(texts.join('')),
    };
    const costUsd = answerCostUsd(choice, usage);
    await emit({ type: 'usage', ...usage, provider: choice.provider, model: choice.model });
    await emit({
      type: 'done',
      provider: choice.provider,
      model: choice.model,
      finishReason,
      promptVersion,
      timeToFirstTokenMs: firstTokenAt === undefined ? 0 : Math.max(0, Math.round(firstTokenAt - started)),
      cached: false,
      costUsd,
      ...(decision ? { decision } : {}),
    });
    if (held) {
      const settled = await this.#holds?.settle(held, choice, usage);
      if (settled !== undefined && settled !== costUsd) {
        this.#logger?.warn(
          { generationId: held.generationId, costUsd, settledUsd: settled },
          'the router settled another cost than the answer reports',
        );
      }
    }
    // Stored after done (the caller has its answer) but before the stream ends, so a question
    // asked again once this call is over finds it.
    if (cacheKey && !CUT_OFF_FINISH_REASONS.has(finishReason)) {
      await this.#store(cacheKey, {
        tokens: texts,
        ...usage,
        provider: choice.provider,
        model: choice.model,
        finishReason,
      });
    }
  }

  async #emitError(emit: Emit, error: RagfleetError): Promise<void> {
    const code = isRagfleetError(error) ? error.code : 'INTERNAL';
    await emit({ type: 'error', code, message: error.message, retryable: error.retryable });
  }
}
