import { parentPort } from 'node:worker_threads';
import type { EmbeddingsModel } from '@energetic-ai/embeddings';
import { loadLocalModel } from './load-local-model.ts';
import type { PoolToWorker, WorkerToPool } from './worker-messages.ts';

// One model per worker thread: TensorFlow.js runs the graph synchronously on its thread, so
// threads (not async calls) are what lets embedding use more than one core.
const port = parentPort;
if (!port) throw new Error('local-model-worker must run in a worker thread');

function send(message: WorkerToPool, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

let model: EmbeddingsModel;
try {
  model = await loadLocalModel();
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'load-failed', message: describe(error) });
  process.exit(1);
}

port.on('message', async (message: PoolToWorker) => {
  try {
    const rows = await model.embed(message.texts);
    const dimensions = rows[0]?.length ?? 0;
    const values = new Float32Array(rows.length * dimensions);
    rows.forEach((row, index) => values.set(row, index * dimensions));
    send({ type: 'embedded', id: message.id, values, dimensions }, [values.buffer]);
  } catch (error) {
    send({ type: 'embed-failed', id: message.id, message: describe(error) });
  }
});
