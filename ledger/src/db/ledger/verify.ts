// Chain verification: recomputes every hash from the stored columns in ledgerSeq order, checking sequence
// continuity and prevHash links, and names the first bad ledgerSeq. The database assembles each page as one text of
// canonical JSON rows (postings included); a row whose text differs from the engine's encoder is re-encoded in JS.

import type { Client } from '@libsql/client';
import { toHex } from '../../core/canonical.ts';
import { chainHash, chainHashHex, encodeChainFields, genesisHash } from '../../core/chain.ts';

export type VerifyResult = { ok: boolean; checkedThroughSeq: number; firstBadSeq?: number };
const pageSeqs = 5_000;

// One text value per page: each row is `prevHashHex ‖ hashHex ‖ canonical JSON`, rows joined by newlines (JSON text
// never holds a raw newline). Fields follow encodeChainRecord (core/chain.ts); metadata and response stay strings.
const pageSql = `SELECT group_concat(line, char(10) ORDER BY ledger_seq) FROM (
  SELECT ledger_seq, lower(hex(prev_hash)) || lower(hex(hash)) || json_array('linli.tx.v1', ledger_seq, id,
    lower(hex(request_hash)), status, code, kind, mode, station_id, kiosk_id, kiosk_seq, actor_id, occurred_at_ms, recorded_at_ms,
    opens_hold, hold_expires_at_ms, resolves_hold_id, resolution, reverses_id, memo, metadata, response,
    json((SELECT json_group_array(json_array(leg, account_key, asset, amount, balance_after))
       FROM (SELECT leg, account_key, asset, amount, balance_after FROM postings p WHERE p.ledger_seq = t.ledger_seq ORDER BY leg)))) AS line
  FROM transactions t WHERE ledger_seq BETWEEN ? AND ?)`;
const hexChars = 64;

/** Verifies [fromSeq, toSeq] (default: the whole chain). A range trusts the stored hash of the row before it. */
export async function verifyChain(client: Client, range: { fromSeq?: number; toSeq?: number } = {}): Promise<VerifyResult> {
  const fromSeq = Math.max(1, range.fromSeq ?? 1);
  const headRow = (await client.execute('SELECT MAX(ledger_seq) AS head FROM transactions')).rows[0];
  const toSeq = Math.min(range.toSeq ?? Number.MAX_SAFE_INTEGER, Number(headRow?.head ?? 0));
  let prevHashHex = toHex(genesisHash);
  if (fromSeq > 1) {
    const before = (await client.execute({ sql: 'SELECT lower(hex(hash)) FROM transactions WHERE ledger_seq = ?', args: [fromSeq - 1] })).rows[0];
    if (!before) return { ok: false, checkedThroughSeq: fromSeq - 1, firstBadSeq: fromSeq - 1 };
    prevHashHex = String(before[0]);
  }
  let expectedSeq = fromSeq;
  for (let pageStart = fromSeq; pageStart <= toSeq; pageStart += pageSeqs) {
    const pageEnd = Math.min(toSeq, pageStart + pageSeqs - 1);
    const page = await client.execute({ sql: pageSql, args: [pageStart, pageEnd] });
    const text = page.rows[0]?.[0];
    const lines = typeof text === 'string' ? text.split('\n') : [];
    for (const line of lines) {
      const canonicalText = line.slice(2 * hexChars);
      if (!canonicalText.startsWith(`["linli.tx.v1",${expectedSeq},`) || line.slice(0, hexChars) !== prevHashHex) return bad(expectedSeq);
      const storedHashHex = line.slice(hexChars, 2 * hexChars);
      if (chainHashHex(prevHashHex, canonicalText) !== storedHashHex) {
        // SQLite's JSON text may escape a character differently from JSON.stringify: re-encode before judging.
        const fields = (JSON.parse(canonicalText) as unknown[]).slice(2);
        const recomputed = toHex(chainHash(Buffer.from(prevHashHex, 'hex'), encodeChainFields(expectedSeq, fields)));
        if (recomputed !== storedHashHex) return bad(expectedSeq);
      }
      prevHashHex = storedHashHex;
      expectedSeq += 1;
    }
    if (expectedSeq !== pageEnd + 1) return bad(expectedSeq);
  }
  return { ok: true, checkedThroughSeq: expectedSeq - 1 };

  function bad(seq: number): VerifyResult {
    return { ok: false, checkedThroughSeq: seq - 1, firstBadSeq: seq };
  }
}
