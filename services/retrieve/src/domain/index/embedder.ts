/** Turns texts into vectors, one per text, in input order. Adapters: the embed service over gRPC. */
export interface Embedder {
  /** The model the vectors come from; vectors of different models must never share an index. */
  readonly model: string;
  /** `signal` aborts the call (a worker stopping); the promise then rejects. */
  embed(texts: string[], options?: { signal?: AbortSignal }): Promise<number[][]>;
}
