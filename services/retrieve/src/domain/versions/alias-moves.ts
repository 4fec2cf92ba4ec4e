import { RagfleetError } from '@ragfleet/errors';
import { createEvent, type EventBus } from '@ragfleet/events';
import type { IndexVersion } from './index-version.ts';
import type { MountedVersions, VersionsLogger } from './mounted-versions.ts';
import type { VersionCatalog } from './version-catalog.ts';
import { judgeCutover, type LabeledSet } from './version-gate.ts';

export const INDEX_VERSION_ACTIVATED = 'retrieve.index_version.activated';

export interface ActivationResult {
  version: IndexVersion;
  activated: boolean;
  forced: boolean;
  /** Both 0 when forced without a labeled set. */
  candidateNdcg10: number;
  activeNdcg10: number;
}

export interface AliasMovesOptions {
  catalog: VersionCatalog;
  mounts: MountedVersions;
  bus: EventBus;
  activatedSubject: string;
  /** Candidate nDCG@10 may fall below the active version's by at most this much. */
  tolerance: number;
  logger: VersionsLogger;
}

/**
 * Moves of the alias `active`: a gated activation, a rollback to the previous version, and the
 * moves other replicas made. Each move is one atomic catalog write; the previous active version
 * stays in step as the rollback target and the one before it is retired. Every method here runs
 * inside a catalog change (the caller's), so moves and build progress never interleave.
 */
export class AliasMoves {
  readonly #o: AliasMovesOptions;

  constructor(options: AliasMovesOptions) {
    this.#o = options;
  }

  /** Points the alias at a ready version if it scores no worse than the active one (within the tolerance). */
  async activate(id: number, options: { force: boolean; labeled?: LabeledSet }): Promise<ActivationResult> {
    const { catalog, mounts } = this.#o;
    const candidate = catalog.find(id);
    const active = catalog.current.active;
    if (id === active) {
      throw new RagfleetError('FAILED_PRECONDITION', `index version ${id} is already active`);
    }
    if (candidate.state !== 'ready') {
      throw new RagfleetError('FAILED_PRECONDITION', `index version ${id} is ${candidate.state}, not ready`);
    }
    const labeled = options.labeled && options.labeled.queries.length > 0 ? options.labeled : undefined;
    if (!labeled && !options.force) {
      throw new RagfleetError(
        'INVALID_ARGUMENT',
        'activation is judged on a labeled set: give queries with relevant documents, or force',
      );
    }
    const verdict = labeled
      ? await judgeCutover(mounts.searcher(id), mounts.searcher(active), labeled, this.#o.tolerance)
      : { pass: true, candidateNdcg10: 0, activeNdcg10: 0 };
    const activated = verdict.pass || options.force;
    if (activated) await this.#move(id, active);
    this.#o.logger.info({ id, ...verdict, forced: options.force, activated }, 'index version cutover judged');
    return {
      version: mounts.withCounts(catalog.find(id)),
      activated,
      forced: options.force && !verdict.pass,
      candidateNdcg10: verdict.candidateNdcg10,
      activeNdcg10: verdict.activeNdcg10,
    };
  }

  /** Points the alias back at the previous version: nothing is rebuilt, it was kept in step. */
  async rollback(): Promise<IndexVersion> {
    const { active, previous } = this.#o.catalog.current;
    if (previous === 0) throw new RagfleetError('FAILED_PRECONDITION', 'there is no previous index version');
    await this.#move(previous, active);
    return this.#o.mounts.withCounts(this.#o.catalog.find(previous));
  }

  /**
   * Repeats a move made on another replica (already judged there). A move to a version still
   * building here is kept pending until its build is ready.
   */
  async repeat(active: number, previous: number): Promise<void> {
    const { catalog, logger } = this.#o;
    if (active === catalog.current.active && previous === catalog.current.previous) return;
    const target = catalog.current.versions.find((version) => version.id === active);
    if (target?.state === 'building') {
      await catalog.save({ ...catalog.current, pending: { active, previous } });
    } else if (target && (target.state === 'ready' || target.state === 'active' || target.id === 1)) {
      await this.#move(active, previous);
    } else {
      logger.warn(
        { command: { kind: 'alias', active, previous }, state: target?.state },
        'index alias move skipped: version not servable here',
      );
    }
  }

  /** Makes the move that waited for this version's build, if one did. */
  async onReady(id: number): Promise<void> {
    const pending = this.#o.catalog.current.pending;
    if (pending?.active === id) await this.#move(pending.active, pending.previous);
  }

  /** Moves the alias; a version that is neither the new active nor the new previous one is retired. */
  async #move(active: number, previous: number): Promise<void> {
    const { catalog, mounts } = this.#o;
    const from = catalog.current.active;
    const retire = [from, catalog.current.previous].filter(
      (id) => id !== 0 && id !== active && id !== previous,
    );
    const versions = catalog.current.versions.map((version): IndexVersion => {
      if (version.id === active) return { ...version, state: 'active' };
      if (version.id === previous) return { ...version, state: 'ready' };
      if (retire.includes(version.id)) return { ...version, state: 'retired' };
      return version;
    });
    await catalog.save({ versions, active, previous });
    for (const id of retire) mounts.unmount(id);
    await this.#o.bus.publish(
      this.#o.activatedSubject,
      createEvent({
        type: INDEX_VERSION_ACTIVATED,
        source: 'retrieve',
        tenant: '',
        data: { id: active, previous: from },
      }),
    );
  }
}
