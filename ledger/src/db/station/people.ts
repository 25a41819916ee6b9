// Reads and writes of people (personal data only as ciphertext and keyed hashes) and family links.

import type { InArgs, InStatement } from '@libsql/client';
import { and, asc, count, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { familyLinks, kioskWrites, people } from '../schema/station.ts';

export type PersonRow = typeof people.$inferSelect;
export type FamilyLinkRow = typeof familyLinks.$inferSelect;
export type KioskWriteRow = typeof kioskWrites.$inferSelect;

/** Inserts a person, and the stored outcome of the kiosk write that registered them when there is one, in one batch. */
export async function insertPerson(database: Database, row: PersonRow, kioskWrite?: KioskWriteRow): Promise<void> {
  if (kioskWrite) await database.db.batch([database.db.insert(people).values(row), database.db.insert(kioskWrites).values(kioskWrite)]);
  else await database.db.insert(people).values(row);
}

/** The insert of a person as a statement, for the ledger engine to write in the same batch as its transaction. */
export function insertPersonStatement(database: Pick<Database, 'db'>, row: PersonRow): InStatement {
  const query = database.db.insert(people).values(row).toSQL();
  return { sql: query.sql, args: query.params as InArgs };
}

export async function findPersonById(database: Database, personId: string): Promise<PersonRow | undefined> {
  return (await database.db.select().from(people).where(eq(people.id, personId)).limit(1))[0];
}

export async function findPersonByIdNumberHash(database: Database, idNumberHash: string): Promise<PersonRow | undefined> {
  return (await database.db.select().from(people).where(eq(people.idNumberHash, idNumberHash)).limit(1))[0];
}

export async function findPersonByVolunteerNo(database: Database, volunteerNo: string): Promise<PersonRow | undefined> {
  return (await database.db.select().from(people).where(eq(people.volunteerNo, volunteerNo)).limit(1))[0];
}

/** Several people may share a phone (a household); the caller decides what an ambiguous match means. */
export async function findPeopleByPhoneHash(database: Database, phoneHash: string, limit: number): Promise<PersonRow[]> {
  return database.db.select().from(people).where(eq(people.phoneHash, phoneHash)).limit(limit);
}

/** Sets or clears a person's work unit (双报到); the only field of a person that changes after registration. */
export async function updatePersonWorkUnit(database: Database, personId: string, workUnit: string | null): Promise<void> {
  await database.db.update(people).set({ workUnit }).where(eq(people.id, personId));
}

export async function listPeople(database: Database, stationIds: readonly string[], afterId: string, limit: number): Promise<PersonRow[]> {
  if (stationIds.length === 0) return [];
  return database.db.select().from(people).where(and(inArray(people.stationId, [...stationIds]), gt(people.id, afterId))).orderBy(asc(people.id)).limit(limit);
}

/** People of the stations whose masked name starts with `prefix` (a surname: the masked name keeps the first character). */
export async function findPeopleByNamePrefix(database: Database, stationIds: readonly string[], prefix: string, limit: number): Promise<PersonRow[]> {
  if (stationIds.length === 0) return [];
  const pattern = `${prefix.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  return database.db.select().from(people)
    .where(and(inArray(people.stationId, [...stationIds]), sql`${people.displayName} LIKE ${pattern} ESCAPE '\\'`))
    .orderBy(asc(people.displayName), asc(people.id)).limit(limit);
}

export async function countPeople(database: Database): Promise<number> {
  return (await database.db.select({ value: count() }).from(people))[0]?.value ?? 0;
}

export async function findKioskWrite(database: Database, id: string): Promise<KioskWriteRow | undefined> {
  return (await database.db.select().from(kioskWrites).where(eq(kioskWrites.id, id)).limit(1))[0];
}

export async function insertKioskWrite(database: Database, row: KioskWriteRow): Promise<void> {
  await database.db.insert(kioskWrites).values(row);
}

/** The highest kioskSeq this service recorded for the kiosk (registrations), 0 when none. */
export async function lastKioskWriteSeq(database: Database, kioskId: string): Promise<number> {
  const rows = await database.db.select({ kioskSeq: kioskWrites.kioskSeq }).from(kioskWrites).where(eq(kioskWrites.kioskId, kioskId));
  return rows.reduce((max, row) => Math.max(max, row.kioskSeq), 0);
}

export async function insertFamilyLink(database: Database, row: FamilyLinkRow, reverse: FamilyLinkRow): Promise<void> {
  await database.db.batch([database.db.insert(familyLinks).values(row), database.db.insert(familyLinks).values(reverse)]);
}

export async function listFamilyLinks(database: Database, personId: string): Promise<FamilyLinkRow[]> {
  return database.db.select().from(familyLinks).where(or(eq(familyLinks.personId, personId))).orderBy(asc(familyLinks.createdAtMs));
}
