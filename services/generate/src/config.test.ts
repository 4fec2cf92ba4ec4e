import { describe, expect, it } from '@jest/globals';
import { loadGenerateConfig } from './config.ts';
import { providerTimeoutsFromConfig } from './adapters/providers.ts';

describe('generate config: budgets and provider timeouts', () => {
  it('reserves by default, 1024 output tokens, and gives a cold local model a minute to its first token', () => {
    const config = loadGenerateConfig({});
    expect(config.BUDGETS_ENABLED).toBe(true);
    expect(config.GENERATE_MAX_OUTPUT_TOKENS).toBe(1024);
    expect(providerTimeoutsFromConfig(config)).toEqual({
      ollama: { connectMs: 5_000, firstTokenMs: 60_000, totalMs: 300_000 },
      anthropic: { connectMs: 5_000, firstTokenMs: 15_000, totalMs: 120_000 },
    });
  });

  it('reads each provider its own timeouts, and budgets can be switched off', () => {
    const config = loadGenerateConfig({
      BUDGETS_ENABLED: 'false',
      GENERATE_MAX_OUTPUT_TOKENS: '256',
      OLLAMA_FIRST_TOKEN_TIMEOUT_MS: '90000',
      ANTHROPIC_TOTAL_TIMEOUT_MS: '30000',
    });
    expect(config.BUDGETS_ENABLED).toBe(false);
    expect(config.GENERATE_MAX_OUTPUT_TOKENS).toBe(256);
    const timeouts = providerTimeoutsFromConfig(config);
    expect(timeouts.ollama.firstTokenMs).toBe(90_000);
    expect(timeouts.anthropic.totalMs).toBe(30_000);
  });

  it('refuses a timeout or output limit that is not a positive whole number, naming it', () => {
    expect(() =>
      loadGenerateConfig({ OLLAMA_CONNECT_TIMEOUT_MS: '0', GENERATE_MAX_OUTPUT_TOKENS: '-5' }),
    ).toThrow(
      /OLLAMA_CONNECT_TIMEOUT_MS[\s\S]*GENERATE_MAX_OUTPUT_TOKENS|GENERATE_MAX_OUTPUT_TOKENS[\s\S]*OLLAMA_CONNECT_TIMEOUT_MS/,
    );
    expect(() => loadGenerateConfig({ BUDGETS_ENABLED: 'maybe' })).toThrow(/BUDGETS_ENABLED/);
  });
});
