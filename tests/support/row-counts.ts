// Counts rows of every table, so tests can prove a refused request wrote nothing.

import type { Database } from '../../ledger/src/db/client.ts';

export async function rowCounts(database: Database): Promise<Record<string, number>> {
  const tables = await database.client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'");
  const counts: Record<string, number> = {};
  for (const row of tables.rows) {
    const name = String(row[0]);
    const result = await database.client.execute(`SELECT count(*) FROM "${name}"`);
    counts[name] = Number(result.rows[0]?.[0]);
  }
  return counts;
}
