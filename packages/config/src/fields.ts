import { z } from 'zod';

/** Reusable environment field parsers: env values are strings, these give typed values. */
export const env = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  positiveInt: (fallback: number) => z.coerce.number().int().positive().default(fallback),
  nonNegativeInt: (fallback: number) => z.coerce.number().int().nonnegative().default(fallback),
  boolean: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .default(fallback ? 'true' : 'false')
      .transform((value) => value === 'true' || value === '1' || value === 'yes'),
  optionalUrl: () =>
    z
      .string()
      .optional()
      .transform((value) => (value === '' ? undefined : value))
      .pipe(z.url().optional()),
  optionalString: () =>
    z
      .string()
      .optional()
      .transform((value) => (value === '' ? undefined : value)),
  logLevel: () => z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Gives one fleet its own NATS streams and subjects (tests, several fleets on one server). */
  natsNamespace: () =>
    z
      .string()
      .regex(/^[A-Za-z0-9_]{0,40}$/, 'letters, digits and _ only')
      .default(''),
  /** host:port of another service of the fleet. */
  address: (fallback: string) =>
    z
      .string()
      .regex(/^[^:\s]+:\d+$/, 'expected host:port')
      .default(fallback),
};
