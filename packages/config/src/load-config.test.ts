import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { ConfigError, env, loadConfig, redactConfig } from './index.ts';

const schema = z.object({
  PORT: env.port(8080),
  REDIS_URL: env.optionalUrl(),
  ANTHROPIC_API_KEY: env.optionalString(),
  CACHE: env.boolean(true),
});

describe('loadConfig', () => {
  it('applies defaults and coerces types', () => {
    expect(loadConfig('test', schema, {})).toEqual({ PORT: 8080, CACHE: true });
    expect(loadConfig('test', schema, { PORT: '9000', CACHE: 'no', REDIS_URL: '' })).toEqual({
      PORT: 9000,
      CACHE: false,
      REDIS_URL: undefined,
    });
  });

  it('names every bad variable at once without echoing values', () => {
    let error: unknown;
    try {
      loadConfig('test', schema, { PORT: 'seventy', REDIS_URL: 'not a url s3cret' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT');
    expect(message).toContain('REDIS_URL');
    expect(message).not.toContain('s3cret');
  });
});

describe('redactConfig', () => {
  it('hides secrets and URL credentials', () => {
    const redacted = redactConfig({
      ANTHROPIC_API_KEY: 'sk-123',
      MONGODB_URI: 'mongodb://user:pw@db:27017/x',
      PORT: 1,
    });
    expect(redacted).toEqual({
      ANTHROPIC_API_KEY: '[redacted]',
      MONGODB_URI: 'mongodb://[redacted]@db:27017/x',
      PORT: 1,
    });
  });

  it('shows where secrets are mounted and settings that only look like secrets', () => {
    expect(
      redactConfig({
        SERVICE_AUTH_KEY: 'x'.repeat(32),
        SERVICE_AUTH_KEY_FILE: '/var/run/secrets/ragfleet/service-key',
        SERVICE_AUTH_TOKEN_TTL_SECONDS: 60,
      }),
    ).toEqual({
      SERVICE_AUTH_KEY: '[redacted]',
      SERVICE_AUTH_KEY_FILE: '/var/run/secrets/ragfleet/service-key',
      SERVICE_AUTH_TOKEN_TTL_SECONDS: 60,
    });
  });
});
