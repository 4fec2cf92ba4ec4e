import { RagfleetError, fieldDetails, type FieldProblem } from '@ragfleet/errors';
import { withSpan } from '@ragfleet/telemetry';
import { completeOnChain, type ChainBudgets } from './complete-on-chain.ts';
import { numberByDocument } from './document-passages.ts';
import { PassageGuard } from './passage-guard.ts';
import type {
  ChatProvider,
  ChatRequest,
  ModelRouter,
  NumberedPassage,
  PromptTemplates,
  Retriever,
  RouteDecision,
  SuggestPromptValues,
} from './ports.ts';
import type { ProviderGuard } from './provider-guard.ts';
import { suggestPromptValues } from './suggest-prompt-values.ts';
import type { SuggestAction, SuggestRequest, SuggestResult } from './suggestion-request.ts';

export interface SuggesterLimits {
  /** Passages retrieved when a request asks for k = 0. */
  defaultTopK: number;
  maxTopK: number;
  defaultMaxSuggestions: number;
  maxSuggestions: number;
  maxActions: number;
  maxSubjectChars: number;
  maxSearchQueryChars: number;
}

export const DEFAULT_SUGGESTER_LIMITS: SuggesterLimits = {
  defaultTopK: 5,
  maxTopK: 50,
  defaultMaxSuggestions: 5,
  maxSuggestions: 20,
  maxActions: 100,
  maxSubjectChars: 20_000,
  maxSearchQueryChars: 4_000,
};

export interface SuggesterOptions {
  router: ModelRouter;
  retriever: Retriever;
  prompts: PromptTemplates<SuggestPromptValues>;
  providers: ChatProvider[];
  /** The answer pipeline's guard: one breaker per provider, whichever use case calls it. */
  guard: ProviderGuard;
  passageGuard?: PassageGuard;
  limits?: Partial<SuggesterLimits>;
  /** The caller's budgets (a model-written suggestion is paid for); absent: nothing is reserved. */
  budgets?: ChainBudgets;
}

/** The provider that matches instead of writing (adapters/extractive). */
const EXTRACTIVE_PROVIDER = 'extractive';

/**
 * Recommendation candidates from the model chain, grounded in the tenant's documents: routed on
 * the search query and the subject for the tier, passages retrieved for the search query (the
 * retrieve client signs on behalf of the caller, so they are the caller's tenant's), screened for
 * injected instructions and sealed in the versioned suggestion template. Each model is called
 * behind the provider guard; one that fails at any point (before its first token or after)
 * hands over to the next of the chain, as Summarize does: the reply is returned whole, so
 * nothing was shown yet. The text is returned as written, never parsed: the caller validates it.
 * Each attempt is held against the caller's budgets as an answer's is (the caller is the tenant
 * the recommendation is for).
 */
export class Suggester {
  readonly #options: SuggesterOptions & { passageGuard: PassageGuard };
  readonly #limits: SuggesterLimits;
  readonly #providers: Map<string, ChatProvider>;

  constructor(options: SuggesterOptions) {
    this.#options = { passageGuard: new PassageGuard(), ...options };
    this.#limits = { ...DEFAULT_SUGGESTER_LIMITS, ...options.limits };
    this.#providers = new Map(options.providers.map((provider) => [provider.name, provider]));
  }

  async suggest(request: SuggestRequest, signal: AbortSignal): Promise<SuggestResult> {
    const { subject, searchQuery, actions, k, maxSuggestions } = this.#validate(request);
    const promptVersion = this.#options.prompts.resolve(request.promptVersion);
    // Both hops at once, as an answer does. A failed route stops the search it no longer needs.
    const search = new AbortController();
    const stopSearch = () => search.abort(signal.reason);
    if (signal.aborted) stopSearch();
    signal.addEventListener('abort', stopSearch, { once: true });
    const searching = withSpan(
      'rag.search',
      () => this.#options.retriever.search(searchQuery, k, request.filters, search.signal),
      { 'rag.k': k },
    );
    searching.catch(() => {}); // reported below, or not at all when routing failed first
    let passages: NumberedPassage[];
    let route: RouteDecision;
    try {
      route = await this.#options.router.route(`${searchQuery}\n${subject}`, request.tier, signal);
      passages = numberByDocument(await searching);
    } catch (error) {
      search.abort(new Error('suggestion failed before its passages were used'));
      throw error;
    } finally {
      signal.removeEventListener('abort', stopSearch);
    }
    const flagged = this.#options.passageGuard.screen(passages);
    const prompt = this.#options.prompts.render(
      promptVersion,
      suggestPromptValues(subject, actions, passages, flagged, maxSuggestions),
    );
    const chatRequest = (model: string): ChatRequest => ({
      model,
      system: prompt.system,
      messages: [{ role: 'user', content: prompt.user }],
      context: { task: 'suggest', subject, actions, passages, maxSuggestions },
    });

    const chain = { chain: route.chain, providers: this.#providers, guard: this.#options.guard, signal };
    return completeOnChain(
      {
        ...chain,
        request: chatRequest,
        span: 'rag.suggest',
        what: 'suggest',
        budgets: this.#options.budgets,
      },
      (written, choice, used) => {
        const text = written.text.trim();
        // Empty is no answer at all (unlike invalid JSON, which the caller judges and reports).
        if (text === '') throw new Error('the model wrote nothing');
        return {
          text,
          citations: passages,
          promptVersion,
          provider: choice.provider,
          model: choice.model,
          ...used,
          extractive: choice.provider === EXTRACTIVE_PROVIDER,
        };
      },
    );
  }

  #validate(request: SuggestRequest) {
    const limits = this.#limits;
    const problems: FieldProblem[] = [];
    const subject = request.subject.trim();
    const searchQuery = request.searchQuery.trim();
    if (subject === '') problems.push({ field: 'subject', message: 'must not be empty' });
    if (subject.length > limits.maxSubjectChars) {
      problems.push({ field: 'subject', message: `must be at most ${limits.maxSubjectChars} characters` });
    }
    if (searchQuery === '') problems.push({ field: 'search_query', message: 'must not be empty' });
    if (searchQuery.length > limits.maxSearchQueryChars) {
      problems.push({
        field: 'search_query',
        message: `must be at most ${limits.maxSearchQueryChars} characters`,
      });
    }
    problems.push(...actionProblems(request.actions, limits.maxActions));
    if (!Number.isInteger(request.k) || request.k < 0 || request.k > limits.maxTopK) {
      problems.push({
        field: 'k',
        message: `must be between 1 and ${limits.maxTopK} (0: ${limits.defaultTopK})`,
      });
    }
    const max = request.maxSuggestions;
    if (!Number.isInteger(max) || max < 0 || max > limits.maxSuggestions) {
      problems.push({
        field: 'max_suggestions',
        message: `must be between 1 and ${limits.maxSuggestions} (0: ${limits.defaultMaxSuggestions})`,
      });
    }
    if (problems.length > 0) {
      const first = problems[0] as FieldProblem;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
      throw new RagfleetError('INVALID_ARGUMENT', `${first.field}: ${first.message}${more}`, {
        details: fieldDetails(problems),
      });
    }
    return {
      subject,
      searchQuery,
      actions: request.actions.map((action) => ({ ...action, name: action.name.trim() })),
      k: request.k === 0 ? limits.defaultTopK : request.k,
      maxSuggestions: max === 0 ? limits.defaultMaxSuggestions : max,
    };
  }
}

/** At least one action, each named once: the name is what a suggestion must repeat exactly. */
function actionProblems(actions: readonly SuggestAction[], maxActions: number): FieldProblem[] {
  if (actions.length === 0) return [{ field: 'actions', message: 'must not be empty' }];
  if (actions.length > maxActions) return [{ field: 'actions', message: `must be at most ${maxActions}` }];
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  actions.forEach((action, i) => {
    const name = action.name.trim();
    if (name === '') problems.push({ field: `actions.${i}.name`, message: 'must not be empty' });
    else if (seen.has(name))
      problems.push({ field: `actions.${i}.name`, message: `"${name}" is listed twice` });
    seen.add(name);
  });
  return problems;
}
