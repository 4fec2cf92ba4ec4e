import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { CatalogError, parseCatalog } from './catalog.ts';

const extractive = {
  provider: 'extractive',
  model: 'extractive-v1',
  inputPricePerMtok: 0,
  outputPricePerMtok: 0,
  quality: 1,
  tiers: ['free', 'standard', 'premium'],
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
    expect(problems({ models: [{ ...extractive, tiers: ['free'] }] })).toContain(
      'no extractive model allowed for tier standard',
    );
  });
});
