// Storage of reconciliation items: the insert statement that rides in a ledger batch (so an offline shortfall and
// its item commit together), listing by station and status, and the single resolution of an item.

import type { InStatement } from '@libsql/client';
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { reconciliationItems, reconciliationResolutions } from '../schema/close.ts';

export type ReconciliationItemRow = typeof reconciliationItems.$inferSelect;
export type ReconciliationResolutionRow = typeof reconciliationResolutions.$inferSelect;
export type ReconciliationView = ReconciliationItemRow & { resolution: ReconciliationResolutionRow | null };

/** The statement that opens an item; for `extraStatements` of a ledger unit or a plain execute. */
export function insertItemStatement(row: ReconciliationItemRow): InStatement {
  return {
    sql: 'INSERT INTO reconciliation_items (id, station_id, kind, transaction_id, asset, amount, detail, opened_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    args: [row.id, row.stationId, row.kind, row.transactionId, row.asset, row.amount, row.detail, row.openedAtMs],
  };
}

export async function insertItem(database: Database, row: ReconciliationItemRow): Promise<void> {
  await database.client.execute(insertItemStatement(row));
}

export async function listItems(database: Database, stationIds: readonly string[], status: 'open' | 'resolved' | 'all', limit: number): Promise<ReconciliationView[]> {
  const views: ReconciliationView[] = [];
  for (const stationId of stationIds) {
    const statusCondition = status === 'open' ? isNull(reconciliationResolutions.itemId) : status === 'resolved' ? isNotNull(reconciliationResolutions.itemId) : undefined;
    const rows = await database.db.select().from(reconciliationItems)
      .leftJoin(reconciliationResolutions, eq(reconciliationResolutions.itemId, reconciliationItems.id))
      .where(and(eq(reconciliationItems.stationId, stationId), statusCondition))
      .orderBy(asc(reconciliationItems.openedAtMs), asc(reconciliationItems.id)).limit(limit);
    views.push(...rows.map((row) => ({ ...row.reconciliation_items, resolution: row.reconciliation_resolutions })));
  }
  return views.slice(0, limit);
}

export async function findItem(database: Database, itemId: string): Promise<ReconciliationView | undefined> {
  const rows = await database.db.select().from(reconciliationItems)
    .leftJoin(reconciliationResolutions, eq(reconciliationResolutions.itemId, reconciliationItems.id))
    .where(eq(reconciliationItems.id, itemId)).limit(1);
  const row = rows[0];
  return row ? { ...row.reconciliation_items, resolution: row.reconciliation_resolutions } : undefined;
}

/** Resolves an item once: false when it already had a resolution (the earlier one stands). */
export async function insertResolution(database: Database, row: ReconciliationResolutionRow): Promise<boolean> {
  const result = await database.client.execute({
    sql: 'INSERT INTO reconciliation_resolutions (item_id, note, resolution_transaction_id, resolved_by, resolved_at_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    args: [row.itemId, row.note, row.resolutionTransactionId, row.resolvedBy, row.resolvedAtMs],
  });
  return result.rowsAffected === 1;
}
