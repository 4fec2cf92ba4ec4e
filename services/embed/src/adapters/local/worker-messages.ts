/** Messages between the local model pool and its workers. */
export type PoolToWorker = { type: 'embed'; id: number; texts: string[] };

export type WorkerToPool =
  | { type: 'ready' }
  | { type: 'load-failed'; message: string }
  /** `values` holds count × dimensions floats, row after row; its buffer is transferred, not copied. */
  | { type: 'embedded'; id: number; values: Float32Array; dimensions: number }
  | { type: 'embed-failed'; id: number; message: string };
