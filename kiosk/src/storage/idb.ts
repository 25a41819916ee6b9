// The kiosk's one IndexedDB database and a promise wrapper around its transactions.
// Stores: outbox entries, small key-value records (outbox meta, kiosk identity with its non-extractable key),
// and the pseudonymous resident cache for offline identification.

export const kioskDbName = 'linli-kiosk';
const kioskDbVersion = 2;
export type StoreName = 'outbox' | 'records' | 'residents';

export function openKioskDb(factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(kioskDbName, kioskDbVersion);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('outbox')) db.createObjectStore('outbox', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('records')) db.createObjectStore('records');
      if (!db.objectStoreNames.contains('residents')) db.createObjectStore('residents').createIndex('seenAtMs', 'seenAtMs');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexeddb_open_failed'));
  });
}

/** Runs `work` in one transaction and resolves when it has committed (so the write is durable before we go on). */
export function inTransaction<T>(db: IDBDatabase, stores: StoreName[], mode: IDBTransactionMode, work: (transaction: IDBTransaction) => Promise<T> | T): Promise<T> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(stores, mode, { durability: 'strict' });
    let result: T;
    transaction.oncomplete = () => resolve(result);
    transaction.onerror = () => reject(transaction.error ?? new Error('indexeddb_transaction_failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('indexeddb_transaction_aborted'));
    Promise.resolve(work(transaction)).then((value) => { result = value; }, (error: unknown) => { transaction.abort(); reject(error); });
  });
}

export function requestValue<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexeddb_request_failed'));
  });
}

export async function readRecord<T>(db: IDBDatabase, key: string): Promise<T | undefined> {
  return inTransaction(db, ['records'], 'readonly', (transaction) => requestValue(transaction.objectStore('records').get(key)) as Promise<T | undefined>);
}

export async function writeRecord(db: IDBDatabase, key: string, value: unknown): Promise<void> {
  await inTransaction(db, ['records'], 'readwrite', (transaction) => { transaction.objectStore('records').put(value, key); });
}
