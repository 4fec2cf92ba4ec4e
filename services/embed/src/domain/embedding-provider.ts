/** A model that turns texts into vectors: the local model pool, Ollama, or a fake in tests. */
export interface EmbeddingProvider {
  /** Provider kind, used as a metric label: "local", "ollama". */
  readonly name: string;
  /** Model name callers select and cache keys carry. */
  readonly model: string;
  /** Vector length; 0 while unknown (Ollama reports it with its first answer). */
  readonly dimensions: number;
  /** One vector per text, in input order. */
  embed(texts: string[]): Promise<Float32Array[] | number[][]>;
}
