import { RagfleetError } from '@ragfleet/errors';

/** How long one provider may take; connect is the adapter's (its HTTP client), the rest the guard's. */
export interface ProviderTimeouts {
  /** Until the TCP (and TLS) connection to the provider is up. */
  connectMs: number;
  /** From opening the stream to its first token: a local model's cold load counts here. */
  firstTokenMs: number;
  /** From opening the stream to its end. */
  totalMs: number;
}

function timedOut(provider: string, what: 'first token' | 'answer', ms: number): RagfleetError {
  return new RagfleetError('UPSTREAM_TIMEOUT', `${provider} gave no ${what} within ${ms} ms`, {
    details: { provider, timeout: what === 'first token' ? 'first_token' : 'total', timeout_ms: ms },
  });
}

/**
 * One attempt's clock: a signal that aborts when the caller's does, when the first token is
 * late or when the whole answer is; `reason()` tells a timeout (UPSTREAM_TIMEOUT) from the
 * caller's cancel. The timers never keep the process alive.
 */
export class AttemptTimer {
  readonly signal: AbortSignal;
  readonly #controller = new AbortController();
  readonly #caller: AbortSignal;
  readonly #firstToken: NodeJS.Timeout | undefined;
  readonly #total: NodeJS.Timeout | undefined;
  readonly #onCallerAbort: () => void;

  constructor(provider: string, timeouts: ProviderTimeouts | undefined, caller: AbortSignal) {
    this.#caller = caller;
    this.signal = this.#controller.signal;
    this.#onCallerAbort = () => this.#controller.abort(caller.reason);
    if (caller.aborted) this.#onCallerAbort();
    else caller.addEventListener('abort', this.#onCallerAbort, { once: true });
    if (timeouts) {
      this.#firstToken = setTimeout(
        () => this.#controller.abort(timedOut(provider, 'first token', timeouts.firstTokenMs)),
        timeouts.firstTokenMs,
      ).unref();
      this.#total = setTimeout(
        () => this.#controller.abort(timedOut(provider, 'answer', timeouts.totalMs)),
        timeouts.totalMs,
      ).unref();
    }
  }

  /** The UPSTREAM_TIMEOUT that stopped the attempt; undefined when none did (or the caller left). */
  timeout(): RagfleetError | undefined {
    if (!this.signal.aborted || this.#caller.aborted) return undefined;
    const reason: unknown = this.signal.reason;
    return reason instanceof RagfleetError && reason.code === 'UPSTREAM_TIMEOUT' ? reason : undefined;
  }

  firstTokenArrived(): void {
    clearTimeout(this.#firstToken);
  }

  stop(): void {
    clearTimeout(this.#firstToken);
    clearTimeout(this.#total);
    this.#caller.removeEventListener('abort', this.#onCallerAbort);
  }
}
