// The outbox's stored shapes and its storage port. Entries hold ids, personId and amounts only: never a name,
// ID number or phone (design rule 18); a registration's card travels in memory beside its stored entry.

import type { Asset } from '../../../domain/assets.ts';

/** `sequence-void` is the outbox's own: it fills the kioskSeq of a registration lost to a restart. */
export type OutboxOperation = 'check-in' | 'check-out' | 'redemption' | 'registration' | 'sequence-void';
export type EntryState = 'pending' | 'done' | 'rejected';

export type OutboxEntry = {
  id: string;
  kioskSeq: number;
  operation: OutboxOperation;
  /** API path the entry is POSTed to, e.g. `/api/v1/check-ins`. */
  path: string;
  /** The JSON body as stored: for registrations, without the card and phone (those are in memory only). */
  body: Record<string, unknown>;
  isBodyInMemory: boolean;
  personId: string | null;
  /** What a redemption takes from the person's balance, for the offline allowance (rule 14). */
  debit: { asset: Asset; amount: number } | null;
  isOffline: boolean;
  state: EntryState;
  attempts: number;
  nextAttemptMs: number;
  /** Last status or error code seen, for the maintenance screen. */
  lastCode: string | null;
  createdAtMs: number;
  /** The service's stored answer (201 or 200 exists), kept until pruned. */
  response: unknown;
  /** The resident left with a 待同步 receipt for this write (its first drain did not settle it). */
  hasQueuedReceipt?: boolean;
  /** On a lost registration: the id of the sequence void sent for its kioskSeq. */
  voidId?: string;
  /** On a sequence void: the id of the lost registration whose kioskSeq it fills. */
  voidsId?: string;
  /** On an offline follow-up: the id of the refused redemption whose fact it records. */
  replacesId?: string;
};

/** Per-person spending during one offline spell; cleared when the queue drains online. */
export type OfflineSpell = { startedAtMs: number; spentByPerson: Record<string, Record<Asset, number>> };

export type OutboxMeta = { kioskSeqLast: number; offlineSpell: OfflineSpell | null };

/**
 * What one acknowledged write counts toward its business date's day report (close check 5), as the service described
 * it in the answer's `ledger` field: ids, kind and amounts only. Kept after its entry is pruned, until the date closes.
 */
export type WriteTally = { id: string; kioskSeq: number; kind: string; businessDate: string; time: number; points: number };

/** Per business date: the report content the service last took (or refused for good), and whether the date is closed. */
export type DayReportState = { sentKey: string | null; isClosed: boolean; lastCode: string | null };
export type DayReportLog = Record<string, DayReportState>;

export type StoreChange = { put?: OutboxEntry[]; remove?: string[]; meta?: OutboxMeta; tallies?: WriteTally[]; removeTallies?: string[]; dayReports?: DayReportLog };

export type StoredOutbox = { entries: OutboxEntry[]; meta: OutboxMeta; tallies: WriteTally[]; dayReports: DayReportLog };

/** The outbox's storage: IndexedDB in the browser, memory in tests. `save` applies one change atomically. */
export interface OutboxStore {
  load(): Promise<StoredOutbox>;
  save(change: StoreChange): Promise<void>;
}

/** One HTTP answer. The transport throws on network errors and timeouts. */
export type SendResult = { status: number; body: unknown };
export type Transport = (path: string, body: Record<string, unknown>) => Promise<SendResult>;

export const emptyMeta: OutboxMeta = { kioskSeqLast: 0, offlineSpell: null };
