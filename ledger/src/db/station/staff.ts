// Reads and writes of staff users, their stations, sessions and failed logins.

import { and, count, eq, gte, isNull, or } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { loginFailures, staff, staffSessions, staffStations } from '../schema/station.ts';

export type StaffRow = typeof staff.$inferSelect;
export type StaffRole = StaffRow['role'];
export type StaffWithStations = StaffRow & { stationIds: string[] };

/** Inserts a staff user and their stations in one batch. */
export async function insertStaff(database: Database, row: StaffRow, stationIds: readonly string[]): Promise<void> {
  const links = stationIds.map((stationId) => database.db.insert(staffStations).values({ staffId: row.id, stationId }));
  await database.db.batch([database.db.insert(staff).values(row), ...links]);
}

export async function findStaffByUsername(database: Database, username: string): Promise<StaffWithStations | undefined> {
  const rows = await database.db.select().from(staff).where(eq(staff.username, username)).limit(1);
  return rows[0] ? withStations(database, rows[0]) : undefined;
}

export async function findStaffById(database: Database, staffId: string): Promise<StaffWithStations | undefined> {
  const rows = await database.db.select().from(staff).where(eq(staff.id, staffId)).limit(1);
  return rows[0] ? withStations(database, rows[0]) : undefined;
}

export async function listStaff(database: Database): Promise<StaffWithStations[]> {
  const [rows, links] = await Promise.all([database.db.select().from(staff).orderBy(staff.username), database.db.select().from(staffStations)]);
  return rows.map((row) => ({ ...row, stationIds: links.filter((link) => link.staffId === row.id).map((link) => link.stationId) }));
}

export async function countStaff(database: Database): Promise<number> {
  const rows = await database.db.select({ value: count() }).from(staff);
  return rows[0]?.value ?? 0;
}

/** Replaces role, region and stations in one batch; ends the user's sessions so the new role applies at once. */
export async function updateStaffRole(database: Database, staffId: string, role: StaffRole, regionId: string | null, stationIds: readonly string[], nowMs: number): Promise<void> {
  const links = stationIds.map((stationId) => database.db.insert(staffStations).values({ staffId, stationId }));
  await database.db.batch([
    database.db.update(staff).set({ role, regionId }).where(eq(staff.id, staffId)),
    database.db.delete(staffStations).where(eq(staffStations.staffId, staffId)),
    ...links,
    database.db.update(staffSessions).set({ revokedAtMs: nowMs }).where(and(eq(staffSessions.staffId, staffId), isNull(staffSessions.revokedAtMs))),
  ]);
}

/** Replaces a password hash (the same password rehashed to the current format and work factor). */
export async function updateStaffPasswordHash(database: Database, staffId: string, passwordHash: string): Promise<void> {
  await database.db.update(staff).set({ passwordHash }).where(eq(staff.id, staffId));
}

export async function insertSession(database: Database, session: typeof staffSessions.$inferInsert): Promise<void> {
  await database.db.insert(staffSessions).values(session);
}

export async function findSession(database: Database, tokenHash: string): Promise<typeof staffSessions.$inferSelect | undefined> {
  const rows = await database.db.select().from(staffSessions).where(eq(staffSessions.tokenHash, tokenHash)).limit(1);
  return rows[0];
}

export async function touchSession(database: Database, tokenHash: string, nowMs: number): Promise<void> {
  await database.db.update(staffSessions).set({ lastSeenAtMs: nowMs }).where(eq(staffSessions.tokenHash, tokenHash));
}

export async function revokeSession(database: Database, tokenHash: string, nowMs: number): Promise<void> {
  await database.db.update(staffSessions).set({ revokedAtMs: nowMs }).where(eq(staffSessions.tokenHash, tokenHash));
}

export async function insertLoginFailure(database: Database, username: string, clientKey: string, atMs: number): Promise<void> {
  await database.db.insert(loginFailures).values({ username, clientKey, atMs });
}

/** Failures since `sinceMs` for the username, for the client, and for the pair. */
export async function countLoginFailures(database: Database, username: string, clientKey: string, sinceMs: number): Promise<{ username: number; client: number; pair: number }> {
  const rows = await database.db.select({ username: loginFailures.username, clientKey: loginFailures.clientKey }).from(loginFailures)
    .where(and(gte(loginFailures.atMs, sinceMs), or(eq(loginFailures.username, username), eq(loginFailures.clientKey, clientKey))));
  return {
    username: rows.filter((row) => row.username === username).length,
    client: rows.filter((row) => row.clientKey === clientKey).length,
    pair: rows.filter((row) => row.username === username && row.clientKey === clientKey).length,
  };
}

async function withStations(database: Database, row: StaffRow): Promise<StaffWithStations> {
  const links = await database.db.select().from(staffStations).where(eq(staffStations.staffId, row.id));
  return { ...row, stationIds: links.map((link) => link.stationId) };
}
