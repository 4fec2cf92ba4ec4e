import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { CatalogError, parseCatalog } from './catalog.ts';

const extractive = {
  provider: 'extractive',
  model: 'extractive-v1',
  inputPricePerMtok: 0,
  outputPricePerMtok: 0,
  contextWindow: 1_000_000,
  quality: 10,
  typicalLatencyMs: 5,
  tiers: ['free', 'standard', 'premium', 'enterprise'],
};

function problems(document: unknown): string {
  try {
    parseCatalog(document, 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return (error as Error).message;
  }
  throw new Error('catalog was accepted');
}

describe('parseCatalog', () => {
  it('accepts the shipped catalog', () => {
    const document: unknown = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../catalog.json'), 'utf8'),
    );
    const catalog = parseCatalog(document);
    expect(catalog.models.map((model) => model.provider)).toEqual(
      expect.arrayContaining(['extractive', 'ollama', 'anthropic']),
    );
    expect(catalog.models.every((model) => model.contextWindow > 0 && model.capabilities.length > 0)).toBe(
      true,
    );
  });

  it('names missing context windows, out-of-range quality and negative latency', () => {
    const { contextWindow: _omitted, ...withoutWindow } = extractive;
    const message = problems({
      models: [
        extractive,
        { ...withoutWindow, model: 'a' },
        { ...extractive, model: 'b', quality: 101, typicalLatencyMs: -1 },
      ],
    });
    expect(message).toContain('models.1.contextWindow');
    expect(message).toContain('models.2.quality');
    expect(message).toContain('models.2.typicalLatencyMs');
  });

  it('rejects unknown providers, negative prices and unknown tiers, naming each', () => {
    const message = problems({
      models: [
        extractive,
        { ...extractive, provider: 'openai', model: 'x' },
        { ...extractive, model: 'y', inputPricePerMtok: -1 },
        { ...extractive, model: 'z', tiers: ['gold'] },
      ],
    });
    expect(message).toContain('test.json');
    expect(message).toContain('models.1.provider');
    expect(message).toContain('models.2.inputPricePerMtok');
    expect(message).toContain('models.3.tiers.0');
  });

  it('rejects duplicates and a tier without the offline fallback', () => {
    expect(problems({ models: [extractive, extractive] })).toContain(
      'duplicate model extractive/extractive-v1',
    );
    expect(problems({ models: [{ ...extractive, tiers: ['free', 'standard', 'premium'] }] })).toContain(
      'no extractive model allowed for tier enterprise',
    );
  });
});
