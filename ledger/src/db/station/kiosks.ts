// Reads and writes of kiosks: enrolment codes (hashed), public keys, revocation, heartbeats and nonces.

import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { kiosks } from '../schema/station.ts';

export type KioskRow = typeof kiosks.$inferSelect;

export async function insertKiosk(database: Database, row: KioskRow): Promise<void> {
  await database.db.insert(kiosks).values(row);
}

export async function findKiosk(database: Database, kioskId: string): Promise<KioskRow | undefined> {
  return (await database.db.select().from(kiosks).where(eq(kiosks.id, kioskId)).limit(1))[0];
}

export async function listKiosks(database: Database, stationIds: readonly string[]): Promise<KioskRow[]> {
  if (stationIds.length === 0) return [];
  return database.db.select().from(kiosks).where(inArray(kiosks.stationId, [...stationIds])).orderBy(asc(kiosks.createdAtMs));
}

/**
 * Uses an enrolment code once: sets the key only while the code is unused, unexpired and the kiosk unrevoked.
 * Returns the kiosk when this call won, undefined otherwise (a second use of the code always loses).
 */
export async function enrollKiosk(database: Database, codeHash: string, publicKeyJwk: string, nowMs: number): Promise<KioskRow | undefined> {
  const rows = await database.db.update(kiosks).set({ publicKeyJwk, enrolledAtMs: nowMs })
    .where(and(eq(kiosks.enrollmentCodeHash, codeHash), isNull(kiosks.enrolledAtMs), isNull(kiosks.revokedAtMs), gt(kiosks.enrollmentExpiresAtMs, nowMs)))
    .returning();
  return rows[0];
}

export async function revokeKiosk(database: Database, kioskId: string, nowMs: number): Promise<void> {
  await database.db.update(kiosks).set({ revokedAtMs: nowMs }).where(and(eq(kiosks.id, kioskId), isNull(kiosks.revokedAtMs)));
}

export async function recordHeartbeat(database: Database, kioskId: string, deviceStatus: string, nowMs: number): Promise<void> {
  await database.db.update(kiosks).set({ lastHeartbeatAtMs: nowMs, deviceStatus }).where(eq(kiosks.id, kioskId));
}

/**
 * Stores a nonce once, purging expired ones in the same batch. False when the nonce was already used.
 * Conflicts are caught as an outcome, so a replay writes nothing.
 */
export async function useNonce(database: Database, kioskId: string, nonce: string, expiresAtMs: number, nowMs: number): Promise<boolean> {
  const results = await database.client.batch([
    { sql: 'DELETE FROM kiosk_nonces WHERE expires_at_ms < ?', args: [nowMs] },
    { sql: 'INSERT INTO kiosk_nonces (kiosk_id, nonce, expires_at_ms) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', args: [kioskId, nonce, expiresAtMs] },
  ], 'write');
  return results[1]?.rowsAffected === 1;
}

