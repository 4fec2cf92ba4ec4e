/** Turns texts into vectors, one per text, in input order. Adapters: the embed service over gRPC. */
export interface Embedder {
  /** The model the vectors come from; vectors of different models must never share an index. */
  readonly model: string;
  embed(texts: string[]): Promise<number[][]>;
}
