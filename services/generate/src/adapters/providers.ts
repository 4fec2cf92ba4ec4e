import type { ChatProvider } from '../domain/ports.ts';
import type { GenerateConfig } from '../config.ts';
import { AnthropicProvider } from './anthropic-provider.ts';
import { ExtractiveProvider } from './extractive/extractive-provider.ts';
import { OllamaProvider } from './ollama-provider.ts';

/** The providers this process can reach: extractive always, the others when configured. */
export function providersFromConfig(config: GenerateConfig): ChatProvider[] {
  const providers: ChatProvider[] = [new ExtractiveProvider()];
  if (config.OLLAMA_HOST) providers.push(new OllamaProvider({ host: config.OLLAMA_HOST }));
  if (config.ANTHROPIC_API_KEY) {
    providers.push(
      new AnthropicProvider({
        apiKey: config.ANTHROPIC_API_KEY,
        baseURL: config.ANTHROPIC_BASE_URL,
        maxTokens: config.ANTHROPIC_MAX_TOKENS,
      }),
    );
  }
  return providers;
}
