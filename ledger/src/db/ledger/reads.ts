// Read side of the ledger through drizzle: balances now and at a ledgerSeq, the change feed, kiosk sequence gaps,
// open holds, the trial balance and the balances-versus-postings check used by the daily close.

import { and, asc, desc, eq, gt, lte, sql } from 'drizzle-orm';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import { assert } from '../../../../domain/assert.ts';
import { assets, type Asset } from '../../../../domain/assets.ts';
import { accountKey, personAccount, type AccountRef } from '../../core/accounts.ts';
import { toHex, type JsonValue } from '../../core/canonical.ts';
import { balances, holds, postings, transactions } from '../schema/ledger.ts';
import { holdFromRow, toBytes } from './lookups.ts';
import type { HoldRecord } from '../../core/decide-legs.ts';

/** Balances per asset of a person's `main` accounts (a person id) or of one owner's accounts with a purpose. */
export async function getBalances(db: LibSQLDatabase<Record<string, unknown>>, target: string | AccountRef, asOfSeq?: number): Promise<Record<Asset, number>> {
  const account = typeof target === 'string' ? personAccount(target) : target;
  const entries = await Promise.all(assets.map(async (asset) => [asset, await getBalance(db, account, asset, asOfSeq)] as const));
  return Object.fromEntries(entries) as Record<Asset, number>;
}

/** One account's balance: the balances row now, or the last posting's balanceAfter at or before `asOfSeq`. */
export async function getBalance(db: LibSQLDatabase<Record<string, unknown>>, account: AccountRef, asset: Asset, asOfSeq?: number): Promise<number> {
  const key = accountKey(account, asset);
  const prepared = preparedReads(db);
  const row = asOfSeq === undefined ? await prepared.current.get({ key }) : await prepared.asOf.get({ key, asOfSeq });
  return row?.balance ?? 0;
}

// Prepared once per database: balance reads are the hottest reads, and building the query each time costs more
// than the lookup itself (bench: balanceReadVsPk).
const preparedByDb = new WeakMap<object, ReturnType<typeof prepareReads>>();
function preparedReads(db: LibSQLDatabase<Record<string, unknown>>) {
  let prepared = preparedByDb.get(db);
  if (!prepared) preparedByDb.set(db, (prepared = prepareReads(db)));
  return prepared;
}

function prepareReads(db: LibSQLDatabase<Record<string, unknown>>) {
  return {
    current: db.select({ balance: balances.balance }).from(balances).where(eq(balances.accountKey, sql.placeholder('key'))).prepare(),
    asOf: db.select({ balance: postings.balanceAfter }).from(postings)
      .where(and(eq(postings.accountKey, sql.placeholder('key')), lte(postings.ledgerSeq, sql.placeholder('asOfSeq'))))
      .orderBy(desc(postings.ledgerSeq)).limit(1).prepare(),
  };
}

export type FeedTransaction = Omit<typeof transactions.$inferSelect, 'requestHash' | 'prevHash' | 'hash' | 'metadata' | 'response'> & {
  requestHash: string; prevHash: string; hash: string; metadata: JsonValue; response: JsonValue;
  postings: { leg: number; accountKey: string; asset: string; amount: number; balanceAfter: number }[];
};

/** The change feed: transactions with ledgerSeq > afterSeq, in order, with postings and hashes as hex. */
export async function listTransactionsAfter(db: LibSQLDatabase<Record<string, unknown>>, afterSeq: number, limit: number): Promise<FeedTransaction[]> {
  assert(Number.isSafeInteger(limit) && limit > 0 && limit <= 10_000, 'limit must be 1..10000');
  const rows = await db.select().from(transactions).where(gt(transactions.ledgerSeq, afterSeq)).orderBy(asc(transactions.ledgerSeq)).limit(limit);
  if (rows.length === 0) return [];
  const lastSeq = rows[rows.length - 1]!.ledgerSeq;
  const legs = await db.select().from(postings)
    .where(and(gt(postings.ledgerSeq, afterSeq), lte(postings.ledgerSeq, lastSeq))).orderBy(asc(postings.ledgerSeq), asc(postings.leg));
  const bySeq = new Map<number, FeedTransaction['postings']>();
  for (const leg of legs) {
    const list = bySeq.get(leg.ledgerSeq) ?? [];
    list.push({ leg: leg.leg, accountKey: leg.accountKey, asset: leg.asset, amount: leg.amount, balanceAfter: leg.balanceAfter });
    bySeq.set(leg.ledgerSeq, list);
  }
  return rows.map((row) => ({
    ...row, requestHash: toHex(toBytes(row.requestHash)), prevHash: toHex(toBytes(row.prevHash)), hash: toHex(toBytes(row.hash)),
    metadata: row.metadata === null ? null : JSON.parse(row.metadata) as JsonValue, response: JSON.parse(row.response) as JsonValue,
    postings: bySeq.get(row.ledgerSeq) ?? [],
  }));
}

export type KioskSequenceState = { kioskId: string; contiguousThrough: number; maxSeq: number; gaps: { fromSeq: number; toSeq: number }[] };

/** Which of a kiosk's sequence numbers (from 1) the ledger holds: the contiguous prefix, the maximum and the gaps. */
export async function kioskSequenceState(db: LibSQLDatabase<Record<string, unknown>>, kioskId: string): Promise<KioskSequenceState> {
  const gapRows = await db.all<{ from_seq: number; to_seq: number }>(sql`
    SELECT prev + 1 AS from_seq, kiosk_seq - 1 AS to_seq FROM (
      SELECT kiosk_seq, LAG(kiosk_seq, 1, 0) OVER (ORDER BY kiosk_seq) AS prev FROM transactions WHERE kiosk_id = ${kioskId}
    ) WHERE kiosk_seq > prev + 1 ORDER BY kiosk_seq`);
  const maxRows = await db.all<{ max_seq: number | null }>(sql`SELECT MAX(kiosk_seq) AS max_seq FROM transactions WHERE kiosk_id = ${kioskId}`);
  const maxSeq = Number(maxRows[0]?.max_seq ?? 0);
  const gaps = gapRows.map((row) => ({ fromSeq: Number(row.from_seq), toSeq: Number(row.to_seq) }));
  return { kioskId, contiguousThrough: gaps.length > 0 ? gaps[0]!.fromSeq - 1 : maxSeq, maxSeq, gaps };
}

/** Holds still pending; with `expiredAtMs`, only those whose deadline has passed (for the expiry sweeper). */
export async function listOpenHolds(db: LibSQLDatabase<Record<string, unknown>>, expiredAtMs?: number): Promise<HoldRecord[]> {
  const condition = expiredAtMs === undefined ? eq(holds.status, 'pending')
    : and(eq(holds.status, 'pending'), lte(holds.expiresAtMs, expiredAtMs));
  const rows = await db.select().from(holds).where(condition).orderBy(asc(holds.ledgerSeq));
  return rows.map((row) => holdFromRow({ hold_id: row.holdId, asset: row.asset, amount: row.amount, source_key: row.sourceKey, held_key: row.heldKey,
    destination_key: row.destinationKey, expires_at_ms: row.expiresAtMs, status: row.status } as never));
}

/** Sum of all balances per asset; double entry keeps every sum at zero. */
export async function trialBalance(db: LibSQLDatabase<Record<string, unknown>>): Promise<Record<Asset, number>> {
  const rows = await db.all<{ asset: string; total: number }>(sql`
    SELECT a.asset AS asset, COALESCE(SUM(b.balance), 0) AS total FROM balances b JOIN accounts a ON a.key = b.account_key GROUP BY a.asset`);
  const totals: Record<Asset, number> = { time: 0, points: 0 };
  for (const row of rows) totals[row.asset as Asset] = Number(row.total);
  return totals;
}

export type BalanceMismatch = { accountKey: string; balance: number; postingsSum: number; lastBalanceAfter: number | null };

/** Accounts whose balance differs from the sum of their postings or from their last posting's balanceAfter. */
export async function checkBalancesMatchPostings(db: LibSQLDatabase<Record<string, unknown>>): Promise<{ ok: boolean; mismatches: BalanceMismatch[] }> {
  const rows = await db.all<{ account_key: string; balance: number; postings_sum: number; last_after: number | null }>(sql`
    SELECT b.account_key, b.balance,
      (SELECT COALESCE(SUM(p.amount), 0) FROM postings p WHERE p.account_key = b.account_key) AS postings_sum,
      (SELECT p.balance_after FROM postings p WHERE p.account_key = b.account_key ORDER BY p.ledger_seq DESC LIMIT 1) AS last_after
    FROM balances b`);
  const mismatches = rows
    .map((row) => ({ accountKey: row.account_key, balance: Number(row.balance), postingsSum: Number(row.postings_sum), lastBalanceAfter: row.last_after === null ? null : Number(row.last_after) }))
    .filter((row) => row.balance !== row.postingsSum || (row.lastBalanceAfter ?? 0) !== row.balance);
  return { ok: mismatches.length === 0, mismatches };
}
