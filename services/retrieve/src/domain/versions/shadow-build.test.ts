import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { NARROW, versionsFixture, type VersionsFixture } from '../../../test/support/versions-fixture.ts';
import { INDEX_VERSION_PROGRESS } from './shadow-build.ts';

let f: VersionsFixture;
beforeEach(async () => {
  f = await versionsFixture();
});
afterEach(() => f.close());

describe('shadow builds', () => {
  it('builds a version with another chunking in the shadow while search still reads the active one', async () => {
    const versions = await f.open();
    const building = await versions.build({ model: '', chunking: NARROW });
    expect(building).toMatchObject({ id: 2, state: 'building' });
    expect(Math.max(...(await f.chunkLengths(versions, 'owls')))).toBeGreaterThan(NARROW.size);

    const built = await versions.whenBuilt(2);
    expect(built).toMatchObject({ state: 'ready', documentsDone: 7, documentsTotal: 7 });
    expect(built.chunks).toBeGreaterThan(f.corpus.corpus.index.size);
    const progress = f.bus.published.filter(({ event }) => event.type === INDEX_VERSION_PROGRESS);
    expect(progress.map(({ event }) => (event.data as { documentsDone: number }).documentsDone)).toEqual([
      2, 4, 6, 7, 7,
    ]);
    expect(versions.catalog().active).toBe(1);
  });

  it('brings writes made during and after the build into the new version', async () => {
    const versions = await f.open();
    await versions.build({ model: '', chunking: NARROW });
    // Racing the scan: one document replaced, one deleted, one added.
    await Promise.all([
      f.put('acme', 'owls', 'Falcons dive at great speed to strike pigeons.'),
      f.corpus.corpus.deleteDocument('acme', 'engines'),
      f.put('acme', 'volcano', 'Lava flows from the volcano into the sea.'),
    ]);
    await versions.whenBuilt(2);
    await f.put('acme', 'late', 'Late arrivals reach the ready version too.');
    await versions.activate(2, { force: true });

    const found = async (query: string) =>
      (await versions.query('acme', { query, k: 3, filters: {}, mode: 'keyword' })).hits.map(
        (h) => h.documentId,
      );
    expect((await found('falcons pigeons'))[0]).toBe('owls');
    expect(await found('hunt mice barn')).not.toContain('owls');
    expect(await found('diesel engines')).not.toContain('engines');
    expect((await found('lava volcano'))[0]).toBe('volcano');
    expect((await found('late arrivals'))[0]).toBe('late');
    expect(Math.max(...(await f.chunkLengths(versions, 'falcons')))).toBeLessThanOrEqual(NARROW.size);
  });

  it('resumes a build stopped by close() on the next start', async () => {
    const versions = await f.open();
    await versions.build({ model: '', chunking: NARROW });
    await versions.close();
    const stopped = versions.get(2);

    const reopened = await f.open();
    const built = await reopened.whenBuilt(2);
    expect(stopped.state).toBe('building');
    expect(built).toMatchObject({ state: 'ready', documentsDone: 7, documentsTotal: 7 });
  });
});
