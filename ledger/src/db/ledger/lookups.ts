// Reads the writer makes while planning a group: stored outcomes by id, balances, holds, reversal targets and the
// chain head. Hand-built statements (the writer's hot path); every row read back is checked by assertion.

import type { Client, Row } from '@libsql/client';
import { assert } from '../../../../domain/assert.ts';
import { isAsset } from '../../../../domain/assets.ts';
import { genesisHash, hashBytes } from '../../core/chain.ts';
import type { HoldRecord, HoldStatus, OriginalTransaction } from '../../core/decide-legs.ts';

export type StoredOutcome = { ledgerSeq: number; requestHash: Uint8Array; status: 'posted' | 'rejected'; code: string | null; response: string };

export async function readStoredOutcomes(client: Client, ids: readonly string[]): Promise<Map<string, StoredOutcome>> {
  const found = new Map<string, StoredOutcome>();
  if (ids.length === 0) return found;
  const result = await client.execute({
    sql: `SELECT id, ledger_seq, request_hash, status, code, response FROM transactions WHERE id IN (${ids.map(() => '?').join(', ')})`,
    args: [...ids],
  });
  for (const row of result.rows) {
    const status = row.status;
    assert(status === 'posted' || status === 'rejected', 'transactions.status read back is not posted|rejected');
    found.set(String(row.id), { ledgerSeq: Number(row.ledger_seq), requestHash: toBytes(row.request_hash), status, code: row.code === null ? null : String(row.code), response: String(row.response) });
  }
  return found;
}

/** Which of these nonces are already stored, as `kioskId + NUL + nonce` (a set the caller may add to). */
export async function readUsedNonces(client: Client, nonces: readonly { kioskId: string; nonce: string }[]): Promise<Set<string>> {
  const used = new Set<string>();
  if (nonces.length === 0) return used;
  const result = await client.execute({
    sql: `SELECT kiosk_id, nonce FROM kiosk_nonces WHERE (kiosk_id, nonce) IN (VALUES ${nonces.map(() => '(?, ?)').join(', ')})`,
    args: nonces.flatMap((item) => [item.kioskId, item.nonce]),
  });
  for (const row of result.rows) used.add(`${String(row.kiosk_id)}\u0000${String(row.nonce)}`);
  return used;
}

/** Balances of the given accounts; accounts without a row are absent from the map (balance 0, not yet created). */
export async function readBalances(client: Client, keys: readonly string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (keys.length === 0) return found;
  const result = await client.execute({ sql: `SELECT account_key, balance FROM balances WHERE account_key IN (${keys.map(() => '?').join(', ')})`, args: [...keys] });
  for (const row of result.rows) found.set(String(row.account_key), Number(row.balance));
  return found;
}

export async function readHold(client: Client, holdId: string): Promise<HoldRecord | null> {
  const result = await client.execute({ sql: 'SELECT * FROM holds WHERE hold_id = ?', args: [holdId] });
  const row = result.rows[0];
  return row ? holdFromRow(row) : null;
}

export function holdFromRow(row: Row): HoldRecord {
  const asset = row.asset;
  const status = String(row.status) as HoldStatus;
  assert(isAsset(asset), 'holds.asset read back is not an asset');
  assert(['pending', 'posted', 'voided', 'expired'].includes(status), 'holds.status read back is unknown');
  return {
    holdId: String(row.hold_id), asset, amount: Number(row.amount), sourceKey: String(row.source_key), heldKey: String(row.held_key),
    destinationKey: String(row.destination_key), expiresAtMs: row.expires_at_ms === null ? null : Number(row.expires_at_ms), status,
  };
}

export async function readOriginal(client: Client, id: string): Promise<{ original: OriginalTransaction | null; reversed: boolean }> {
  const [transaction, postings, reversal] = await client.batch([
    { sql: 'SELECT ledger_seq, status, opens_hold, resolves_hold_id FROM transactions WHERE id = ?', args: [id] },
    { sql: 'SELECT p.account_key, p.asset, p.amount FROM postings p JOIN transactions t ON t.ledger_seq = p.ledger_seq WHERE t.id = ? ORDER BY p.leg', args: [id] },
    { sql: 'SELECT 1 FROM transactions WHERE reverses_id = ?', args: [id] },
  ], 'read');
  const row = transaction!.rows[0];
  if (!row) return { original: null, reversed: false };
  const status = row.status;
  assert(status === 'posted' || status === 'rejected', 'transactions.status read back is not posted|rejected');
  return {
    original: {
      id, status, opensHold: Number(row.opens_hold) === 1, resolvesHoldId: row.resolves_hold_id === null ? null : String(row.resolves_hold_id),
      postings: postings!.rows.map((posting) => {
        assert(isAsset(posting.asset), 'postings.asset read back is not an asset');
        return { accountKey: String(posting.account_key), asset: posting.asset, amount: Number(posting.amount) };
      }),
    },
    reversed: reversal!.rows.length > 0,
  };
}

export async function readChainHead(client: Client): Promise<{ ledgerSeq: number; hash: Uint8Array; recordedAtMs: number }> {
  const result = await client.execute('SELECT ledger_seq, hash, recorded_at_ms FROM transactions ORDER BY ledger_seq DESC LIMIT 1');
  const row = result.rows[0];
  if (!row) return { ledgerSeq: 0, hash: genesisHash, recordedAtMs: 0 };
  const hash = toBytes(row.hash);
  assert(hash.byteLength === hashBytes, 'chain head hash is not 32 bytes');
  return { ledgerSeq: Number(row.ledger_seq), hash, recordedAtMs: Number(row.recorded_at_ms) };
}

export function toBytes(value: unknown): Uint8Array {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (value instanceof Uint8Array) return value;
  assert(false, 'expected a blob');
}
