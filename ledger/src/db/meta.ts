// Reads and writes of the installation facts in `app_meta` (see schema/meta.ts).

import { eq, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { appMeta } from './schema/meta.ts';

export type MetaKey = 'demo_seed' | 'last_opened_at';

export async function readMeta(database: Database, key: MetaKey): Promise<string | null> {
  const rows = await database.db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, key));
  return rows[0]?.value ?? null;
}

export async function writeMeta(database: Database, key: MetaKey, value: string): Promise<void> {
  await database.db.insert(appMeta).values({ key, value })
    .onConflictDoUpdate({ target: appMeta.key, set: { value: sql`excluded.value` } });
}
