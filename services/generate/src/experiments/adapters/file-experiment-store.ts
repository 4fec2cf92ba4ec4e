import { mkdirSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  COUNTER_NAMES,
  ZERO_COUNTERS,
  type Assignment,
  type ChangeKind,
  type Counters,
  type DefaultOverride,
} from '../domain/records.ts';
import { ownerOf, type ChangeRecord, type ExperimentStore } from '../domain/store.ts';

interface FileState {
  records: Record<ChangeKind, Record<string, ChangeRecord<ChangeKind>>>;
  families: Record<string, string>;
  counters: Record<string, Record<string, Counters>>;
  assignments: Record<string, { assignment: Assignment; expiresAt: number }>;
  rated: Record<string, number>;
  defaults: Record<string, DefaultOverride>;
  leases: Record<string, { holder: string; expiresAt: number }>;
}

const emptyState = (): FileState => ({
  records: { experiment: {}, rollout: {} },
  families: {},
  counters: {},
  assignments: {},
  rated: {},
  defaults: {},
  leases: {},
});

/**
 * The embedded experiment store: one process's state in memory, written to one JSON file
 * (atomically, by rename) shortly after each change and at close, so experiments, rollouts and
 * promoted defaults survive a restart. One process only: replicas share Redis instead.
 */
export class FileExperimentStore implements ExperimentStore {
  readonly #path: string;
  readonly #now: () => number;
  readonly #state: FileState;
  #timer: NodeJS.Timeout | undefined;
  /** The write under way, if any: writes never overlap, and close waits for it. */
  #writing: Promise<void> = Promise.resolve();

  constructor(path: string, now: () => number = Date.now) {
    this.#path = path;
    this.#now = now;
    mkdirSync(dirname(path), { recursive: true });
    let text: string | undefined;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      text = undefined; // first start
    }
    this.#state = text ? { ...emptyState(), ...(JSON.parse(text) as FileState) } : emptyState();
  }

  async get<K extends ChangeKind>(kind: K, id: string) {
    const record = this.#state.records[kind][id];
    return record ? (structuredClone(record) as ChangeRecord<K>) : undefined;
  }

  async list<K extends ChangeKind>(kind: K) {
    return Object.values(this.#state.records[kind])
      .map((record) => structuredClone(record) as ChangeRecord<K>)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async create<K extends ChangeKind>(kind: K, record: ChangeRecord<K>) {
    const heldBy = this.#state.families[record.family];
    if (heldBy) return { heldBy };
    this.#state.families[record.family] = ownerOf(kind, record.id);
    (this.#state.records[kind] as Record<string, ChangeRecord<ChangeKind>>)[record.id] =
      structuredClone(record);
    this.#changed();
    return { created: true as const };
  }

  async replace<K extends ChangeKind>(kind: K, record: ChangeRecord<K>, expected: number) {
    const current = this.#state.records[kind][record.id];
    if (!current || current.revision !== expected) return false;
    (this.#state.records[kind] as Record<string, ChangeRecord<ChangeKind>>)[record.id] = {
      ...structuredClone(record),
      revision: expected + 1,
    };
    this.#changed();
    return true;
  }

  async releaseFamily(family: string, owner: string) {
    if (this.#state.families[family] === owner) delete this.#state.families[family];
    this.#changed();
  }

  async addCounters(bucket: string, variant: string, delta: Partial<Counters>) {
    const rows = (this.#state.counters[bucket] ??= {});
    const row = (rows[variant] ??= { ...ZERO_COUNTERS });
    for (const name of COUNTER_NAMES) row[name] += delta[name] ?? 0;
    this.#changed();
  }

  async counters(bucket: string) {
    return structuredClone(this.#state.counters[bucket] ?? {});
  }

  async assign(answerId: string, assignment: Assignment, ttlSeconds: number) {
    this.#state.assignments[answerId] = { assignment, expiresAt: this.#now() + ttlSeconds * 1000 };
    this.#changed();
  }

  async assignment(answerId: string) {
    const entry = this.#state.assignments[answerId];
    return entry && entry.expiresAt > this.#now() ? { ...entry.assignment } : undefined;
  }

  async firstRating(answerId: string, ttlSeconds: number) {
    const until = this.#state.rated[answerId];
    if (until !== undefined && until > this.#now()) return false;
    this.#state.rated[answerId] = this.#now() + ttlSeconds * 1000;
    this.#changed();
    return true;
  }

  async setDefault(family: string, override: DefaultOverride) {
    this.#state.defaults[family] = { ...override };
    this.#changed();
  }

  async defaults() {
    return structuredClone(this.#state.defaults);
  }

  async claimLease(name: string, holder: string, ttlMs: number) {
    const lease = this.#state.leases[name];
    if (lease && lease.holder !== holder && lease.expiresAt > this.#now()) return false;
    this.#state.leases[name] = { holder, expiresAt: this.#now() + ttlMs };
    return true;
  }

  async close() {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#writing;
    await this.#write();
  }

  /**
   * Coalesces a burst of changes (counters on every answer) into one write, made off the event
   * loop's critical path so that answers never wait for the file.
   */
  #changed(): void {
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      // A failed write is retried by the next change's, or by close's (which throws).
      this.#writing = this.#writing.then(() => this.#write()).catch(() => undefined);
    }, 100);
    this.#timer.unref();
  }

  async #write(): Promise<void> {
    const now = this.#now();
    for (const [id, entry] of Object.entries(this.#state.assignments)) {
      if (entry.expiresAt <= now) delete this.#state.assignments[id];
    }
    for (const [id, until] of Object.entries(this.#state.rated))
      if (until <= now) delete this.#state.rated[id];
    const temporary = `${this.#path}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(this.#state));
    await rename(temporary, this.#path);
  }
}
