import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@ragfleet/testing';
import { CatalogWatcher } from './catalog-watcher.ts';

const shipped = JSON.parse(readFileSync(join(import.meta.dirname, '../../catalog.json'), 'utf8')) as {
  models: Array<Record<string, unknown>>;
};
const dir = mkdtempSync(join(tmpdir(), 'ragfleet-router-catalog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function setup(name: string) {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(shipped));
  const outcomes: Array<{ outcome: string; why?: string }> = [];
  const watcher = new CatalogWatcher({
    path,
    pollMs: 100,
    onReload: (outcome, { error }) => outcomes.push({ outcome, why: error?.message }),
  });
  return { path, watcher, outcomes };
}

// Written elsewhere then renamed over, as editors and config-map updates do.
function replace(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

describe('CatalogWatcher', () => {
  it('refuses a malformed or invalid change, keeps the last good catalog and says why', () => {
    const { path, watcher, outcomes } = setup('reload.json');
    expect(watcher.current().models).toHaveLength(shipped.models.length);

    replace(path, '{"models": [');
    expect(watcher.reload()).toBe('rejected');
    replace(path, JSON.stringify({ models: shipped.models.map((model) => ({ ...model, quality: 500 })) }));
    expect(watcher.reload()).toBe('rejected');
    expect(watcher.current().models).toHaveLength(shipped.models.length);
    expect(outcomes.map((entry) => entry.outcome)).toEqual(['rejected', 'rejected']);
    expect(outcomes[0]?.why).toContain('cannot read model catalog');
    expect(outcomes[1]?.why).toContain('models.0.quality');

    replace(path, JSON.stringify({ models: shipped.models.slice(0, 2) }));
    expect(watcher.reload()).toBe('loaded');
    expect(watcher.current().models).toHaveLength(2);
    expect(watcher.reload()).toBe('unchanged');
  });

  it('notices a change on disk by itself, and keeps the last good one through a bad save', async () => {
    const { path, watcher, outcomes } = setup('watched.json');
    watcher.start();
    try {
      replace(path, JSON.stringify({ models: shipped.models.slice(0, 3) }));
      await waitFor(() => watcher.current().models.length === 3, 5_000);
      replace(path, 'not json');
      await waitFor(() => outcomes.some((entry) => entry.outcome === 'rejected'), 5_000);
      expect(watcher.current().models).toHaveLength(3);
    } finally {
      watcher.stop();
    }
  });

  it('will not start on a bad file', () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, '{}');
    expect(() => new CatalogWatcher({ path, pollMs: 100, onReload: () => undefined })).toThrow(/models/);
  });
});
