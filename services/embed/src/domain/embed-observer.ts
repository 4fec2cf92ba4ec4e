/** What the embedding service reports as it works; the metrics adapter implements it. */
export interface EmbedObserver {
  cacheLookedUp(hits: number, misses: number): void;
  /** One provider call: how many texts, and how long the model took. */
  batchEmbedded(provider: string, model: string, size: number, seconds: number): void;
}

export const silentObserver: EmbedObserver = {
  cacheLookedUp: () => {},
  batchEmbedded: () => {},
};
