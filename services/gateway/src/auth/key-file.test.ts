import { describe, expect, it } from '@jest/globals';
import { hashApiKey } from './api-keys.ts';
import { KeyFileError, parseKeyFile } from './key-file.ts';

const hash = hashApiKey('rf_example');

describe('parseKeyFile', () => {
  it('reads YAML entries with defaults for user, tier and scopes', () => {
    const keys = parseKeyFile(`keys:\n  - id: ci\n    hash: ${hash}\n    tenant: acme\n`, 'keys.yaml');
    expect(keys).toEqual([{ id: 'ci', hash, tenant: 'acme', user: 'ci', tier: 'free', scopes: ['*'] }]);
  });

  it('reads a JSON list too', () => {
    const text = JSON.stringify([
      { id: 'a', hash, tenant: 't', user: 'u', tier: 'premium', scopes: ['search'] },
    ]);
    expect(parseKeyFile(text, 'keys.json')[0]).toMatchObject({
      tier: 'premium',
      scopes: ['search'],
      user: 'u',
    });
  });

  it('names every bad field and never accepts a clear key in place of a hash', () => {
    const text = JSON.stringify({
      keys: [{ id: 'a', hash: 'rf_clear_key', tenant: 'bad tenant', tier: 'gold' }],
    });
    let error: unknown;
    try {
      parseKeyFile(text, 'keys.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KeyFileError);
    const message = (error as Error).message;
    expect(message).toContain('keys.0.hash');
    expect(message).toContain('keys.0.tenant');
    expect(message).toContain('keys.0.tier');
    expect(message).not.toContain('rf_clear_key');
  });

  it('refuses duplicate ids and duplicate keys', () => {
    const entry = { id: 'a', hash, tenant: 't' };
    expect(() => parseKeyFile(JSON.stringify([entry, entry]), 'k')).toThrow(
      /duplicate id "a"[\s\S]*appears twice/,
    );
  });

  it('reads a key budget per day and month in USD, and names what is wrong with one', () => {
    const keys = parseKeyFile(
      `keys:\n  - id: ci\n    hash: ${hash}\n    tenant: acme\n    budget:\n      day_usd: 5\n      month_usd: 100\n`,
      'keys.yaml',
    );
    expect(keys[0]?.budget).toEqual({ dayUsd: 5, monthUsd: 100 });
    expect(
      parseKeyFile(JSON.stringify([{ id: 'm', hash, tenant: 't', budget: { month_usd: 0 } }]), 'k')[0],
    ).toMatchObject({ budget: { monthUsd: 0 } });
    const bad = (budget: unknown) => () =>
      parseKeyFile(JSON.stringify({ keys: [{ id: 'a', hash, tenant: 't', budget }] }), 'keys.json');
    expect(bad({ day_usd: -1 })).toThrow(/keys\.0\.budget\.day_usd/);
    expect(bad({ month_usd: 1e10 })).toThrow(/keys\.0\.budget\.month_usd/);
    expect(bad({ day_usd: '5' })).toThrow(/keys\.0\.budget\.day_usd/);
    expect(bad({ week_usd: 5 })).toThrow(/keys\.0\.budget/);
    expect(bad({})).toThrow(/keys\.0\.budget: name day_usd, month_usd or both/);
  });

  it('reads an empty file as no keys, and refuses text that is not YAML', () => {
    expect(parseKeyFile('', 'k')).toEqual([]);
    expect(() => parseKeyFile('keys: [unclosed', 'k')).toThrow(KeyFileError);
  });
});
