// The ledger engine's public face. Usage:
//   const ledger = createLedger({ client, db, nowMs: Date.now });
//   const outcome = await ledger.submit({ id, requestHash: hashRequest(body), conflictKeys, accounts, load, plan });
//   outcome.status: 'created' | 'exists' | 'rejected' | 'id_reused' (see core/transaction.ts SubmitOutcome).
// Writes go only through `submit` (one writer, group commit); reads are plain functions over the database.
// There is no update or delete anywhere: corrections are reversals (`reversesId`), holds resolve once.

import type { Client } from '@libsql/client';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import type { Asset } from '../../../../domain/assets.ts';
import type { AccountRef } from '../../core/accounts.ts';
import * as reads from './reads.ts';
import { verifyChain, type VerifyResult } from './verify.ts';
import { createWriter, type WriterStats } from './writer.ts';
import type { Unit } from './unit.ts';
import type { SubmitOutcome } from '../../core/transaction.ts';

export type LedgerOptions = {
  client: Client;
  db: LibSQLDatabase<Record<string, unknown>>;
  /** The server clock for `recordedAtMs` (made non-decreasing by the writer). */
  nowMs: () => number;
  /** Most units per commit group (default 100). 1 disables grouping. */
  groupUnitsMax?: number;
};

export type Ledger = {
  submit: <Loaded>(unit: Unit<Loaded>) => Promise<SubmitOutcome>;
  getBalances: (target: string | AccountRef, asOfSeq?: number) => Promise<Record<Asset, number>>;
  getBalance: (account: AccountRef, asset: Asset, asOfSeq?: number) => Promise<number>;
  listTransactionsAfter: (afterSeq: number, limit: number) => Promise<reads.FeedTransaction[]>;
  verifyChain: (range?: { fromSeq?: number; toSeq?: number }) => Promise<VerifyResult>;
  kioskSequenceState: (kioskId: string) => Promise<reads.KioskSequenceState>;
  listOpenHolds: (expiredAtMs?: number) => ReturnType<typeof reads.listOpenHolds>;
  trialBalance: () => Promise<Record<Asset, number>>;
  checkBalancesMatchPostings: () => ReturnType<typeof reads.checkBalancesMatchPostings>;
  /** Commit-group counters: how many groups and units were written (observable group commit). */
  stats: () => WriterStats;
  /** Waits until every queued unit is settled. */
  drain: () => Promise<void>;
  /** Drains, then refuses further submits. Does not close the client. */
  close: () => Promise<void>;
};

export function createLedger(options: LedgerOptions): Ledger {
  const { client, db } = options;
  const writer = createWriter({ client, db, nowMs: options.nowMs, ...(options.groupUnitsMax ? { groupUnitsMax: options.groupUnitsMax } : {}) });
  return {
    submit: (unit) => writer.submit(unit),
    getBalances: (target, asOfSeq) => reads.getBalances(db, target, asOfSeq),
    getBalance: (account, asset, asOfSeq) => reads.getBalance(db, account, asset, asOfSeq),
    listTransactionsAfter: (afterSeq, limit) => reads.listTransactionsAfter(db, afterSeq, limit),
    verifyChain: (range) => verifyChain(client, range),
    kioskSequenceState: (kioskId) => reads.kioskSequenceState(db, kioskId),
    listOpenHolds: (expiredAtMs) => reads.listOpenHolds(db, expiredAtMs),
    trialBalance: () => reads.trialBalance(db),
    checkBalancesMatchPostings: () => reads.checkBalancesMatchPostings(db),
    stats: writer.stats,
    drain: writer.drain,
    close: writer.close,
  };
}
