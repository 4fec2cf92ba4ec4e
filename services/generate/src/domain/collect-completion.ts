import type { ChatProvider, ChatRequest } from './ports.ts';
import type { ProviderGuard } from './provider-guard.ts';

export interface Completion {
  text: string;
  /** What the provider reported; absent when it reports no usage. */
  inputTokens: number | undefined;
  outputTokens: number | undefined;
}

/**
 * A whole completion from one provider behind the guard, for the unary use cases (Summarize,
 * Suggest): the tokens joined and the last usage reported. A failure at any point throws, and
 * the caller tries the next model: nothing was shown to anyone yet.
 */
export async function collectCompletion(
  guard: ProviderGuard,
  provider: ChatProvider,
  request: ChatRequest,
  signal: AbortSignal,
): Promise<Completion> {
  const opened = await guard.open(provider, request, signal);
  let text = '';
  let inputTokens: number | undefined;
  let outputTokens: number | undefined;
  const take = (chunk: (typeof opened.head)[number]) => {
    if (chunk.token) text += chunk.token;
    if (chunk.usage?.inputTokens !== undefined) inputTokens = chunk.usage.inputTokens;
    if (chunk.usage?.outputTokens !== undefined) outputTokens = chunk.usage.outputTokens;
  };
  opened.head.forEach(take);
  if (!opened.ended) {
    for (let next = await opened.rest.next(); !next.done; next = await opened.rest.next()) take(next.value);
  }
  return { text, inputTokens, outputTokens };
}
