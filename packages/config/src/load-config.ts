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
/** Paths to secret files (SERVICE_AUTH_KEY_FILE): where a secret is mounted is not itself secret. */
const FILE_NAME = /_FILE$/;
const URL_CREDENTIALS = /\/\/([^/@\s]+)@/;

/**
 * A copy fit for logs: secret-looking fields hidden (but a number or a flag, such as
 * SERVICE_AUTH_TOKEN_TTL_SECONDS, is a setting, not a secret), credentials inside URLs masked.
 */
export function redactConfig(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([name, value]) => {
      if (value === undefined || value === null || value === '') return [name, value];
      const setting = typeof value === 'number' || typeof value === 'boolean';
      if (!setting && SECRET_NAME.test(name) && !FILE_NAME.test(name)) {
        return [name, '[redacted]'];
      }
      if (typeof value === 'string' && URL_CREDENTIALS.test(value)) {
        return [name, value.replace(URL_CREDENTIALS, '//[redacted]@')];
      }
      return [name, value];
    }),
  );
}
