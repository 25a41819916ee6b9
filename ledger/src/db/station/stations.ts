// Reads and writes of the region hierarchy (district > street > community) and stations.

import { eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { regions, stations } from '../schema/station.ts';

export type RegionLevel = 'district' | 'street' | 'community';
export type Region = { id: string; level: RegionLevel; name: string; parentId: string | null };
export type StationRow = typeof stations.$inferSelect;
/** A station with the ids of every region above it, for scope checks. */
export type StationPlace = StationRow & { regionIds: string[] };

export async function insertRegion(database: Database, region: Region): Promise<void> {
  await database.db.insert(regions).values(region);
}

export async function insertStation(database: Database, station: StationRow): Promise<void> {
  await database.db.insert(stations).values(station);
}

export async function findStation(database: Database, stationId: string): Promise<StationRow | undefined> {
  const rows = await database.db.select().from(stations).where(eq(stations.id, stationId)).limit(1);
  return rows[0];
}

export async function listRegions(database: Database): Promise<Region[]> {
  return database.db.select().from(regions);
}

/** Every station with its community, street and district ids (the hierarchy is small: one city at most). */
export async function listStationPlaces(database: Database): Promise<StationPlace[]> {
  const [allRegions, allStations] = await Promise.all([listRegions(database), database.db.select().from(stations).orderBy(stations.name)]);
  const byId = new Map(allRegions.map((region) => [region.id, region]));
  return allStations.map((station) => {
    const regionIds: string[] = [];
    let current = byId.get(station.communityId);
    for (let depth = 0; current && depth < 3; depth++) {
      regionIds.push(current.id);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
    return { ...station, regionIds };
  });
}
