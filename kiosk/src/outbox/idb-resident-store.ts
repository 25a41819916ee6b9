// The resident cache's IndexedDB store: values keyed by their HMAC, with an index on when they were last seen.

import { inTransaction, requestValue } from '../storage/idb.ts';
import type { CachedResident, ResidentStore } from './resident-cache.ts';

export function createIdbResidentStore(db: IDBDatabase): ResidentStore {
  return {
    get: (key) => inTransaction(db, ['residents'], 'readonly', (transaction) => requestValue(transaction.objectStore('residents').get(key)) as Promise<CachedResident | undefined>),
    put: (key, value) => inTransaction(db, ['residents'], 'readwrite', (transaction) => { transaction.objectStore('residents').put(value, key); }),
    remove: (key) => inTransaction(db, ['residents'], 'readwrite', (transaction) => { transaction.objectStore('residents').delete(key); }),
    keysOldestFirst: () => inTransaction(db, ['residents'], 'readonly', (transaction) => requestValue(transaction.objectStore('residents').index('seenAtMs').getAllKeys()) as Promise<string[]>),
  };
}
