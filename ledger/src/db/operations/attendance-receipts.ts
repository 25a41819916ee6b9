// Reads behind public receipt verification: the posted transaction of a kiosk's sequence number with its postings.
// Read-only over the engine's tables; answers no personal data beyond what the caller chooses to show.

import { and, asc, eq } from 'drizzle-orm';
import { assert } from '../../../../domain/assert.ts';
import { isAsset, type Asset } from '../../../../domain/assets.ts';
import type { Database } from '../client.ts';
import { toHex } from '../../core/canonical.ts';
import { postings, transactions } from '../schema/ledger.ts';
import { toBytes } from '../ledger/lookups.ts';

export type ReceiptRecord = {
  ledgerSeq: number;
  kind: string;
  occurredAtMs: number | null;
  recordedAtMs: number;
  hashHex: string;
  postings: { accountKey: string; asset: Asset; amount: number }[];
};

/** The posted transaction at (kioskId, kioskSeq), or undefined when the ledger has none (or it was rejected). */
export async function findReceiptRecord(database: Database, kioskId: string, kioskSeq: number): Promise<ReceiptRecord | undefined> {
  const rows = await database.db.select().from(transactions)
    .where(and(eq(transactions.kioskId, kioskId), eq(transactions.kioskSeq, kioskSeq), eq(transactions.status, 'posted'))).limit(1);
  const row = rows[0];
  if (!row) return undefined;
  const legs = await database.db.select().from(postings).where(eq(postings.ledgerSeq, row.ledgerSeq)).orderBy(asc(postings.leg));
  return {
    ledgerSeq: row.ledgerSeq, kind: row.kind, occurredAtMs: row.occurredAtMs, recordedAtMs: row.recordedAtMs, hashHex: toHex(toBytes(row.hash)),
    postings: legs.map((leg) => {
      assert(isAsset(leg.asset), 'postings.asset read back is not an asset');
      return { accountKey: leg.accountKey, asset: leg.asset, amount: leg.amount };
    }),
  };
}
