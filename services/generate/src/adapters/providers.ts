import type { ProviderTimeouts } from '../domain/attempt-timer.ts';
import type { ChatProvider } from '../domain/ports.ts';
import type { GenerateConfig } from '../config.ts';
import { AnthropicProvider } from './anthropic-provider.ts';
import { ExtractiveProvider } from './extractive/extractive-provider.ts';
import { OllamaProvider } from './ollama-provider.ts';

/** The providers this process can reach: extractive always, the others when configured. */
export function providersFromConfig(config: GenerateConfig): ChatProvider[] {
  const providers: ChatProvider[] = [new ExtractiveProvider()];
  const timeouts = providerTimeoutsFromConfig(config);
  if (config.OLLAMA_HOST) {
    providers.push(
      new OllamaProvider({ host: config.OLLAMA_HOST, connectTimeoutMs: timeouts.ollama.connectMs }),
    );
  }
  if (config.ANTHROPIC_API_KEY) {
    providers.push(
      new AnthropicProvider({
        apiKey: config.ANTHROPIC_API_KEY,
        baseURL: config.ANTHROPIC_BASE_URL,
        maxTokens: config.ANTHROPIC_MAX_TOKENS,
        connectTimeoutMs: timeouts.anthropic.connectMs,
        timeoutMs: timeouts.anthropic.totalMs,
      }),
    );
  }
  return providers;
}

/** Each remote provider's connect, first-token and total timeouts; extractive runs in-process. */
export function providerTimeoutsFromConfig(config: GenerateConfig): {
  ollama: ProviderTimeouts;
  anthropic: ProviderTimeouts;
} {
  return {
    ollama: {
      connectMs: config.OLLAMA_CONNECT_TIMEOUT_MS,
      firstTokenMs: config.OLLAMA_FIRST_TOKEN_TIMEOUT_MS,
      totalMs: config.OLLAMA_TOTAL_TIMEOUT_MS,
    },
    anthropic: {
      connectMs: config.ANTHROPIC_CONNECT_TIMEOUT_MS,
      firstTokenMs: config.ANTHROPIC_FIRST_TOKEN_TIMEOUT_MS,
      totalMs: config.ANTHROPIC_TOTAL_TIMEOUT_MS,
    },
  };
}
