import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@ragfleet/config';
import { loadRouterConfig } from './config.ts';

describe('router config', () => {
  it('enables extractive alone by default', () => {
    expect(loadRouterConfig({}).ENABLED_PROVIDERS).toEqual(['extractive']);
  });

  it('derives providers from OLLAMA_HOST and ANTHROPIC_API_KEY without keeping the key', () => {
    const config = loadRouterConfig({
      OLLAMA_HOST: 'http://127.0.0.1:11434',
      ANTHROPIC_API_KEY: 'sk-secret',
    });
    expect(config.ENABLED_PROVIDERS).toEqual(['extractive', 'ollama', 'anthropic']);
    expect(JSON.stringify(config)).not.toContain('sk-secret');
  });

  it('takes an explicit list and rejects unknown providers', () => {
    expect(
      loadRouterConfig({ ENABLED_PROVIDERS: 'anthropic', OLLAMA_HOST: 'http://h:1' }).ENABLED_PROVIDERS,
    ).toEqual(['extractive', 'anthropic']);
    expect(() => loadRouterConfig({ ENABLED_PROVIDERS: 'extractive,openai' })).toThrow(ConfigError);
  });
});
