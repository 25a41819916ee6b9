// Tables of the ledger engine: accounts, balances (with CHECK floors), transactions (every outcome, hash-chained),
// postings (signed amounts with a running balanceAfter), and holds. Transactions and postings are append-only:
// triggers in a custom migration reject UPDATE and DELETE. Only the engine's writer writes here.

import { sql } from 'drizzle-orm';
import { blob, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** One account per (owner, asset, purpose). `key` is `ownerKind:ownerId:purpose:asset` (see core/accounts.ts). */
export const accounts = sqliteTable('accounts', {
  key: text().primaryKey(),
  ownerKind: text({ enum: ['person', 'station', 'system'] }).notNull(),
  ownerId: text().notNull(),
  purpose: text().notNull(),
  asset: text({ enum: ['time', 'points'] }).notNull(),
  /** 1: the balance may never go below zero (persons, community chests); 0: unbounded (system, suspense). */
  nonNegative: integer().notNull(),
  createdSeq: integer().notNull(),
}, (table) => [uniqueIndex('accounts_owner').on(table.ownerKind, table.ownerId, table.asset, table.purpose)]);

/** Materialised current balance per account, updated in the same batch as the postings. */
export const balances = sqliteTable('balances', {
  accountKey: text().primaryKey().references(() => accounts.key),
  nonNegative: integer().notNull(),
  balance: integer().notNull(),
  lastSeq: integer().notNull(),
}, () => [check('balances_floor', sql`non_negative = 0 OR balance >= 0`)]);

/** Every outcome of every unit, rejections included, in commit order. */
export const transactions = sqliteTable('transactions', {
  ledgerSeq: integer().primaryKey(),
  /** The kiosk-made (or caller-made) idempotency key. */
  id: text().notNull().unique(),
  /** SHA-256 of the canonical request: same id with another hash is `id_reused`. */
  requestHash: blob({ mode: 'buffer' }).notNull(),
  status: text({ enum: ['posted', 'rejected'] }).notNull(),
  code: text(),
  kind: text().notNull(),
  mode: text({ enum: ['authorize', 'record'] }).notNull(),
  stationId: text(),
  kioskId: text(),
  kioskSeq: integer(),
  actorId: text(),
  occurredAtMs: integer(),
  recordedAtMs: integer().notNull(),
  /** Set when this transaction opens a hold (its hold id is the transaction id). */
  holdExpiresAtMs: integer(),
  opensHold: integer().notNull().default(0),
  resolvesHoldId: text(),
  resolution: text({ enum: ['post', 'void', 'expire'] }),
  reversesId: text(),
  memo: text(),
  /** Canonical JSON or null. */
  metadata: text(),
  /** Canonical JSON of the response returned to every retry. */
  response: text().notNull(),
  prevHash: blob({ mode: 'buffer' }).notNull(),
  /** Not unique-indexed: the `ledgerSeq` primary key already prevents a fork, and a random-key index costs every append. */
  hash: blob({ mode: 'buffer' }).notNull(),
}, (table) => [
  // Partial unique indexes: most transactions resolve no hold, reverse nothing or come from staff, and rows without
  // the value need no index entry. `x = ?` lookups still use them (it implies `x IS NOT NULL`).
  uniqueIndex('transactions_kiosk_seq').on(table.kioskId, table.kioskSeq).where(sql`kiosk_id IS NOT NULL`),
  /** Each hold is resolved once. */
  uniqueIndex('transactions_resolves_hold_id').on(table.resolvesHoldId).where(sql`resolves_hold_id IS NOT NULL`),
  /** At most one reversal per transaction. */
  uniqueIndex('transactions_reverses_id').on(table.reversesId).where(sql`reverses_id IS NOT NULL`),
  check('transactions_hash_length', sql`length(hash) = 32 AND length(prev_hash) = 32`),
]);

/** One leg per (transaction, account): signed amount (+ credit, − debit) and the account's balance after it. */
export const postings = sqliteTable('postings', {
  ledgerSeq: integer().notNull().references(() => transactions.ledgerSeq),
  leg: integer().notNull(),
  accountKey: text().notNull().references(() => accounts.key),
  asset: text({ enum: ['time', 'points'] }).notNull(),
  amount: integer().notNull(),
  balanceAfter: integer().notNull(),
}, (table) => [
  primaryKey({ columns: [table.ledgerSeq, table.leg] }),
  index('postings_account_seq').on(table.accountKey, table.ledgerSeq),
  check('postings_amount_nonzero', sql`amount <> 0`),
]);

/** Holds: credits moved to the owner's `held` account, later posted (fully or partly), voided or expired once. */
export const holds = sqliteTable('holds', {
  holdId: text().primaryKey(),
  ledgerSeq: integer().notNull().references(() => transactions.ledgerSeq),
  asset: text({ enum: ['time', 'points'] }).notNull(),
  amount: integer().notNull(),
  sourceKey: text().notNull(),
  heldKey: text().notNull(),
  destinationKey: text().notNull(),
  expiresAtMs: integer(),
  status: text({ enum: ['pending', 'posted', 'voided', 'expired'] }).notNull(),
  resolvedSeq: integer(),
}, (table) => [
  index('holds_status').on(table.status, table.expiresAtMs),
  check('holds_amount_positive', sql`amount > 0`),
]);
