// Chain verification: recomputes every hash from the stored columns in ledgerSeq order, checking sequence
// continuity and prevHash links, and names the first bad ledgerSeq. The database assembles each row's canonical
// JSON (postings included); when its text differs from the engine's encoder, the row is re-encoded in JS.

import type { Client } from '@libsql/client';
import { toHex } from '../../core/canonical.ts';
import { chainHashOfText, encodeChainFields, chainHash, genesisHash } from '../../core/chain.ts';

export type VerifyResult = { ok: boolean; checkedThroughSeq: number; firstBadSeq?: number };
const pageSeqs = 5_000;

// Fields in the order of encodeChainRecord (core/chain.ts). Text columns stay JSON strings (metadata, response).
const pageSql = `SELECT ledger_seq, lower(hex(prev_hash)), lower(hex(hash)), json_array('linli.tx.v1', ledger_seq, id,
  lower(hex(request_hash)), status, code, kind, mode, station_id, kiosk_id, kiosk_seq, actor_id, occurred_at_ms, recorded_at_ms,
  opens_hold, hold_expires_at_ms, resolves_hold_id, resolution, reverses_id, memo, metadata, response,
  json((SELECT json_group_array(json_array(leg, account_key, asset, amount, balance_after))
     FROM (SELECT leg, account_key, asset, amount, balance_after FROM postings p WHERE p.ledger_seq = t.ledger_seq ORDER BY leg))))
FROM transactions t WHERE ledger_seq BETWEEN ? AND ? ORDER BY ledger_seq`;

/** Verifies [fromSeq, toSeq] (default: the whole chain). A range trusts the stored hash of the row before it. */
export async function verifyChain(client: Client, range: { fromSeq?: number; toSeq?: number } = {}): Promise<VerifyResult> {
  const fromSeq = Math.max(1, range.fromSeq ?? 1);
  const headRow = (await client.execute('SELECT MAX(ledger_seq) AS head FROM transactions')).rows[0];
  const toSeq = Math.min(range.toSeq ?? Number.MAX_SAFE_INTEGER, Number(headRow?.head ?? 0));
  let prevHash: Uint8Array = genesisHash;
  if (fromSeq > 1) {
    const before = (await client.execute({ sql: 'SELECT lower(hex(hash)) FROM transactions WHERE ledger_seq = ?', args: [fromSeq - 1] })).rows[0];
    if (!before) return { ok: false, checkedThroughSeq: fromSeq - 1, firstBadSeq: fromSeq - 1 };
    prevHash = Buffer.from(String(before[0]), 'hex');
  }
  let expectedSeq = fromSeq;
  for (let pageStart = fromSeq; pageStart <= toSeq; pageStart += pageSeqs) {
    const pageEnd = Math.min(toSeq, pageStart + pageSeqs - 1);
    const page = await client.execute({ sql: pageSql, args: [pageStart, pageEnd] });
    for (const row of page.rows) {
      const ledgerSeq = Number(row[0]);
      if (ledgerSeq !== expectedSeq || String(row[1]) !== toHex(prevHash)) return bad(expectedSeq);
      const storedHashHex = String(row[2]);
      const canonicalText = String(row[3]);
      let recomputed = chainHashOfText(prevHash, canonicalText);
      if (toHex(recomputed) !== storedHashHex) {
        // SQLite's JSON text may escape a character differently from JSON.stringify: re-encode before judging.
        const fields = (JSON.parse(canonicalText) as unknown[]).slice(2);
        recomputed = chainHash(prevHash, encodeChainFields(ledgerSeq, fields));
        if (toHex(recomputed) !== storedHashHex) return bad(ledgerSeq);
      }
      prevHash = recomputed;
      expectedSeq = ledgerSeq + 1;
    }
    if (expectedSeq !== pageEnd + 1) return bad(expectedSeq);
  }
  return { ok: true, checkedThroughSeq: expectedSeq - 1 };

  function bad(seq: number): VerifyResult {
    return { ok: false, checkedThroughSeq: seq - 1, firstBadSeq: seq };
  }
}
