// Storage of the daily close: the close rows themselves, the ledger facts a close checks (range, station
// transactions with the value they moved, floors, hold resolutions) and kiosks' end-of-day reports.

import { and, desc, eq, sql } from 'drizzle-orm';
import type { Asset } from '../../../../domain/assets.ts';
import type { Database } from '../client.ts';
import { closes, kioskDayReports } from '../schema/close.ts';

export type CloseRow = typeof closes.$inferSelect;
export type DayReportRow = typeof kioskDayReports.$inferSelect;
export type LedgerTransactionFacts = {
  ledgerSeq: number; id: string; kind: string; status: 'posted' | 'rejected'; kioskId: string | null; occurredAtMs: number | null; recordedAtMs: number;
  amounts: Record<Asset, number>;
};

export async function insertClose(database: Database, row: CloseRow): Promise<void> {
  await database.db.insert(closes).values(row);
}

/** The station's latest close (by business date), the one a new close chains to. */
export async function findLastClose(database: Database, stationId: string): Promise<CloseRow | undefined> {
  return (await database.db.select().from(closes).where(eq(closes.stationId, stationId)).orderBy(desc(closes.businessDate)).limit(1))[0];
}

export async function findClose(database: Database, stationId: string, businessDate: string): Promise<CloseRow | undefined> {
  return (await database.db.select().from(closes).where(and(eq(closes.stationId, stationId), eq(closes.businessDate, businessDate))).limit(1))[0];
}

export async function listCloses(database: Database, stationId: string, limit: number): Promise<CloseRow[]> {
  return database.db.select().from(closes).where(eq(closes.stationId, stationId)).orderBy(desc(closes.businessDate)).limit(limit);
}

/** The last ledgerSeq recorded before `endMs` (server time); recordedAtMs never decreases along the chain. */
export async function lastSeqRecordedBefore(database: Database, endMs: number): Promise<number> {
  const result = await database.client.execute({ sql: 'SELECT MAX(ledger_seq) AS seq FROM transactions WHERE recorded_at_ms < ?', args: [endMs] });
  return Number(result.rows[0]?.seq ?? 0);
}

/** Hex hash of the transaction at `ledgerSeq`, or null when there is none. */
export async function transactionHashHex(database: Database, ledgerSeq: number): Promise<string | null> {
  const result = await database.client.execute({ sql: 'SELECT hex(hash) AS hash FROM transactions WHERE ledger_seq = ?', args: [ledgerSeq] });
  const row = result.rows[0];
  return row ? String(row.hash).toLowerCase() : null;
}

/** The station's transactions with ledgerSeq in [fromSeq, toSeq], each with the value it moved per asset. */
export async function stationTransactions(database: Database, stationId: string, fromSeq: number, toSeq: number): Promise<LedgerTransactionFacts[]> {
  return transactionFacts(database, 't.station_id = ? AND t.ledger_seq BETWEEN ? AND ?', [stationId, fromSeq, toSeq]);
}

/** A kiosk's transactions whose `occurredAt` lies in [startMs, endMs): what its own day counters cover. */
export async function kioskTransactionsOccurred(database: Database, kioskId: string, startMs: number, endMs: number): Promise<LedgerTransactionFacts[]> {
  return transactionFacts(database, 't.kiosk_id = ? AND t.occurred_at_ms >= ? AND t.occurred_at_ms < ?', [kioskId, startMs, endMs]);
}

async function transactionFacts(database: Database, where: string, args: (string | number)[]): Promise<LedgerTransactionFacts[]> {
  const result = await database.client.execute({
    sql: `SELECT t.ledger_seq, t.id, t.kind, t.status, t.kiosk_id, t.occurred_at_ms, t.recorded_at_ms,
        COALESCE((SELECT SUM(p.amount) FROM postings p WHERE p.ledger_seq = t.ledger_seq AND p.amount > 0 AND p.asset = 'time'), 0) AS time_moved,
        COALESCE((SELECT SUM(p.amount) FROM postings p WHERE p.ledger_seq = t.ledger_seq AND p.amount > 0 AND p.asset = 'points'), 0) AS points_moved
      FROM transactions t WHERE ${where} ORDER BY t.ledger_seq`,
    args,
  });
  return result.rows.map((row) => ({
    ledgerSeq: Number(row.ledger_seq), id: String(row.id), kind: String(row.kind), status: row.status === 'posted' ? 'posted' : 'rejected',
    kioskId: row.kiosk_id === null ? null : String(row.kiosk_id), occurredAtMs: row.occurred_at_ms === null ? null : Number(row.occurred_at_ms), recordedAtMs: Number(row.recorded_at_ms),
    amounts: { time: Number(row.time_moved), points: Number(row.points_moved) },
  }));
}

/** Accounts that may not go below zero but do, now or in any posting's running balance. */
export async function floorViolationKeys(database: Database): Promise<string[]> {
  const result = await database.client.execute(`
    SELECT account_key FROM balances WHERE non_negative = 1 AND balance < 0
    UNION SELECT p.account_key FROM postings p JOIN accounts a ON a.key = p.account_key WHERE a.non_negative = 1 AND p.balance_after < 0`);
  return result.rows.map((row) => String(row.account_key));
}

/** Holds not resolved exactly once: pending with a resolution, or resolved without exactly one matching transaction. */
export async function badHoldIds(database: Database): Promise<string[]> {
  const result = await database.db.all<{ hold_id: string }>(sql`
    SELECT h.hold_id FROM holds h
    LEFT JOIN (SELECT resolves_hold_id, COUNT(*) AS n, MAX(ledger_seq) AS seq, MAX(resolution) AS resolution FROM transactions
               WHERE resolves_hold_id IS NOT NULL AND status = 'posted' GROUP BY resolves_hold_id) r ON r.resolves_hold_id = h.hold_id
    WHERE (h.status = 'pending' AND r.n IS NOT NULL)
       OR (h.status <> 'pending' AND (r.n IS NULL OR r.n <> 1 OR r.seq <> h.resolved_seq
           OR (h.status = 'posted' AND r.resolution <> 'post') OR (h.status = 'voided' AND r.resolution <> 'void') OR (h.status = 'expired' AND r.resolution <> 'expire')))`);
  return result.map((row) => String(row.hold_id));
}

/** Stores (or replaces, until the day is closed) a kiosk's end-of-day counters. */
export async function upsertDayReport(database: Database, row: DayReportRow): Promise<void> {
  await database.db.insert(kioskDayReports).values(row).onConflictDoUpdate({
    target: [kioskDayReports.kioskId, kioskDayReports.businessDate],
    set: { lastKioskSeq: row.lastKioskSeq, counters: row.counters, reportedAtMs: row.reportedAtMs },
  });
}

export async function findDayReport(database: Database, kioskId: string, businessDate: string): Promise<DayReportRow | undefined> {
  return (await database.db.select().from(kioskDayReports).where(and(eq(kioskDayReports.kioskId, kioskId), eq(kioskDayReports.businessDate, businessDate))).limit(1))[0];
}
