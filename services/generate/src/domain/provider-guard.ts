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
import { AttemptTimer, type ProviderTimeouts } from './attempt-timer.ts';
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
  /** First-token and total timeouts by provider name; a provider without any has none. */
  timeouts?: Record<string, ProviderTimeouts>;
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
  /** The chunks after the head; throws UPSTREAM_TIMEOUT when the total timeout passes. */
  rest: AsyncIterator<ChatChunk>;
  ended: boolean;
  /** Stops the attempt's timers (the pipeline calls it however the answer ends). */
  close(): void;
}

const isCancelled = (error: unknown) => isRagfleetError(error) && error.code === 'CANCELLED';
// A timeout is not retried on the same provider: a model that was too slow once falls back at once.
const isTimeout = (error: unknown) => isRagfleetError(error) && error.code === 'UPSTREAM_TIMEOUT';
const isTransient = (error: unknown) =>
  isRagfleetError(error) && error.retryable && !isCancelled(error) && !isTimeout(error);

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
      const timeouts = this.#options.timeouts?.[provider.name];
      return await this.#policy(provider.name).execute(
        () => openTimed(provider, request, signal, timeouts),
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

/**
 * One attempt under its provider's timeouts: waiting for the first token is no failure until the
 * first-token timeout passes (a cold local model), then the attempt fails with UPSTREAM_TIMEOUT
 * and counts against the breaker; the total timeout goes on covering the rest of the stream.
 */
async function openTimed(
  provider: ChatProvider,
  request: ChatRequest,
  signal: AbortSignal,
  timeouts: ProviderTimeouts | undefined,
): Promise<OpenedStream> {
  const timer = new AttemptTimer(provider.name, timeouts, signal);
  const stream = provider.stream(request, timer.signal)[Symbol.asyncIterator]();
  const head: ChatChunk[] = [];
  try {
    for (;;) {
      const next = await stream.next();
      if (next.done) {
        timer.stop();
        return { head, rest: stream, ended: true, close: () => {} };
      }
      head.push(next.value);
      if (next.value.token) break;
    }
  } catch (error) {
    timer.stop();
    throw timer.timeout() ?? error;
  }
  timer.firstTokenArrived();
  return { head, rest: timedRest(stream, timer), ended: false, close: () => timer.stop() };
}

async function* timedRest(stream: AsyncIterator<ChatChunk>, timer: AttemptTimer): AsyncGenerator<ChatChunk> {
  try {
    for (let next = await stream.next(); !next.done; next = await stream.next()) yield next.value;
  } catch (error) {
    throw timer.timeout() ?? error;
  } finally {
    timer.stop();
  }
}
