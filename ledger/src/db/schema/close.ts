// Tables of the daily close: signed closes (one per station and business date, chained to the previous close),
// kiosks' end-of-day counters, and reconciliation items with their single resolution.

import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A station manager's signed daily reconciliation over a ledgerSeq range. Never updated or deleted. */
export const closes = sqliteTable('closes', {
  id: text().primaryKey(),
  stationId: text().notNull(),
  businessDate: text().notNull(),
  seqFrom: integer().notNull(),
  seqTo: integer().notNull(),
  /** Hex hash of the ledger transaction at seqTo (the genesis hash when the ledger is empty). */
  chainHead: text().notNull(),
  prevCloseHash: text().notNull(),
  closeHash: text().notNull().unique(),
  /** HMAC-SHA-256 (hex) of closeHash and the signer, with the service's close-signing key. */
  signature: text().notNull(),
  signedBy: text().notNull(),
  /** Canonical JSON of totals, checks and items as signed. */
  totals: text().notNull(),
  checks: text().notNull(),
  items: text().notNull(),
  createdAtMs: integer().notNull(),
}, (table) => [uniqueIndex('closes_station_date').on(table.stationId, table.businessDate)]);

/** A kiosk's own end-of-day counters (counts and sums by kind), as last reported for that date. */
export const kioskDayReports = sqliteTable('kiosk_day_reports', {
  kioskId: text().notNull(),
  businessDate: text().notNull(),
  stationId: text().notNull(),
  lastKioskSeq: integer().notNull(),
  /** JSON `{[kind]: {count, time, points}}`. */
  counters: text().notNull(),
  reportedAtMs: integer().notNull(),
}, (table) => [primaryKey({ columns: [table.kioskId, table.businessDate] })]);

/** Something a person must look at: an offline shortfall booked to suspense, a late upload, a failed check. */
export const reconciliationItems = sqliteTable('reconciliation_items', {
  id: text().primaryKey(),
  stationId: text().notNull(),
  kind: text().notNull(),
  transactionId: text(),
  asset: text({ enum: ['time', 'points'] }),
  amount: integer(),
  detail: text().notNull().default(''),
  openedAtMs: integer().notNull(),
}, (table) => [index('reconciliation_station').on(table.stationId, table.openedAtMs)]);

/** The one resolution of an item; its presence is what makes the item resolved. */
export const reconciliationResolutions = sqliteTable('reconciliation_resolutions', {
  itemId: text().primaryKey(),
  note: text().notNull(),
  resolutionTransactionId: text(),
  resolvedBy: text().notNull(),
  resolvedAtMs: integer().notNull(),
});
