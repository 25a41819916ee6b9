// Identify misses by phone (rule 15's check question): one row per miss, counted per caller over a window so a
// kiosk cannot walk through phone numbers. Holds no phone, hash or person: only who asked and when.

import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const identifyMisses = sqliteTable('identify_misses', {
  id: integer().primaryKey({ autoIncrement: true }),
  /** `kiosk:<kioskId>` or `staff:<staffId>`. */
  callerKey: text().notNull(),
  atMs: integer().notNull(),
}, (table) => [index('identify_misses_caller').on(table.callerKey, table.atMs)]);
