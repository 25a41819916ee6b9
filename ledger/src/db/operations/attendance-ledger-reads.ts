// Ledger reads the operations routes need beyond the engine's own: the chain head, one transaction by id, and a
// station's transactions over a time range with postings (for the CSV export). Read-only.

import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { postings, transactions } from '../schema/ledger.ts';

export type TransactionRow = Omit<typeof transactions.$inferSelect, 'requestHash' | 'prevHash' | 'hash'>;
export type ExportRow = TransactionRow & { postings: { accountKey: string; asset: string; amount: number }[] };

const columns = {
  ledgerSeq: transactions.ledgerSeq, id: transactions.id, status: transactions.status, code: transactions.code, kind: transactions.kind, mode: transactions.mode,
  stationId: transactions.stationId, kioskId: transactions.kioskId, kioskSeq: transactions.kioskSeq, actorId: transactions.actorId,
  occurredAtMs: transactions.occurredAtMs, recordedAtMs: transactions.recordedAtMs, holdExpiresAtMs: transactions.holdExpiresAtMs, opensHold: transactions.opensHold,
  resolvesHoldId: transactions.resolvesHoldId, resolution: transactions.resolution, reversesId: transactions.reversesId, memo: transactions.memo,
  metadata: transactions.metadata, response: transactions.response,
};

/** The last ledgerSeq written (0 for an empty ledger). */
export async function ledgerHeadSeq(database: Database): Promise<number> {
  const rows = await database.db.select({ head: sql<number | null>`MAX(${transactions.ledgerSeq})` }).from(transactions);
  return Number(rows[0]?.head ?? 0);
}

export async function findTransactionById(database: Database, id: string): Promise<TransactionRow | undefined> {
  return (await database.db.select(columns).from(transactions).where(eq(transactions.id, id)).limit(1))[0];
}

/** A station's transactions recorded in [fromMs, toMs), oldest first, at most `limit`, with their postings. */
export async function listStationTransactions(database: Database, stationId: string, fromMs: number, toMs: number, limit: number): Promise<ExportRow[]> {
  const rows = await database.db.select(columns).from(transactions)
    .where(and(eq(transactions.stationId, stationId), gte(transactions.recordedAtMs, fromMs), lt(transactions.recordedAtMs, toMs)))
    .orderBy(asc(transactions.ledgerSeq)).limit(limit);
  if (rows.length === 0) return [];
  const legs = await database.db.select().from(postings).where(inArray(postings.ledgerSeq, rows.map((row) => row.ledgerSeq))).orderBy(asc(postings.ledgerSeq), asc(postings.leg));
  const bySeq = new Map<number, ExportRow['postings']>();
  for (const leg of legs) {
    const list = bySeq.get(leg.ledgerSeq) ?? [];
    list.push({ accountKey: leg.accountKey, asset: leg.asset, amount: leg.amount });
    bySeq.set(leg.ledgerSeq, list);
  }
  return rows.map((row) => ({ ...row, postings: bySeq.get(row.ledgerSeq) ?? [] }));
}
