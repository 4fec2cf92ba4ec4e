import type {
  AnswerFeedback,
  RecommendationRecord,
  Snapshot,
  SubjectRecord,
  WeightsVersion,
} from '../domain/records.ts';

/**
 * One write of the embedded store, whole: applying the entries in order rebuilds the state, which
 * is how the file store persists (one JSON line each) and reopens after a restart.
 */
export type JournalEntry =
  | { t: 'subject'; v: SubjectRecord }
  | { t: 'snapshot'; tenant: string; subjectId: string; v: Snapshot }
  | { t: 'rec'; v: RecommendationRecord }
  | { t: 'weights'; v: WeightsVersion }
  | { t: 'activate'; version: string }
  | { t: 'answer'; v: AnswerFeedback };
