import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  LABELED,
  NARROW,
  versionsFixture,
  WIDE,
  type VersionsFixture,
} from '../../../test/support/versions-fixture.ts';
import { INDEX_VERSION_ACTIVATED } from './alias-moves.ts';

let f: VersionsFixture;
beforeEach(async () => {
  f = await versionsFixture();
});
afterEach(() => f.close());

describe('alias moves', () => {
  it('activates a candidate that passes the gate, atomically, and rolls back at once', async () => {
    const versions = await f.open();
    await versions.build({ model: '', chunking: NARROW });
    await versions.whenBuilt(2);
    await expect(versions.activate(2, { force: false })).rejects.toThrow(/labeled set/);

    const result = await versions.activate(2, { force: false, labeled: LABELED });
    expect(result).toMatchObject({ activated: true, forced: false });
    expect(result.candidateNdcg10).toBeGreaterThanOrEqual(result.activeNdcg10 - 0.01);
    expect(versions.catalog()).toMatchObject({ active: 2, previous: 1 });
    expect(f.bus.published.some(({ event }) => event.type === INDEX_VERSION_ACTIVATED)).toBe(true);
    await versions.close();

    const reopened = await f.open();
    expect(reopened.catalog()).toMatchObject({ active: 2, previous: 1 });
    expect(Math.max(...(await f.chunkLengths(reopened, 'owls')))).toBeLessThanOrEqual(NARROW.size);
    expect(await reopened.rollback()).toMatchObject({ id: 1, state: 'active' });
    expect(reopened.catalog()).toMatchObject({ active: 1, previous: 2 });
    expect(reopened.get(2).state).toBe('ready');
  });

  it('refuses a worse candidate unless forced', async () => {
    const versions = await f.open();
    await versions.build({ model: 'scrambled', chunking: WIDE });
    expect(await versions.whenBuilt(2)).toMatchObject({ state: 'ready', model: 'scrambled' });

    const refused = await versions.activate(2, { force: false, labeled: LABELED });
    expect(refused.activated).toBe(false);
    expect(refused.candidateNdcg10).toBeLessThan(refused.activeNdcg10 - 0.01);
    expect(versions.catalog().active).toBe(1);

    const forced = await versions.activate(2, { force: true, labeled: LABELED });
    expect(forced).toMatchObject({ activated: true, forced: true });
    expect(versions.catalog().active).toBe(2);
  });

  it('retires the version before the previous one and rejects what cannot be done', async () => {
    const versions = await f.open();
    await expect(versions.rollback()).rejects.toThrow(/no previous/);
    await versions.build({ model: '', chunking: NARROW });
    await expect(versions.build({ model: '', chunking: WIDE })).rejects.toThrow(/still building/);
    await versions.whenBuilt(2);
    await versions.activate(2, { force: true });
    await versions.build({ model: '', chunking: { ...NARROW, strategy: 'sentences' } });
    await versions.whenBuilt(3);
    await versions.activate(3, { force: true });
    expect(versions.list().map((v) => [v.id, v.state])).toEqual([
      [1, 'retired'],
      [2, 'ready'],
      [3, 'active'],
    ]);
    await expect(versions.activate(1, { force: true })).rejects.toThrow(/retired/);
    await expect(versions.activate(3, { force: true })).rejects.toThrow(/already active/);
    expect(() => versions.get(9)).toThrow(/not found/);
  });
});
