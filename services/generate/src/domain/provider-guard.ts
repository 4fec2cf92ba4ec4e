import {
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  circuitBreaker,
  handleWhen,
  isBrokenCircuitError,
  retry,
  wrap,
  type IPolicy,
} from 'cockatiel';
import { RagfleetError, isRagfleetError } from '@ragfleet/errors';
import type { ChatChunk, ChatProvider, ChatRequest } from './ports.ts';

export interface GuardOptions {
  /** Extra attempts at opening a stream after a transient failure. */
  retries: number;
  retryInitialDelayMs: number;
  retryMaxDelayMs: number;
  /** Consecutive failures that open a provider's circuit. */
  breakerThreshold: number;
  /** How long an open circuit skips its provider before letting one trial call through. */
  halfOpenAfterMs: number;
  /** Told of every breaker state change and retry (the service's metrics). */
  observer?: GuardObserver;
}

export type BreakerState = 'closed' | 'half_open' | 'open';

/** What the guard reports about each provider's policies. */
export interface GuardObserver {
  /** A provider's circuit changed state; `closed` also when its policy is first made. */
  breakerState(provider: string, state: BreakerState): void;
  /** A provider's stream is about to be opened again after a transient failure. */
  retried(provider: string): void;
}

/** Cockatiel's states as the fleet names them; an isolated circuit (manual) counts as open. */
const BREAKER_STATES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.HalfOpen]: 'half_open',
  [CircuitState.Open]: 'open',
  [CircuitState.Isolated]: 'open',
};

export const DEFAULT_GUARD_OPTIONS: GuardOptions = {
  retries: 1,
  retryInitialDelayMs: 200,
  retryMaxDelayMs: 1_000,
  breakerThreshold: 3,
  halfOpenAfterMs: 30_000,
};

/** A provider stream that has produced its first token (or ended without one). */
export interface OpenedStream {
  /** Chunks read while waiting for the first token, the token included. */
  head: ChatChunk[];
  rest: AsyncIterator<ChatChunk>;
  ended: boolean;
}

const isCancelled = (error: unknown) => isRagfleetError(error) && error.code === 'CANCELLED';
const isTransient = (error: unknown) => isRagfleetError(error) && error.retryable && !isCancelled(error);

/**
 * Cockatiel policies per provider: a retry for transient failures and a consecutive-failure
 * circuit breaker, so that a dead provider is skipped at once instead of costing every request
 * a timeout. Only the part before the first token is guarded: after it, a retry would repeat
 * text the caller has already seen.
 */
export class ProviderGuard {
  readonly #options: GuardOptions;
  readonly #policies = new Map<string, IPolicy>();

  constructor(options: Partial<GuardOptions> = {}) {
    this.#options = { ...DEFAULT_GUARD_OPTIONS, ...options };
  }

  async open(provider: ChatProvider, request: ChatRequest, signal: AbortSignal): Promise<OpenedStream> {
    try {
      return await this.#policy(provider.name).execute(
        () => readUntilFirstToken(provider, request, signal),
        signal,
      );
    } catch (error) {
      if (isBrokenCircuitError(error)) {
        throw new RagfleetError('PROVIDER_UNAVAILABLE', `${provider.name} is failing; its circuit is open`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  #policy(name: string): IPolicy {
    let policy = this.#policies.get(name);
    if (!policy) {
      const options = this.#options;
      const retryPolicy = retry(handleWhen(isTransient), {
        maxAttempts: options.retries,
        backoff: new ExponentialBackoff({
          initialDelay: options.retryInitialDelayMs,
          maxDelay: options.retryMaxDelayMs,
        }),
      });
      // A cancelled call says nothing about the provider's health.
      const breaker = circuitBreaker(
        handleWhen((error) => !isCancelled(error)),
        {
          halfOpenAfter: options.halfOpenAfterMs,
          breaker: new ConsecutiveBreaker(options.breakerThreshold),
        },
      );
      const observer = options.observer;
      if (observer) {
        observer.breakerState(name, 'closed');
        breaker.onStateChange((state) => observer.breakerState(name, BREAKER_STATES[state]));
        retryPolicy.onRetry(() => observer.retried(name));
      }
      policy = wrap(retryPolicy, breaker);
      this.#policies.set(name, policy);
    }
    return policy;
  }
}

async function readUntilFirstToken(
  provider: ChatProvider,
  request: ChatRequest,
  signal: AbortSignal,
): Promise<OpenedStream> {
  const rest = provider.stream(request, signal)[Symbol.asyncIterator]();
  const head: ChatChunk[] = [];
  for (;;) {
    const next = await rest.next();
    if (next.done) return { head, rest, ended: true };
    head.push(next.value);
    if (next.value.token) return { head, rest, ended: false };
  }
}
