// Reads and writes of activities and the services catalogue.

import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { activities, services } from '../schema/station.ts';

export type ActivityRow = typeof activities.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;

export async function insertActivity(database: Database, row: ActivityRow): Promise<void> {
  await database.db.insert(activities).values(row);
}

export async function insertService(database: Database, row: ServiceRow): Promise<void> {
  await database.db.insert(services).values(row);
}

export async function findActivity(database: Database, activityId: string): Promise<ActivityRow | undefined> {
  return (await database.db.select().from(activities).where(eq(activities.id, activityId)).limit(1))[0];
}

export async function findService(database: Database, serviceId: string): Promise<ServiceRow | undefined> {
  return (await database.db.select().from(services).where(eq(services.id, serviceId)).limit(1))[0];
}

/** Activities of the stations that overlap [fromMs, toMs), by start time. */
export async function listActivities(database: Database, stationIds: readonly string[], fromMs: number, toMs: number, limit: number): Promise<ActivityRow[]> {
  if (stationIds.length === 0) return [];
  return database.db.select().from(activities)
    .where(and(inArray(activities.stationId, [...stationIds]), lt(activities.startsAtMs, toMs), gte(activities.endsAtMs, fromMs)))
    .orderBy(asc(activities.startsAtMs)).limit(limit);
}

export async function listServices(database: Database, stationIds: readonly string[], limit: number): Promise<ServiceRow[]> {
  if (stationIds.length === 0) return [];
  return database.db.select().from(services).where(inArray(services.stationId, [...stationIds])).orderBy(asc(services.name)).limit(limit);
}

/** Marks a service retired (a catalogue setting, not ledger data: the one update this table sees). */
export async function retireServiceRow(database: Database, serviceId: string): Promise<void> {
  await database.db.update(services).set({ status: 'retired' }).where(eq(services.id, serviceId));
}
