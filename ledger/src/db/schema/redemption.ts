// Tables of redemptions and bookings: each row is written in the same batch as its ledger transaction (so it
// exists exactly when the transaction does). Collections are their own rows: nothing here is updated.

import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** One row per posted redemption; `id` is the ledger transaction id. Pickup codes are unique per station and day. */
export const redemptions = sqliteTable('redemptions', {
  id: text().primaryKey(),
  stationId: text().notNull(),
  personId: text().notNull(),
  serviceId: text().notNull(),
  asset: text({ enum: ['time', 'points'] }).notNull(),
  amount: integer().notNull(),
  /** Short digits the resident shows at the counter. */
  pickupCode: text().notNull(),
  businessDate: text().notNull(),
  kioskId: text(),
  /** 1 when uploaded from a kiosk's offline outbox (recorded, never bounced). */
  offline: integer().notNull().default(0),
  /** Minutes or points the person could not cover, taken from the station's suspense account. */
  shortfall: integer().notNull().default(0),
  recordedAtMs: integer().notNull(),
}, (table) => [
  uniqueIndex('redemptions_pickup_code').on(table.stationId, table.businessDate, table.pickupCode),
  index('redemptions_person').on(table.personId),
]);

/** A staff member handed over the service of a redemption: at most once. */
export const redemptionCollections = sqliteTable('redemption_collections', {
  redemptionId: text().primaryKey(),
  collectedBy: text().notNull(),
  collectedAtMs: integer().notNull(),
});

/** One row per booking; `holdId` is the ledger transaction that opened the hold (its status lives in `holds`). */
export const bookings = sqliteTable('bookings', {
  holdId: text().primaryKey(),
  stationId: text().notNull(),
  personId: text().notNull(),
  serviceId: text().notNull(),
  asset: text({ enum: ['time', 'points'] }).notNull(),
  amount: integer().notNull(),
  deadlineMs: integer().notNull(),
  kioskId: text(),
  createdBy: text().notNull(),
  recordedAtMs: integer().notNull(),
}, (table) => [index('bookings_station').on(table.stationId, table.recordedAtMs)]);
