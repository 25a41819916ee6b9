// Chain verification: recomputes every hash from the stored columns in ledgerSeq order, checking sequence
// continuity and prevHash links, and names the first bad ledgerSeq. Reads pages by ledgerSeq range.

import type { Client, Row } from '@libsql/client';
import { bytesEqual } from '../../core/canonical.ts';
import { genesisHash, hashRecord, type ChainRecord } from '../../core/chain.ts';
import { toBytes } from './lookups.ts';

export type VerifyResult = { ok: boolean; checkedThroughSeq: number; firstBadSeq?: number };
const pageSeqs = 5_000;

/** Verifies [fromSeq, toSeq] (default: the whole chain). A range trusts the stored hash of the row before it. */
export async function verifyChain(client: Client, range: { fromSeq?: number; toSeq?: number } = {}): Promise<VerifyResult> {
  const fromSeq = Math.max(1, range.fromSeq ?? 1);
  const headRow = (await client.execute('SELECT MAX(ledger_seq) AS head FROM transactions')).rows[0];
  const toSeq = Math.min(range.toSeq ?? Number.MAX_SAFE_INTEGER, Number(headRow?.head ?? 0));
  let prevHash: Uint8Array = genesisHash;
  if (fromSeq > 1) {
    const before = (await client.execute({ sql: 'SELECT hash FROM transactions WHERE ledger_seq = ?', args: [fromSeq - 1] })).rows[0];
    if (!before) return { ok: false, checkedThroughSeq: fromSeq - 1, firstBadSeq: fromSeq - 1 };
    prevHash = toBytes(before.hash);
  }
  let expectedSeq = fromSeq;
  for (let pageStart = fromSeq; pageStart <= toSeq; pageStart += pageSeqs) {
    const pageEnd = Math.min(toSeq, pageStart + pageSeqs - 1);
    const [transactionRows, postingRows] = await client.batch([
      { sql: 'SELECT * FROM transactions WHERE ledger_seq BETWEEN ? AND ? ORDER BY ledger_seq', args: [pageStart, pageEnd] },
      { sql: 'SELECT ledger_seq, leg, account_key, asset, amount, balance_after FROM postings WHERE ledger_seq BETWEEN ? AND ? ORDER BY ledger_seq, leg', args: [pageStart, pageEnd] },
    ], 'read');
    const legsBySeq = groupPostings(postingRows!.rows);
    for (const row of transactionRows!.rows) {
      const ledgerSeq = Number(row.ledger_seq);
      const storedHash = toBytes(row.hash);
      if (ledgerSeq !== expectedSeq || !bytesEqual(toBytes(row.prev_hash), prevHash)) return bad(expectedSeq);
      const recomputed = hashRecord(prevHash, recordFromRow(row, legsBySeq.get(ledgerSeq) ?? []));
      if (!bytesEqual(recomputed, storedHash)) return bad(ledgerSeq);
      prevHash = storedHash;
      expectedSeq = ledgerSeq + 1;
    }
    if (expectedSeq !== pageEnd + 1) return bad(expectedSeq);
  }
  return { ok: true, checkedThroughSeq: expectedSeq - 1 };

  function bad(seq: number): VerifyResult {
    return { ok: false, checkedThroughSeq: seq - 1, firstBadSeq: seq };
  }
}

function groupPostings(rows: Row[]): Map<number, ChainRecord['postings'][number][]> {
  const bySeq = new Map<number, ChainRecord['postings'][number][]>();
  for (const row of rows) {
    const ledgerSeq = Number(row.ledger_seq);
    let list = bySeq.get(ledgerSeq);
    if (!list) bySeq.set(ledgerSeq, (list = []));
    list.push({ leg: Number(row.leg), accountKey: String(row.account_key), asset: String(row.asset), amount: Number(row.amount), balanceAfter: Number(row.balance_after) });
  }
  return bySeq;
}

const text = (value: unknown) => (value === null ? null : String(value));
const integer = (value: unknown) => (value === null ? null : Number(value));

export function recordFromRow(row: Row, postings: ChainRecord['postings']): ChainRecord {
  return {
    ledgerSeq: Number(row.ledger_seq), id: String(row.id), requestHash: toBytes(row.request_hash),
    status: row.status === 'posted' ? 'posted' : 'rejected', code: text(row.code), kind: String(row.kind), mode: String(row.mode),
    stationId: text(row.station_id), kioskId: text(row.kiosk_id), kioskSeq: integer(row.kiosk_seq), actorId: text(row.actor_id),
    occurredAtMs: integer(row.occurred_at_ms), recordedAtMs: Number(row.recorded_at_ms), opensHold: Number(row.opens_hold) === 1,
    holdExpiresAtMs: integer(row.hold_expires_at_ms), resolvesHoldId: text(row.resolves_hold_id), resolution: text(row.resolution),
    reversesId: text(row.reverses_id), memo: text(row.memo), metadata: text(row.metadata), response: String(row.response), postings,
  };
}
