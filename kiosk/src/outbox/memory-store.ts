// An in-memory OutboxStore for unit tests and for a kiosk whose browser has no IndexedDB.
// Keeps deep copies, so tests can inspect exactly what would have been written to storage.

import { emptyMeta, type OutboxEntry, type OutboxMeta, type OutboxStore, type StoreChange } from './types.ts';

export function createMemoryStore(): OutboxStore & { snapshot(): { entries: OutboxEntry[]; meta: OutboxMeta } } {
  const entries = new Map<string, OutboxEntry>();
  let meta: OutboxMeta = emptyMeta;
  const copy = <T>(value: T): T => structuredClone(value);
  return {
    async load() {
      return { entries: [...entries.values()].map(copy), meta: copy(meta) };
    },
    async save(change: StoreChange) {
      for (const entry of change.put ?? []) entries.set(entry.id, copy(entry));
      for (const id of change.remove ?? []) entries.delete(id);
      if (change.meta) meta = copy(change.meta);
    },
    snapshot() {
      return { entries: [...entries.values()].map(copy), meta: copy(meta) };
    },
  };
}
