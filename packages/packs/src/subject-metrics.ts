/**
 * The latest metrics of one subject, as rules read them: the subject's own numbers and, per
 * collection scope (`channel`), its items each with a stable id (the target of item rules).
 */
export interface SubjectMetrics {
  subject: Record<string, number>;
  collections: Record<string, CollectionItem[]>;
}

export interface CollectionItem {
  id: string;
  metrics: Record<string, number>;
}
