// Hand-built write statements for a commit group: multi-row INSERTs so a group of any size costs a handful of
// statements. No drizzle here: this is the hot path (drizzle costs ~45% there, see reference/ledger.md §3.7).

import type { InStatement, InValue } from '@libsql/client';
import type { ChainRecord } from '../../core/chain.ts';
import type { HoldRecord, HoldStatus } from '../../core/decide-legs.ts';
import type { UnitNonce } from './unit.ts';

export type AccountRow = { key: string; ownerKind: string; ownerId: string; purpose: string; asset: string; nonNegative: boolean; createdSeq: number };
export type BalanceDelta = { accountKey: string; nonNegative: boolean; delta: number; ledgerSeq: number };
export type HoldChange = { holdId: string; status: Exclude<HoldStatus, 'pending'>; resolvedSeq: number };

/** Everything one group writes, in the order the batch must apply it. */
export type GroupWrites = {
  accounts: AccountRow[];
  records: { record: ChainRecord; hash: Uint8Array; prevHash: Uint8Array }[];
  balanceDeltas: BalanceDelta[];
  holdsOpened: (HoldRecord & { ledgerSeq: number })[];
  holdsResolved: HoldChange[];
  extra: InStatement[];
  /** Signed-request nonces of the group's units (single use: the primary key refuses a second insert). */
  nonces: UnitNonce[];
  /** Nonces that expired before this time are purged in the same batch. */
  noncesExpiredBeforeMs: number;
};

const rowsPerStatementMax = 400;

export function buildGroupStatements(writes: GroupWrites): InStatement[] {
  const statements: InStatement[] = [];
  statements.push(...insertRows('INSERT OR IGNORE INTO accounts (key, owner_kind, owner_id, purpose, asset, non_negative, created_seq)', '',
    writes.accounts.map((account) => [account.key, account.ownerKind, account.ownerId, account.purpose, account.asset, account.nonNegative ? 1 : 0, account.createdSeq])));
  statements.push(...insertRows('INSERT OR IGNORE INTO balances (account_key, non_negative, balance, last_seq)', '',
    writes.accounts.map((account) => [account.key, account.nonNegative ? 1 : 0, 0, account.createdSeq])));
  statements.push(...insertRows(
    'INSERT INTO transactions (ledger_seq, id, request_hash, status, code, kind, mode, station_id, kiosk_id, kiosk_seq, actor_id, occurred_at_ms, recorded_at_ms, hold_expires_at_ms, opens_hold, resolves_hold_id, resolution, reverses_id, memo, metadata, response, prev_hash, hash)', '',
    writes.records.map(({ record, hash, prevHash }) => [record.ledgerSeq, record.id, record.requestHash, record.status, record.code, record.kind, record.mode,
      record.stationId, record.kioskId, record.kioskSeq, record.actorId, record.occurredAtMs, record.recordedAtMs, record.holdExpiresAtMs,
      record.opensHold ? 1 : 0, record.resolvesHoldId, record.resolution, record.reversesId, record.memo, record.metadata, record.response, prevHash, hash])));
  statements.push(...insertRows('INSERT INTO postings (ledger_seq, leg, account_key, asset, amount, balance_after)', '',
    writes.records.flatMap(({ record }) => record.postings.map((posting) => [record.ledgerSeq, posting.leg, posting.accountKey, posting.asset, posting.amount, posting.balanceAfter]))));
  // One relative update per group (deltas summed per account): the CHECK floor sees the database's own balance.
  // An upsert cannot do this: SQLite checks CHECK constraints on the proposed row before the conflict resolution.
  const summed = new Map<string, { delta: number; ledgerSeq: number }>();
  for (const delta of writes.balanceDeltas) {
    const entry = summed.get(delta.accountKey);
    summed.set(delta.accountKey, { delta: (entry?.delta ?? 0) + delta.delta, ledgerSeq: delta.ledgerSeq });
  }
  const changes = [...summed].map(([key, entry]) => [key, entry.delta, entry.ledgerSeq]);
  for (const statement of insertRows('', '', changes)) {
    statements.push({ sql: `UPDATE balances SET balance = balances.balance + d.column2, last_seq = d.column3 FROM (${statement.sql.trim()}) AS d WHERE balances.account_key = d.column1`, args: statement.args });
  }
  statements.push(...insertRows('INSERT INTO holds (hold_id, ledger_seq, asset, amount, source_key, held_key, destination_key, expires_at_ms, status)', '',
    writes.holdsOpened.map((hold) => [hold.holdId, hold.ledgerSeq, hold.asset, hold.amount, hold.sourceKey, hold.heldKey, hold.destinationKey, hold.expiresAtMs, 'pending'])));
  for (const change of writes.holdsResolved) {
    statements.push({ sql: "UPDATE holds SET status = ?, resolved_seq = ? WHERE hold_id = ? AND status = 'pending'", args: [change.status, change.resolvedSeq, change.holdId] });
  }
  statements.push(...mergeSingleRowInserts(writes.extra));
  if (writes.nonces.length > 0) {
    statements.push({ sql: 'DELETE FROM kiosk_nonces WHERE expires_at_ms < ?', args: [writes.noncesExpiredBeforeMs] });
    statements.push(...insertRows('INSERT INTO kiosk_nonces (kiosk_id, nonce, expires_at_ms)', '', writes.nonces.map((item) => [item.kioskId, item.nonce, item.expiresAtMs])));
  }
  return statements;
}

const singleRowInsert = /^INSERT INTO [\w"`]+ \([^()]*\) VALUES \((?:\?, )*\?\)$/i;

/**
 * Units' extra statements with the same single-row `INSERT … VALUES (?, …)` text become one multi-row INSERT at the
 * place of the first (a group of check-outs writes its closures in one statement, not one each): each statement is
 * prepared once per group instead of once per unit. Other statements keep their place and order.
 */
export function mergeSingleRowInserts(extra: readonly InStatement[]): InStatement[] {
  const merged: (InStatement | { head: string; rows: InValue[][] })[] = [];
  const bySql = new Map<string, { head: string; rows: InValue[][] }>();
  for (const statement of extra) {
    if (typeof statement === 'string' || !Array.isArray(statement.args) || !singleRowInsert.test(statement.sql)) {
      merged.push(statement);
      continue;
    }
    const entry = bySql.get(statement.sql);
    if (entry) entry.rows.push([...statement.args]);
    else {
      const created = { head: statement.sql.slice(0, statement.sql.search(/ VALUES \(/i)), rows: [[...statement.args]] };
      bySql.set(statement.sql, created);
      merged.push(created);
    }
  }
  return merged.flatMap((item) => (typeof item === 'object' && 'head' in item ? insertRows(item.head, '', item.rows) : [item]));
}

function insertRows(head: string, tail: string, rows: InValue[][]): { sql: string; args: InValue[] }[] {
  const statements: { sql: string; args: InValue[] }[] = [];
  for (let start = 0; start < rows.length; start += rowsPerStatementMax) {
    const chunk = rows.slice(start, start + rowsPerStatementMax);
    const placeholders = `(${chunk[0]!.map(() => '?').join(', ')})`;
    statements.push({ sql: `${head} VALUES ${chunk.map(() => placeholders).join(', ')}${tail}`, args: chunk.flat() });
  }
  return statements;
}
