import type { z } from 'zod';

/** Raised once at start-up; main.ts prints it and exits non-zero before anything listens. */
export class ConfigError extends Error {
  readonly issues: string[];
  constructor(service: string, issues: string[]) {
    super(`${service}: invalid configuration\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/**
 * Parses the environment once against a zod schema. Every problem is reported at once, by
 * variable name, and values are never echoed (they may be secrets).
 */
export function loadConfig<S extends z.ZodType>(
  service: string,
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new ConfigError(service, issues);
}

const SECRET_NAME = /(key|secret|token|password|passwd|credential)/i;
const URL_CREDENTIALS = /\/\/([^/@\s]+)@/;

/** A copy fit for logs: secret-looking fields hidden, credentials inside URLs masked. */
export function redactConfig(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([name, value]) => {
      if (value === undefined || value === null || value === '') return [name, value];
      if (SECRET_NAME.test(name)) return [name, '[redacted]'];
      if (typeof value === 'string' && URL_CREDENTIALS.test(value)) {
        return [name, value.replace(URL_CREDENTIALS, '//[redacted]@')];
      }
      return [name, value];
    }),
  );
}
