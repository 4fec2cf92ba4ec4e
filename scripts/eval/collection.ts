/** A labeled retrieval collection: documents, queries and graded judgments. */
export interface LabeledCollection {
  name: string;
  documents: Array<{ id: string; title: string; text: string; metadata?: Record<string, string> }>;
  queries: Array<{ id: string; text: string }>;
  /** Query id -> document id -> graded relevance (> 0 relevant; absent = 0). */
  qrels: Map<string, Map<string, number>>;
}
