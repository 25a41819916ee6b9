// Reads and appends of the audit chain. Appends name their `seq` explicitly, so two writers racing for the
// same position collide on the primary key instead of forking the chain.

import { asc, desc, gt } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { auditLog } from '../schema/station.ts';

export type AuditRow = typeof auditLog.$inferSelect;

export async function readAuditHead(database: Database): Promise<{ seq: number; hash: string } | undefined> {
  const rows = await database.db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return rows[0];
}

export async function insertAuditRow(database: Database, row: AuditRow): Promise<void> {
  await database.db.insert(auditLog).values(row);
}

export async function listAuditRows(database: Database, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return database.db.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(asc(auditLog.seq)).limit(limit);
}
