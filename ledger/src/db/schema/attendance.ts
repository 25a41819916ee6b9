// Tables of attendance (签到记录): check-ins, their closures (check-out or forgotten), manager decisions on
// queued closures, and every credit posted for attendance. Insert-only: each row is written once, in the same
// ledger batch as the transaction it belongs to; primary keys make a second closure or decision impossible.

import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One check-in. Its id is the check-in transaction's id. */
export const attendances = sqliteTable('attendances', {
  id: text().primaryKey(),
  personId: text().notNull(),
  activityId: text().notNull(),
  stationId: text().notNull(),
  /** Asia/Shanghai business date of the check-in (rule 5 counts pairs per date). */
  businessDate: text().notNull(),
  checkedInAtMs: integer().notNull(),
  kioskId: text(),
  recordedAtMs: integer().notNull(),
}, (table) => [
  index('attendances_person_activity_date').on(table.personId, table.activityId, table.businessDate),
  index('attendances_station_checked_in').on(table.stationId, table.checkedInAtMs),
]);

/** How an attendance ended; at most one per attendance. `pending` 1: awaits a manager (rule 6 or 7). */
export const attendanceClosures = sqliteTable('attendance_closures', {
  attendanceId: text().primaryKey().references(() => attendances.id),
  transactionId: text().notNull(),
  reason: text({ enum: ['check_out', 'forgotten'] }).notNull(),
  closedAtMs: integer().notNull(),
  rawMinutes: integer().notNull(),
  /** Minutes the rules decided (0 for a forgotten check-out); credited now unless pending. */
  decidedMinutes: integer().notNull(),
  decidedPoints: integer().notNull(),
  pending: integer().notNull(),
  /** JSON list of CreditNote. */
  notes: text().notNull(),
  recordedAtMs: integer().notNull(),
}, (table) => [index('attendance_closures_pending').on(table.pending)]);

/** A manager's decision on a pending closure; at most one per attendance. */
export const approvalDecisions = sqliteTable('approval_decisions', {
  attendanceId: text().primaryKey().references(() => attendances.id),
  transactionId: text().notNull(),
  decision: text({ enum: ['approved', 'rejected'] }).notNull(),
  minutes: integer().notNull(),
  points: integer().notNull(),
  staffId: text().notNull(),
  reason: text(),
  decidedAtMs: integer().notNull(),
});

/** Every credit for service: verified at check-out, approved by a manager, or supplementary (补录). */
export const attendanceCredits = sqliteTable('attendance_credits', {
  transactionId: text().primaryKey(),
  attendanceId: text(),
  personId: text().notNull(),
  activityId: text().notNull(),
  stationId: text().notNull(),
  /** Business date the credit counts toward for the daily points cap. */
  businessDate: text().notNull(),
  source: text({ enum: ['verified', 'approved', 'supplementary'] }).notNull(),
  minutes: integer().notNull(),
  /** Part of `minutes` that went to the community chest because of the storage cap (rule 9). */
  communityChestMinutes: integer().notNull(),
  points: integer().notNull(),
  recordedAtMs: integer().notNull(),
}, (table) => [
  index('attendance_credits_person_date').on(table.personId, table.businessDate),
  index('attendance_credits_person_activity').on(table.personId, table.activityId),
]);
