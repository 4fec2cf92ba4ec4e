import Anthropic from '@anthropic-ai/sdk';
import type { ChatChunk, ChatProvider, ChatRequest } from '../domain/ports.ts';
import { fetchWithConnectTimeout } from './connect-timeout-fetch.ts';
import { cancelledBy, providerFailure, truncatedStream } from './provider-errors.ts';

export interface AnthropicProviderOptions {
  apiKey: string;
  baseURL?: string;
  /** Output token limit of requests that name none. */
  maxTokens?: number;
  /** Until the TCP/TLS connection is up. */
  connectTimeoutMs?: number;
  /** The SDK's own limit until the response headers; the guard bounds first token and total. */
  timeoutMs?: number;
}

/** Streaming Messages API through @anthropic-ai/sdk. */
export class AnthropicProvider implements ChatProvider {
  readonly name = 'anthropic';
  readonly #client: Anthropic;
  readonly #maxTokens: number;

  constructor(options: AnthropicProviderOptions) {
    // Retries belong to the pipeline's policy (it also falls back across providers), not the SDK.
    this.#client = new Anthropic({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      maxRetries: 0,
      timeout: options.timeoutMs ?? 60_000,
      fetch: fetchWithConnectTimeout(this.name, options.connectTimeoutMs ?? 5_000),
    });
    this.#maxTokens = options.maxTokens ?? 1024;
  }

  async *stream(request: ChatRequest, signal: AbortSignal): AsyncGenerator<ChatChunk> {
    let inputTokens: number | undefined;
    let outputTokens: number | undefined;
    let stopReason: string | undefined;
    let finished = false;
    try {
      const stream = await this.#client.messages.create(
        {
          model: request.model,
          max_tokens: request.maxOutputTokens ?? this.#maxTokens,
          system: request.system,
          messages: request.messages,
          stream: true,
        },
        { signal },
      );
      for await (const event of stream) {
        switch (event.type) {
          case 'message_start':
            inputTokens = event.message.usage.input_tokens;
            break;
          case 'content_block_delta':
            if (event.delta.type === 'text_delta' && event.delta.text) yield { token: event.delta.text };
            break;
          case 'message_delta':
            stopReason = event.delta.stop_reason ?? undefined;
            outputTokens = event.usage.output_tokens;
            break;
          case 'message_stop':
            finished = true;
            break;
        }
      }
    } catch (error) {
      if (signal.aborted) throw cancelledBy(signal);
      const status = error instanceof Anthropic.APIError ? error.status : undefined;
      // An SSE `error` event arrives without a status; its type says whether it is transient.
      const type = error instanceof Anthropic.APIError ? error.type : undefined;
      throw providerFailure(this.name, error, status ?? (type === 'overloaded_error' ? 529 : undefined));
    }
    // The SDK ends quietly when aborted; a cut-off answer must not look finished.
    if (signal.aborted) throw cancelledBy(signal);
    if (!finished) throw truncatedStream(this.name);
    yield { usage: { inputTokens, outputTokens }, finishReason: stopReason ?? 'end_turn' };
  }
}
