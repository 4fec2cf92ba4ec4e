import { join } from 'node:path';
import { z } from 'zod';
import { env, loadConfig, serviceFields } from '@ragfleet/config';
import { PROVIDERS, type ProviderName } from './domain/catalog.ts';

const providerList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(PROVIDERS)));

export const routerConfigSchema = z
  .object({
    ...serviceFields('router'),
    CATALOG_PATH: z
      .string()
      .min(1)
      .default(join(import.meta.dirname, '../catalog.json')),
    /** Comma list; empty means extractive plus whatever OLLAMA_HOST / ANTHROPIC_API_KEY switch on. */
    ENABLED_PROVIDERS: providerList,
    OLLAMA_HOST: env.optionalUrl(),
    // The router only needs to know whether a key exists; the value is dropped right here.
    ANTHROPIC_API_KEY: env.optionalString().transform((value) => value !== undefined),
  })
  .transform(({ ENABLED_PROVIDERS, OLLAMA_HOST, ANTHROPIC_API_KEY, ...rest }) => {
    const enabled = new Set<ProviderName>(['extractive']);
    if (ENABLED_PROVIDERS.length > 0) for (const name of ENABLED_PROVIDERS) enabled.add(name);
    else {
      if (OLLAMA_HOST) enabled.add('ollama');
      if (ANTHROPIC_API_KEY) enabled.add('anthropic');
    }
    return { ...rest, ENABLED_PROVIDERS: [...enabled] };
  });

export type RouterConfig = z.output<typeof routerConfigSchema>;

export function loadRouterConfig(source: Record<string, string | undefined> = process.env): RouterConfig {
  return loadConfig('router', routerConfigSchema, source);
}
