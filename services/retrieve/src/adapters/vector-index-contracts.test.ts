import { makeTempDir } from '../../test/support/temp-dir.ts';
import { vectorIndexContract } from '../domain/index/vector-index.contract.ts';
import { HnswVectorIndex } from './hnsw-vector-index.ts';

const hnsw = { m: 16, efConstruction: 200, efSearch: 16, initialCapacity: 64 };

vectorIndexContract('HnswVectorIndex', async () => {
  const dir = await makeTempDir();
  const open = () => HnswVectorIndex.open(dir.path, hnsw);
  return { index: await open(), reopen: open, cleanup: dir.remove };
});
