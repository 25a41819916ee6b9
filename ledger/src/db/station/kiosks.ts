// Reads and writes of kiosks: enrolment codes (hashed), public keys, revocation, heartbeats and nonces, and the
// cache of kiosk rows the signed-request check reads (see kioskCacheTtlMsOf for when it is on).

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

type KioskCache = { ttlMs: number; entries: Map<string, { row: KioskRow; expiresAtMs: number }> };
const kioskCaches = new WeakMap<Database, KioskCache>();
/** Rows kept per database; past this the cache starts over (a station has a handful of kiosks). */
const cachedKiosksMax = 10_000;

/**
 * How long a kiosk row may be served from memory. An embedded file (`protocol === 'file'`) is owned by this one
 * process, whose enrolments and revocations drop the entry at once: cache until then. A remote database may be
 * written by other processes (Worker isolates), whose revocations this one cannot see: no cache unless set.
 */
export function kioskCacheTtlMsOf(database: Database): number {
  return cacheOf(database).ttlMs;
}

/** Overrides the cache lifetime for this database (0 turns caching off; a few seconds bounds a revocation's delay). */
export function setKioskCacheTtlMs(database: Database, ttlMs: number): void {
  const cache = cacheOf(database);
  cache.ttlMs = ttlMs;
  cache.entries.clear();
}

/** The kiosk row for a signed request: from the cache when on, else one hand-built primary-key read. */
export async function findKioskForRequest(database: Database, kioskId: string, nowMs: number): Promise<KioskRow | undefined> {
  const cache = cacheOf(database);
  const cached = cache.entries.get(kioskId);
  if (cached && cached.expiresAtMs > nowMs) return cached.row;
  const result = await database.client.execute({
    sql: 'SELECT id, station_id, name, enrollment_code_hash, enrollment_expires_at_ms, enrolled_at_ms, public_key_jwk, revoked_at_ms, created_by, created_at_ms, last_heartbeat_at_ms, device_status FROM kiosks WHERE id = ?',
    args: [kioskId],
  });
  const found = result.rows[0];
  if (!found) return undefined;
  const text = (value: unknown) => (value === null ? null : String(value));
  const integer = (value: unknown) => (value === null ? null : Number(value));
  const row: KioskRow = {
    id: String(found.id), stationId: String(found.station_id), name: String(found.name), enrollmentCodeHash: String(found.enrollment_code_hash),
    enrollmentExpiresAtMs: Number(found.enrollment_expires_at_ms), enrolledAtMs: integer(found.enrolled_at_ms), publicKeyJwk: text(found.public_key_jwk),
    revokedAtMs: integer(found.revoked_at_ms), createdBy: String(found.created_by), createdAtMs: Number(found.created_at_ms),
    lastHeartbeatAtMs: integer(found.last_heartbeat_at_ms), deviceStatus: text(found.device_status),
  };
  if (cache.ttlMs > 0) {
    if (cache.entries.size >= cachedKiosksMax) cache.entries.clear();
    cache.entries.set(kioskId, { row, expiresAtMs: nowMs + cache.ttlMs });
  }
  return row;
}

function cacheOf(database: Database): KioskCache {
  let cache = kioskCaches.get(database);
  if (!cache) kioskCaches.set(database, (cache = { ttlMs: database.client.protocol === 'file' ? Number.POSITIVE_INFINITY : 0, entries: new Map() }));
  return cache;
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
  if (rows[0]) cacheOf(database).entries.delete(rows[0].id);
  return rows[0];
}

export async function revokeKiosk(database: Database, kioskId: string, nowMs: number): Promise<void> {
  await database.db.update(kiosks).set({ revokedAtMs: nowMs }).where(and(eq(kiosks.id, kioskId), isNull(kiosks.revokedAtMs)));
  cacheOf(database).entries.delete(kioskId);
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

