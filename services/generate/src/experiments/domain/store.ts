import type {
  Assignment,
  ChangeKind,
  Counters,
  DefaultOverride,
  ExperimentRecord,
  RolloutRecord,
} from './records.ts';

export type ChangeRecord<K extends ChangeKind> = K extends 'experiment' ? ExperimentRecord : RolloutRecord;

/**
 * Where experiments and rollouts live, shared by every generate replica (Redis) or kept in a
 * file under DATA_DIR (embedded). Writes that more than one replica may race on are
 * compare-and-set (revision, family claim, controller lease); counters are increments.
 */
export interface ExperimentStore {
  get<K extends ChangeKind>(kind: K, id: string): Promise<ChangeRecord<K> | undefined>;
  list<K extends ChangeKind>(kind: K): Promise<Array<ChangeRecord<K>>>;
  /**
   * Stores a new running record and claims its family in one step. Returns the owner
   * ("experiment:<id>"/"rollout:<id>") already holding the family instead, storing nothing.
   */
  create<K extends ChangeKind>(
    kind: K,
    record: ChangeRecord<K>,
  ): Promise<{ created: true } | { heldBy: string }>;
  /** Replaces the record if its stored revision is `expected` (the new one gets expected + 1). */
  replace<K extends ChangeKind>(kind: K, record: ChangeRecord<K>, expected: number): Promise<boolean>;
  /** Frees the family if `owner` still holds it. */
  releaseFamily(family: string, owner: string): Promise<void>;
  addCounters(bucket: string, variant: string, delta: Partial<Counters>): Promise<void>;
  counters(bucket: string): Promise<Record<string, Counters>>;
  assign(answerId: string, assignment: Assignment, ttlSeconds: number): Promise<void>;
  assignment(answerId: string): Promise<Assignment | undefined>;
  /** True the first time an answer's rating is counted (a changed rating is not counted twice). */
  firstRating(answerId: string, ttlSeconds: number): Promise<boolean>;
  setDefault(family: string, override: DefaultOverride): Promise<void>;
  defaults(): Promise<Record<string, DefaultOverride>>;
  /** Takes or renews a lease; false while another holder's lease runs. */
  claimLease(name: string, holder: string, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
}

export const ownerOf = (kind: ChangeKind, id: string) => `${kind}:${id}`;
