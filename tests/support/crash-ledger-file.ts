// Reads the crash test's database file through a read-only libSQL connection (URI mode=ro: this process can never
// write it) while the server runs: integrity, the ledger's invariants, and what is stored per transaction id.

import Database from 'libsql';

export type StoredTransaction = { ledgerSeq: number; status: string; code: string | null; kioskId: string | null; kioskSeq: number | null; response: unknown; postingCount: number };

export type LedgerFileReport = {
  /** `PRAGMA integrity_check` rows: `['ok']` when the file is sound. */
  integrity: string[];
  /** Sum of every posting per asset (must be 0: double entry). */
  postingTotals: Record<string, number>;
  /** Sum of every account balance per asset (must be 0). */
  balanceTotals: Record<string, number>;
  /** Transactions whose legs do not sum to zero per asset (a partial multi-leg posting would show here). */
  unbalancedSeqs: number[];
  /** Accounts whose stored balance differs from the fold of their postings or from the last balanceAfter. */
  balanceMismatches: string[];
  /** ledgerSeq values are 1..N with no hole. */
  isLedgerSeqContinuous: boolean;
  byId: Map<string, StoredTransaction>;
};

export function inspectLedgerFile(path: string): LedgerFileReport {
  const db = new Database(`file:${path}?mode=ro`);
  try {
    const rows = <T>(sql: string) => db.prepare(sql).all() as T[];
    const integrity = rows<{ integrity_check: string }>('PRAGMA integrity_check').map((row) => row.integrity_check);
    const totals = (sql: string) => Object.fromEntries(rows<{ asset: string; total: number }>(sql).map((row) => [row.asset, Number(row.total)]));
    const unbalancedSeqs = rows<{ ledger_seq: number }>('SELECT ledger_seq FROM postings GROUP BY ledger_seq, asset HAVING SUM(amount) <> 0').map((row) => Number(row.ledger_seq));
    const balanceMismatches = rows<{ account_key: string }>(`
      SELECT b.account_key FROM balances b
      LEFT JOIN (SELECT account_key, SUM(amount) AS folded, MAX(ledger_seq) AS last_seq FROM postings GROUP BY account_key) p ON p.account_key = b.account_key
      LEFT JOIN postings last ON last.account_key = b.account_key AND last.ledger_seq = p.last_seq
      WHERE b.balance <> COALESCE(p.folded, 0) OR (last.balance_after IS NOT NULL AND last.balance_after <> b.balance)`).map((row) => row.account_key);
    const sequence = rows<{ n: number; max_seq: number | null }>('SELECT COUNT(*) AS n, MAX(ledger_seq) AS max_seq FROM transactions')[0];
    const byId = new Map<string, StoredTransaction>();
    for (const row of rows<{ id: string; ledger_seq: number; status: string; code: string | null; kiosk_id: string | null; kiosk_seq: number | null; response: string; posting_count: number }>(`
      SELECT t.id, t.ledger_seq, t.status, t.code, t.kiosk_id, t.kiosk_seq, t.response, (SELECT COUNT(*) FROM postings p WHERE p.ledger_seq = t.ledger_seq) AS posting_count
      FROM transactions t`)) {
      byId.set(row.id, {
        ledgerSeq: Number(row.ledger_seq), status: row.status, code: row.code, kioskId: row.kiosk_id, kioskSeq: row.kiosk_seq === null ? null : Number(row.kiosk_seq),
        response: JSON.parse(row.response) as unknown, postingCount: Number(row.posting_count),
      });
    }
    return {
      integrity, unbalancedSeqs, balanceMismatches, byId,
      postingTotals: totals('SELECT asset, SUM(amount) AS total FROM postings GROUP BY asset'),
      balanceTotals: totals('SELECT a.asset, SUM(b.balance) AS total FROM balances b JOIN accounts a ON a.key = b.account_key GROUP BY a.asset'),
      isLedgerSeqContinuous: sequence !== undefined && Number(sequence.n) === Number(sequence.max_seq ?? 0),
    };
  } finally {
    db.close();
  }
}

/** The kioskSeq values the ledger holds for one kiosk, ascending. */
export function storedKioskSeqs(report: LedgerFileReport, kioskId: string): number[] {
  return [...report.byId.values()].filter((row) => row.kioskId === kioskId).map((row) => row.kioskSeq ?? 0).sort((a, b) => a - b);
}
