import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError, env, loadConfig, serviceFields } from '@ragfleet/config';
import { loadCatalogFile } from './adapters/catalog-file.ts';
import { RoutingFileError, loadDomainTermsFile, loadRoutingConfigFile } from './adapters/routing-files.ts';
import { PROVIDERS, type ProviderName } from './domain/catalog.ts';
import type { RoutingConfig } from './domain/routing-config.ts';
import { budgetConfigFields } from './budgets/budget-config.ts';
import { healthConfigFields } from './health/health-config.ts';
import { ledgerConfigFields } from './ledger/ledger-config.ts';

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
    ...ledgerConfigFields,
    ...budgetConfigFields,
    ...healthConfigFields,
    CATALOG_PATH: z
      .string()
      .min(1)
      .default(join(import.meta.dirname, '../catalog.json')),
    /** How often the catalog file is polled when fs.watch misses a change. */
    CATALOG_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(2_000),
    /** Weights, saturations, class thresholds and quality bars (JSON). */
    ROUTER_WEIGHTS_FILE: z
      .string()
      .min(1)
      .default(join(import.meta.dirname, '../routing-weights.json')),
    /** The domain terms the analyzer counts, one per line: a fixed list, not learnt. */
    ROUTER_DOMAIN_TERMS_FILE: z
      .string()
      .min(1)
      .default(join(import.meta.dirname, '../domain-terms.txt')),
    /** Tokens a model needs beyond the prompt (answer, template) for its context window to fit. */
    ROUTER_CONTEXT_MARGIN_TOKENS: z.coerce.number().int().min(0).max(1_000_000).default(1_024),
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

export type RouterConfig = z.output<typeof routerConfigSchema> & {
  /** Parsed from ROUTER_WEIGHTS_FILE. */
  routing: RoutingConfig;
  /** Read from ROUTER_DOMAIN_TERMS_FILE. */
  domainTerms: string[];
};

/**
 * The environment, then the files it points at: a bad weights, terms or catalog file is a
 * ConfigError naming the variable and the problem, so the process stops (exit 78) before it
 * listens. The catalog is only checked here; its watcher reads it again and keeps it fresh.
 */
export function loadRouterConfig(source: Record<string, string | undefined> = process.env): RouterConfig {
  const config = loadConfig('router', routerConfigSchema, source);
  const issues: string[] = [];
  const attempt = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (error instanceof RoutingFileError) issues.push(...error.issues);
      else issues.push(`CATALOG_PATH: ${(error as Error).message.replaceAll('\n', ' ')}`);
      return undefined;
    }
  };
  const routing = attempt(() => loadRoutingConfigFile(config.ROUTER_WEIGHTS_FILE));
  const domainTerms = attempt(() => loadDomainTermsFile(config.ROUTER_DOMAIN_TERMS_FILE));
  attempt(() => loadCatalogFile(config.CATALOG_PATH));
  if (routing === undefined || domainTerms === undefined || issues.length > 0) {
    throw new ConfigError('router', issues);
  }
  return { ...config, routing, domainTerms };
}
