import { makeTempDir } from '../../test/support/temp-dir.ts';
import { DEFAULT_BM25 } from '../domain/index/bm25-index.ts';
import { keywordIndexContract } from '../domain/index/keyword-index.contract.ts';
import { VolatileKeywordIndex } from '../domain/index/volatile-keyword-index.ts';
import { FileKeywordIndex } from './file-keyword-index.ts';
import { LanceDbKeywordIndex } from './lancedb-keyword-index.ts';

keywordIndexContract('FileKeywordIndex', async () => {
  const dir = await makeTempDir();
  const open = () => FileKeywordIndex.open(dir.path, DEFAULT_BM25);
  return { index: await open(), reopen: open, cleanup: dir.remove };
});

keywordIndexContract('VolatileKeywordIndex', async () => ({
  index: new VolatileKeywordIndex(),
  cleanup: async () => undefined,
}));

// Always run (a temp directory): LanceDB is embedded.
keywordIndexContract('LanceDbKeywordIndex', async () => {
  const dir = await makeTempDir();
  const open = () => LanceDbKeywordIndex.open(dir.path, 'keywords', DEFAULT_BM25);
  return { index: await open(), reopen: open, cleanup: dir.remove };
});
