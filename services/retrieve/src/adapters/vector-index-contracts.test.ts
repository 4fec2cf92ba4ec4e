import { makeTempDir } from '../../test/support/temp-dir.ts';
import { vectorIndexContract } from '../domain/index/vector-index.contract.ts';
import { HnswVectorIndex } from './hnsw-vector-index.ts';
import { LanceDbVectorIndex } from './lancedb-vector-index.ts';

const hnsw = { m: 16, efConstruction: 200, efSearch: 16, initialCapacity: 64 };

vectorIndexContract('HnswVectorIndex', async () => {
  const dir = await makeTempDir();
  const open = () => HnswVectorIndex.open(dir.path, hnsw);
  return { index: await open(), reopen: open, cleanup: dir.remove };
});

// Always run (a temp directory): LanceDB is embedded, like hnswlib.
vectorIndexContract('LanceDbVectorIndex', async () => {
  const dir = await makeTempDir();
  const open = () => LanceDbVectorIndex.open(dir.path, 'vectors');
  return { index: await open(), reopen: open, cleanup: dir.remove };
});
