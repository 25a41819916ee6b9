// The browser's OutboxStore on IndexedDB: entries in `outbox`; the sequence, offline spell, day-report tallies (one
// record each, `tally:<id>`) and day-report log in `records`; each change in one transaction, so an entry and its
// kioskSeq, or a settled entry and its tally, are never stored apart.

import { inTransaction, requestValue } from '../storage/idb.ts';
import { emptyMeta, type DayReportLog, type OutboxEntry, type OutboxMeta, type OutboxStore, type StoreChange, type WriteTally } from './types.ts';

const metaKey = 'outbox-meta';
const dayReportsKey = 'day-reports';
const tallyPrefix = 'tally:';

export function createIdbStore(db: IDBDatabase): OutboxStore {
  return {
    load: () =>
      inTransaction(db, ['outbox', 'records'], 'readonly', async (transaction) => {
        // All requests are issued before awaiting, so the transaction cannot close between them.
        const entriesRequest = requestValue(transaction.objectStore('outbox').getAll());
        const records = transaction.objectStore('records');
        const metaRequest = requestValue(records.get(metaKey));
        const talliesRequest = requestValue(records.getAll(IDBKeyRange.bound(tallyPrefix, `${tallyPrefix}\uffff`)));
        const dayReportsRequest = requestValue(records.get(dayReportsKey));
        const entries = (await entriesRequest) as OutboxEntry[];
        const meta = ((await metaRequest) as OutboxMeta | undefined) ?? emptyMeta;
        const tallies = (await talliesRequest) as WriteTally[];
        const dayReports = ((await dayReportsRequest) as DayReportLog | undefined) ?? {};
        return { entries, meta, tallies, dayReports };
      }),
    save: (change: StoreChange) =>
      inTransaction(db, ['outbox', 'records'], 'readwrite', (transaction) => {
        const outbox = transaction.objectStore('outbox');
        for (const entry of change.put ?? []) outbox.put(entry);
        for (const id of change.remove ?? []) outbox.delete(id);
        const records = transaction.objectStore('records');
        if (change.meta) records.put(change.meta, metaKey);
        for (const tally of change.tallies ?? []) records.put(tally, tallyPrefix + tally.id);
        for (const id of change.removeTallies ?? []) records.delete(tallyPrefix + id);
        if (change.dayReports) records.put(change.dayReports, dayReportsKey);
      }),
  };
}
