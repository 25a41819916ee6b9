// Facts about the installation itself (not ledger data): whether the demo seeds finished loading, when the
// database was last opened for writing. Key-value, one row per fact.

import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const appMeta = sqliteTable('app_meta', {
  key: text().primaryKey(),
  value: text().notNull(),
});
