// The 双报到 report's reads: per work unit, the members registered at a station, their check-ins and the minutes and
// points credited to them (anywhere, reversed credits excluded) over business dates. Read-only, grouped in SQL.

import { and, between, count, eq, isNotNull, sum } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { attendanceCredits, attendances } from '../schema/attendance.ts';
import { people } from '../schema/station.ts';
import { notReversed } from './attendance-store.ts';

export type WorkUnitTotals = { workUnit: string; members: number; attendances: number; creditedMinutes: number; creditedPoints: number };

/** One row per work unit of the station's members, sorted by work unit; dates are inclusive `YYYY-MM-DD`. */
export async function readWorkUnitReport(database: Database, stationId: string, fromDate: string, toDate: string): Promise<WorkUnitTotals[]> {
  const members = and(eq(people.stationId, stationId), isNotNull(people.workUnit));
  const memberRows = await database.db.select({ workUnit: people.workUnit, value: count() }).from(people).where(members).groupBy(people.workUnit);
  const attendanceRows = await database.db.select({ workUnit: people.workUnit, value: count() }).from(attendances)
    .innerJoin(people, eq(people.id, attendances.personId))
    .where(and(members, between(attendances.businessDate, fromDate, toDate))).groupBy(people.workUnit);
  const creditRows = await database.db.select({ workUnit: people.workUnit, minutes: sum(attendanceCredits.minutes), points: sum(attendanceCredits.points) }).from(attendanceCredits)
    .innerJoin(people, eq(people.id, attendanceCredits.personId))
    .where(and(members, between(attendanceCredits.businessDate, fromDate, toDate), notReversed)).groupBy(people.workUnit);

  const byUnit = new Map<string, WorkUnitTotals>();
  const unit = (workUnit: string | null) => {
    const name = workUnit ?? '';
    const known = byUnit.get(name) ?? { workUnit: name, members: 0, attendances: 0, creditedMinutes: 0, creditedPoints: 0 };
    byUnit.set(name, known);
    return known;
  };
  for (const row of memberRows) unit(row.workUnit).members = row.value;
  for (const row of attendanceRows) unit(row.workUnit).attendances = row.value;
  for (const row of creditRows) Object.assign(unit(row.workUnit), { creditedMinutes: Number(row.minutes ?? 0), creditedPoints: Number(row.points ?? 0) });
  return [...byUnit.values()].sort((left, right) => left.workUnit.localeCompare(right.workUnit, 'zh-CN'));
}
