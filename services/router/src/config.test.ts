import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
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

describe('router config files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ragfleet-router-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const issues = (source: Record<string, string>): string[] => {
    try {
      loadRouterConfig(source);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).issues;
    }
    throw new Error('config was accepted');
  };

  it('reads the shipped weights and domain terms by default', () => {
    const config = loadRouterConfig({});
    expect(config.routing.qualityBars.reasoning).toBeGreaterThan(config.routing.qualityBars.simple);
    expect(config.domainTerms).toContain('bm25');
    expect(config.domainTerms.some((term) => term.startsWith('#'))).toBe(false);
  });

  it('names the variable and the problem for bad weights, empty terms and a bad catalog', () => {
    const shipped = JSON.parse(
      readFileSync(join(import.meta.dirname, '../routing-weights.json'), 'utf8'),
    ) as {
      thresholds: Record<string, number>;
    };
    expect(issues({ ROUTER_WEIGHTS_FILE: file('w1.json', '{') })[0]).toMatch(
      /^ROUTER_WEIGHTS_FILE: .*w1\.json is not JSON/,
    );
    expect(
      issues({
        ROUTER_WEIGHTS_FILE: file(
          'w2.json',
          JSON.stringify({ ...shipped, thresholds: { ...shipped.thresholds, complex: 2 } }),
        ),
      }),
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ROUTER_WEIGHTS_FILE: .*w2\.json: thresholds\.complex: /),
      ]),
    );
    expect(issues({ ROUTER_WEIGHTS_FILE: join(dir, 'absent.json') })[0]).toMatch(
      /^ROUTER_WEIGHTS_FILE: cannot read/,
    );
    expect(issues({ ROUTER_DOMAIN_TERMS_FILE: file('t.txt', '# only a comment\n\n') })).toEqual([
      expect.stringMatching(/^ROUTER_DOMAIN_TERMS_FILE: .*t\.txt lists no term$/),
    ]);
    expect(issues({ CATALOG_PATH: file('c.json', '{"models": []}') })).toEqual([
      expect.stringMatching(/^CATALOG_PATH: invalid model catalog .*c\.json {3}- models: /),
    ]);
  });
});
