import { describe, it } from '@jest/globals';
import { uniqueSuffix } from '@ragfleet/testing';
import { FileDocumentStore } from '../src/adapters/file-document-store.ts';
import { MongoDocumentStore } from '../src/adapters/mongo-document-store.ts';
import type { DocumentStore } from '../src/domain/index/document-store.ts';
import { documentStoreContract } from './document-store.contract.ts';
import { makeTempDir } from './support/temp-dir.ts';

documentStoreContract('FileDocumentStore', async () => {
  const dir = await makeTempDir();
  const opened: DocumentStore[] = [];
  const open = async () => {
    const store = new FileDocumentStore(dir.path);
    await store.open();
    opened.push(store);
    return store;
  };
  return {
    store: await open(),
    reopen: open,
    cleanup: async () => {
      for (const store of opened) await store.close();
      await dir.remove();
    },
  };
});

const mongoUri = process.env.MONGODB_URI;
if (mongoUri) {
  documentStoreContract('MongoDocumentStore', async () => {
    const dbName = `ragfleet_retrieve_test_${uniqueSuffix()}`;
    const opened: MongoDocumentStore[] = [];
    const open = async () => {
      const store = new MongoDocumentStore(mongoUri, { dbName });
      await store.open();
      opened.push(store);
      return store;
    };
    return {
      store: await open(),
      reopen: open,
      cleanup: async () => {
        await opened[0]?.dropDatabase();
        for (const store of opened) await store.close();
      },
    };
  });
} else {
  describe.skip('DocumentStore contract: MongoDocumentStore (skipped: set MONGODB_URI to run it)', () => {
    it('passes the same contract as the file store', () => undefined);
  });
}
