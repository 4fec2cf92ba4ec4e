import { Ollama } from 'ollama';
import type { ChatChunk, ChatProvider, ChatRequest } from '../domain/ports.ts';
import { fetchWithConnectTimeout } from './connect-timeout-fetch.ts';
import { cancelledBy, providerFailure, truncatedStream } from './provider-errors.ts';

function statusOf(error: unknown): number | undefined {
  const status = (error as { status_code?: unknown }).status_code;
  return typeof status === 'number' ? status : undefined;
}

export interface OllamaProviderOptions {
  host: string;
  /** Until the TCP connection is up; the first-token and total timeouts are the guard's. */
  connectTimeoutMs?: number;
}

/** Streaming chat against an Ollama server (OLLAMA_HOST) through the `ollama` client. */
export class OllamaProvider implements ChatProvider {
  readonly name = 'ollama';
  readonly #host: string;
  readonly #fetch: typeof fetch;

  constructor(options: OllamaProviderOptions) {
    this.#host = options.host;
    this.#fetch = fetchWithConnectTimeout(this.name, options.connectTimeoutMs ?? 5_000);
  }

  async *stream(request: ChatRequest, signal: AbortSignal): AsyncGenerator<ChatChunk> {
    // One client per call: the client's own abort() would cancel every call it carries, so each
    // call gets a fetch bound to its own signal instead.
    const client = new Ollama({
      host: this.#host,
      fetch: (input, init) =>
        this.#fetch(input, {
          ...init,
          signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal,
        }),
    });
    let finished = false;
    try {
      const response = await client.chat({
        model: request.model,
        stream: true,
        messages: [{ role: 'system', content: request.system }, ...request.messages],
        ...(request.maxOutputTokens ? { options: { num_predict: request.maxOutputTokens } } : {}),
      });
      for await (const part of response) {
        if (part.message?.content) yield { token: part.message.content };
        if (part.done) {
          finished = true;
          yield {
            usage: { inputTokens: part.prompt_eval_count, outputTokens: part.eval_count },
            finishReason: part.done_reason || 'stop',
          };
        }
      }
    } catch (error) {
      if (signal.aborted) throw cancelledBy(signal);
      throw providerFailure(this.name, error, statusOf(error));
    }
    if (signal.aborted) throw cancelledBy(signal);
    if (!finished) throw truncatedStream(this.name);
  }
}
