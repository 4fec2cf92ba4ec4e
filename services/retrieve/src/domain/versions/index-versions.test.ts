import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  NARROW,
  versionsFixture,
  WIDE,
  type VersionsFixture,
} from '../../../test/support/versions-fixture.ts';
import type { VersionCommand } from './index-versions.ts';

let f: VersionsFixture;
beforeEach(async () => {
  f = await versionsFixture();
});
afterEach(() => f.close());

describe('IndexVersions', () => {
  it('makes the existing index version 1, active, and keeps the catalog across restarts', async () => {
    const versions = await f.open();
    expect(versions.catalog()).toMatchObject({ active: 1, previous: 0 });
    expect(versions.get(1)).toMatchObject({
      state: 'active',
      chunking: WIDE,
      chunks: f.corpus.corpus.index.size,
    });
    await versions.close();
    expect((await f.open()).catalog().versions).toHaveLength(1);
  });

  it('announces builds and alias moves, and repeats those of another replica in order', async () => {
    const versions = await f.open();
    const announced: VersionCommand[] = [];
    versions.onCommand(async (command) => {
      announced.push(command);
    });
    // Another replica's commands, as its replication would deliver them: the alias move arrives
    // while the version is still building here, and waits for the build.
    await versions.apply({ kind: 'build', id: 2, model: '', chunking: NARROW });
    await versions.apply({ kind: 'alias', active: 2, previous: 1 });
    expect(versions.catalog().active).toBe(1);
    await versions.whenBuilt(2);
    expect(versions.catalog()).toMatchObject({ active: 2, previous: 1 });
    await versions.apply({ kind: 'alias', active: 2, previous: 1 });
    await versions.apply({ kind: 'build', id: 2, model: '', chunking: WIDE });
    expect(versions.get(2).chunking).toEqual(NARROW);
    expect(announced).toEqual([]);

    await versions.rollback();
    await versions.build({ model: '', chunking: WIDE });
    expect(announced).toEqual([
      { kind: 'alias', active: 1, previous: 2 },
      { kind: 'build', id: 3, model: 'test-hashing', chunking: WIDE },
    ]);
    await versions.apply({ kind: 'alias', active: 9, previous: 1 });
    expect(versions.catalog().active).toBe(1);
  });
});
