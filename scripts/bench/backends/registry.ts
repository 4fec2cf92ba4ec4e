// Opens a backend by name.
import { RagfleetError } from '../../../packages/errors/src/index.ts';
import type { IndexBackend } from './backend.ts';
import { openHnswBackend } from './hnsw-backend.ts';
import type { BackendName } from './options.ts';

export async function openBackend(name: BackendName, capacity: number): Promise<IndexBackend> {
  switch (name) {
    case 'hnsw':
      return openHnswBackend(capacity);
    case 'lancedb':
      throw new RagfleetError('FAILED_PRECONDITION', 'the LanceDB backend is not benchmarked yet');
  }
}
