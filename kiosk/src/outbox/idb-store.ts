// The browser's OutboxStore on IndexedDB: entries in `outbox`, the sequence and offline spell in `records`,
// each change in one transaction so an entry and its kioskSeq are never stored apart.

import { inTransaction, requestValue } from '../storage/idb.ts';
import { emptyMeta, type OutboxEntry, type OutboxMeta, type OutboxStore, type StoreChange } from './types.ts';

const metaKey = 'outbox-meta';

export function createIdbStore(db: IDBDatabase): OutboxStore {
  return {
    load: () =>
      inTransaction(db, ['outbox', 'records'], 'readonly', async (transaction) => {
        // Both requests are issued before awaiting, so the transaction cannot close between them.
        const entriesRequest = requestValue(transaction.objectStore('outbox').getAll());
        const metaRequest = requestValue(transaction.objectStore('records').get(metaKey));
        const entries = (await entriesRequest) as OutboxEntry[];
        const meta = ((await metaRequest) as OutboxMeta | undefined) ?? emptyMeta;
        return { entries, meta };
      }),
    save: (change: StoreChange) =>
      inTransaction(db, ['outbox', 'records'], 'readwrite', (transaction) => {
        const outbox = transaction.objectStore('outbox');
        for (const entry of change.put ?? []) outbox.put(entry);
        for (const id of change.remove ?? []) outbox.delete(id);
        if (change.meta) transaction.objectStore('records').put(change.meta, metaKey);
      }),
  };
}
