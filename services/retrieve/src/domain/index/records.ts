/** What a caller hands in to be indexed. */
export interface DocumentInput {
  id: string;
  text: string;
  title: string;
  metadata: Record<string, string>;
}

/** A stored document's record; its text lives in its chunks. */
export interface DocumentRecord {
  id: string;
  title: string;
  metadata: Record<string, string>;
  /** Characters in the document's text. */
  length: number;
  chunkCount: number;
  /** RFC 3339. */
  updatedAt: string;
}

export interface ChunkRecord {
  /** `${documentId}#${n}`. */
  id: string;
  documentId: string;
  n: number;
  text: string;
  start: number;
  end: number;
  vector: number[];
}

/** One document with everything the index needs to place its chunks, as read back for a rebuild. */
export interface IndexableDocument {
  tenant: string;
  document: DocumentRecord;
  chunks: Array<Pick<ChunkRecord, 'id' | 'vector' | 'text'>>;
}
