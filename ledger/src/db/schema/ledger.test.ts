// Proves the ledger schema itself (after every migration) still enforces the engine's invariants with partial
// unique indexes: one transaction per id, at most one reversal per transaction, each hold resolved once, a kiosk
// sequence number used once; rows without those references need no index entry, and lookups still use the indexes.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../client.ts';

let database: Database;
beforeEach(async () => { database = await openDatabase({ url: ':memory:' }); });
afterEach(() => database.close());

let nextSeq = 1;
type Row = { id?: string; kioskId?: string | null; kioskSeq?: number | null; resolvesHoldId?: string | null; reversesId?: string | null; hash?: Uint8Array };

function insertTransaction(row: Row = {}) {
  const ledgerSeq = nextSeq++;
  return database.client.execute({
    sql: `INSERT INTO transactions (ledger_seq, id, request_hash, status, kind, mode, kiosk_id, kiosk_seq, recorded_at_ms, resolves_hold_id, reverses_id, response, prev_hash, hash)
          VALUES (?, ?, ?, 'posted', 'credit', 'authorize', ?, ?, 0, ?, ?, '{}', ?, ?)`,
    args: [ledgerSeq, row.id ?? `T${ledgerSeq}`, new Uint8Array(32), row.kioskId ?? null, row.kioskSeq ?? null, row.resolvesHoldId ?? null, row.reversesId ?? null, new Uint8Array(32), row.hash ?? new Uint8Array(32).fill(ledgerSeq % 256)],
  });
}

describe('ledger schema', () => {
  it('refuses a second transaction with the same id (idempotency)', async () => {
    await insertTransaction({ id: 'SAME' });
    await expect(insertTransaction({ id: 'SAME' })).rejects.toThrow(/UNIQUE constraint failed: transactions\.id/);
  });

  it('refuses a second reversal of the same transaction and allows many rows that reverse nothing', async () => {
    await insertTransaction({ reversesId: 'T1' });
    for (let index = 0; index < 3; index++) await insertTransaction();
    await expect(insertTransaction({ reversesId: 'T1' })).rejects.toThrow(/UNIQUE constraint failed: transactions\.reverses_id/);
  });

  it('refuses resolving the same hold twice and allows many rows that resolve none', async () => {
    await insertTransaction({ resolvesHoldId: 'H1' });
    for (let index = 0; index < 3; index++) await insertTransaction();
    await expect(insertTransaction({ resolvesHoldId: 'H1' })).rejects.toThrow(/UNIQUE constraint failed: transactions\.resolves_hold_id/);
  });

  it('refuses a kiosk sequence number used twice by one kiosk, allows it on another kiosk and allows staff rows without one', async () => {
    await insertTransaction({ kioskId: 'K1', kioskSeq: 7 });
    await insertTransaction({ kioskId: 'K2', kioskSeq: 7 });
    for (let index = 0; index < 3; index++) await insertTransaction();
    await expect(insertTransaction({ kioskId: 'K1', kioskSeq: 7 })).rejects.toThrow(/UNIQUE constraint failed: transactions\.kiosk_id, transactions\.kiosk_seq/);
  });

  it('keeps the chain unforkable through the ledgerSeq primary key, without a unique index on hash', async () => {
    const indexes = await database.client.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'transactions' ORDER BY name");
    expect(indexes.rows.map((row) => row.name)).toEqual(['transactions_id_unique', 'transactions_kiosk_seq', 'transactions_resolves_hold_id', 'transactions_reverses_id']);
    await insertTransaction();
    nextSeq -= 1;
    await expect(insertTransaction({ id: 'FORK' })).rejects.toThrow(/UNIQUE constraint failed: transactions\.ledger_seq/);
  });

  it('answers lookups by reverses_id, resolves_hold_id and kiosk_id from the partial indexes', async () => {
    const plan = async (sql: string) => JSON.stringify((await database.client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: ['X'] })).rows);
    expect(await plan('SELECT 1 FROM transactions WHERE reverses_id = ?')).toContain('transactions_reverses_id');
    expect(await plan('SELECT 1 FROM transactions WHERE resolves_hold_id = ?')).toContain('transactions_resolves_hold_id');
    expect(await plan('SELECT MAX(kiosk_seq) FROM transactions WHERE kiosk_id = ?')).toContain('transactions_kiosk_seq');
  });
});
