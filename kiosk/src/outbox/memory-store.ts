// An in-memory OutboxStore for unit tests and for a kiosk whose browser has no IndexedDB.
// Keeps deep copies, so tests can inspect exactly what would have been written to storage.

import { emptyMeta, type DayReportLog, type OutboxEntry, type OutboxStore, type StoreChange, type StoredOutbox, type WriteTally } from './types.ts';

export function createMemoryStore(): OutboxStore & { snapshot(): StoredOutbox } {
  const entries = new Map<string, OutboxEntry>();
  const tallies = new Map<string, WriteTally>();
  let meta = emptyMeta;
  let dayReports: DayReportLog = {};
  const copy = <T>(value: T): T => structuredClone(value);
  const snapshot = (): StoredOutbox => ({ entries: [...entries.values()].map(copy), meta: copy(meta), tallies: [...tallies.values()].map(copy), dayReports: copy(dayReports) });
  return {
    load: async () => snapshot(),
    async save(change: StoreChange) {
      for (const entry of change.put ?? []) entries.set(entry.id, copy(entry));
      for (const id of change.remove ?? []) entries.delete(id);
      if (change.meta) meta = copy(change.meta);
      for (const tally of change.tallies ?? []) tallies.set(tally.id, copy(tally));
      for (const id of change.removeTallies ?? []) tallies.delete(id);
      if (change.dayReports) dayReports = copy(change.dayReports);
    },
    snapshot,
  };
}
