// Opens a backend by name. LanceDB is imported only when asked for, so the HNSW side runs on a
// checkout without the LanceDB adapters or its native package.
import type { IndexBackend } from './backend.ts';
import { openHnswBackend } from './hnsw-backend.ts';
import type { BackendName } from './options.ts';

export async function openBackend(name: BackendName, capacity: number): Promise<IndexBackend> {
  switch (name) {
    case 'hnsw':
      return openHnswBackend(capacity);
    case 'lancedb': {
      const { openLanceDbBackend } = await import('./lancedb-backend.ts');
      return openLanceDbBackend();
    }
  }
}
