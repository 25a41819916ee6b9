// A person's most recent ledger entries for the kiosk's 查询: transactions that moved the person's main balances
// (amounts signed from the person's side) and their check-ins, which move nothing. Read-only.

import { and, desc, eq, inArray } from 'drizzle-orm';
import { accountKey, personAccount } from '../../core/accounts.ts';
import type { Database } from '../client.ts';
import { attendances } from '../schema/attendance.ts';
import { postings, transactions } from '../schema/ledger.ts';

export type PersonEntry = { ledgerSeq: number; kind: string; occurredAtMs: number; time: number; points: number };

/** The newest `limit` entries, newest first. Each transaction is one entry, with its time and points summed. */
export async function listPersonEntries(database: Database, personId: string, limit: number): Promise<PersonEntry[]> {
  const timeKey = accountKey(personAccount(personId), 'time');
  const pointsKey = accountKey(personAccount(personId), 'points');
  // A transaction has at most one posting per account, so 2 × limit postings cover `limit` transactions.
  const legs = await database.db.select({ ledgerSeq: postings.ledgerSeq, asset: postings.asset, amount: postings.amount }).from(postings)
    .where(inArray(postings.accountKey, [timeKey, pointsKey])).orderBy(desc(postings.ledgerSeq)).limit(2 * limit);
  const checkIns = await database.db.select({ ledgerSeq: transactions.ledgerSeq }).from(attendances)
    .innerJoin(transactions, eq(transactions.id, attendances.id))
    .where(eq(attendances.personId, personId)).orderBy(desc(transactions.ledgerSeq)).limit(limit);

  const amounts = new Map<number, { time: number; points: number }>();
  for (const row of checkIns) amounts.set(row.ledgerSeq, { time: 0, points: 0 });
  for (const leg of legs) {
    const entry = amounts.get(leg.ledgerSeq) ?? { time: 0, points: 0 };
    entry[leg.asset] += leg.amount;
    amounts.set(leg.ledgerSeq, entry);
  }
  const seqs = [...amounts.keys()].sort((left, right) => right - left).slice(0, limit);
  if (seqs.length === 0) return [];
  const rows = await database.db.select({ ledgerSeq: transactions.ledgerSeq, kind: transactions.kind, occurredAtMs: transactions.occurredAtMs, recordedAtMs: transactions.recordedAtMs })
    .from(transactions).where(and(inArray(transactions.ledgerSeq, seqs), eq(transactions.status, 'posted'))).orderBy(desc(transactions.ledgerSeq));
  return rows.map((row) => ({ ledgerSeq: row.ledgerSeq, kind: row.kind, occurredAtMs: row.occurredAtMs ?? row.recordedAtMs, ...amounts.get(row.ledgerSeq)! }));
}
