// Storage of attendance: the reads a check-in/check-out unit makes inside the ledger writer (so it sees every
// earlier commit), and the insert statements it hands the engine to write in the same batch as its transaction.

import type { InArgs, InStatement } from '@libsql/client';
import { and, asc, count, desc, eq, isNull, sql, sum } from 'drizzle-orm';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import { approvalDecisions, attendanceClosures, attendanceCredits, attendances } from '../schema/attendance.ts';
import { transactions } from '../schema/ledger.ts';

type Db = LibSQLDatabase<Record<string, unknown>>;
export type AttendanceRow = typeof attendances.$inferSelect;
export type ClosureRow = typeof attendanceClosures.$inferSelect;
export type DecisionRow = typeof approvalDecisions.$inferSelect;
export type CreditRow = typeof attendanceCredits.$inferSelect;

/** The open attendance (checked in, not closed) of a person at an activity, if any. */
export async function findOpenAttendance(db: Db, personId: string, activityId: string): Promise<AttendanceRow | undefined> {
  const rows = await db.select({ attendance: attendances }).from(attendances)
    .leftJoin(attendanceClosures, eq(attendanceClosures.attendanceId, attendances.id))
    .where(and(eq(attendances.personId, personId), eq(attendances.activityId, activityId), isNull(attendanceClosures.attendanceId)))
    .orderBy(asc(attendances.checkedInAtMs)).limit(1);
  return rows[0]?.attendance;
}

/** Every open attendance of a person (for identify), oldest first. */
export async function listOpenAttendancesOfPerson(db: Db, personId: string, limit: number): Promise<AttendanceRow[]> {
  const rows = await db.select({ attendance: attendances }).from(attendances)
    .leftJoin(attendanceClosures, eq(attendanceClosures.attendanceId, attendances.id))
    .where(and(eq(attendances.personId, personId), isNull(attendanceClosures.attendanceId)))
    .orderBy(asc(attendances.checkedInAtMs)).limit(limit);
  return rows.map((row) => row.attendance);
}

/** Open attendances checked in at or before `checkedInBeforeMs`, oldest first (candidates for the sweep). */
export async function listOpenAttendancesBefore(db: Db, checkedInBeforeMs: number, limit: number): Promise<AttendanceRow[]> {
  const rows = await db.select({ attendance: attendances }).from(attendances)
    .leftJoin(attendanceClosures, eq(attendanceClosures.attendanceId, attendances.id))
    .where(and(isNull(attendanceClosures.attendanceId), sql`${attendances.checkedInAtMs} <= ${checkedInBeforeMs}`))
    .orderBy(asc(attendances.checkedInAtMs)).limit(limit);
  return rows.map((row) => row.attendance);
}

export async function findAttendance(db: Db, attendanceId: string): Promise<{ attendance: AttendanceRow; closure: ClosureRow | null; decision: DecisionRow | null } | undefined> {
  const rows = await db.select().from(attendances)
    .leftJoin(attendanceClosures, eq(attendanceClosures.attendanceId, attendances.id))
    .leftJoin(approvalDecisions, eq(approvalDecisions.attendanceId, attendances.id))
    .where(eq(attendances.id, attendanceId)).limit(1);
  const row = rows[0];
  return row ? { attendance: row.attendances, closure: row.attendance_closures, decision: row.approval_decisions } : undefined;
}

/** Check-ins of a person at an activity on a business date (rule 5). */
export async function countCheckInsOn(db: Db, personId: string, activityId: string, businessDate: string): Promise<number> {
  const rows = await db.select({ value: count() }).from(attendances)
    .where(and(eq(attendances.personId, personId), eq(attendances.activityId, activityId), eq(attendances.businessDate, businessDate)));
  return rows[0]?.value ?? 0;
}

/** Points already credited to a person for service on a business date (rule 8 daily cap); reversed credits do not count. */
export async function sumPointsCreditedOn(db: Db, personId: string, businessDate: string): Promise<number> {
  const rows = await db.select({ value: sum(attendanceCredits.points) }).from(attendanceCredits)
    .where(and(eq(attendanceCredits.personId, personId), eq(attendanceCredits.businessDate, businessDate), notReversed));
  return Number(rows[0]?.value ?? 0);
}

/** Minutes already credited to a person at an activity (the 补录 cap counts them); reversed credits do not count. */
/** The business date of the person's latest check-in at the activity, if they ever checked in there. */
export async function latestCheckInBusinessDate(db: Db, personId: string, activityId: string): Promise<string | undefined> {
  const rows = await db.select({ businessDate: attendances.businessDate }).from(attendances)
    .where(and(eq(attendances.personId, personId), eq(attendances.activityId, activityId)))
    .orderBy(desc(attendances.checkedInAtMs)).limit(1);
  return rows[0]?.businessDate;
}

export async function sumMinutesCreditedAt(db: Db, personId: string, activityId: string): Promise<number> {
  const rows = await db.select({ value: sum(attendanceCredits.minutes) }).from(attendanceCredits)
    .where(and(eq(attendanceCredits.personId, personId), eq(attendanceCredits.activityId, activityId), notReversed));
  return Number(rows[0]?.value ?? 0);
}

/** A credit whose transaction a posted reversal (冲正) mirrors no longer counts toward any cap. */
export const notReversed = sql`NOT EXISTS (SELECT 1 FROM ${transactions} WHERE ${transactions.reversesId} = ${attendanceCredits.transactionId} AND ${transactions.status} = 'posted')`;

/** Closures awaiting a manager at the given stations, oldest first. */
export async function listPendingApprovals(db: Db, stationIds: readonly string[], limit: number): Promise<{ attendance: AttendanceRow; closure: ClosureRow }[]> {
  if (stationIds.length === 0) return [];
  const rows = await db.select().from(attendanceClosures)
    .innerJoin(attendances, eq(attendances.id, attendanceClosures.attendanceId))
    .leftJoin(approvalDecisions, eq(approvalDecisions.attendanceId, attendanceClosures.attendanceId))
    .where(and(eq(attendanceClosures.pending, 1), isNull(approvalDecisions.attendanceId), sql`${attendances.stationId} IN (${sql.join(stationIds.map((id) => sql`${id}`), sql`, `)})`))
    .orderBy(asc(attendanceClosures.closedAtMs)).limit(limit);
  return rows.map((row) => ({ attendance: row.attendances, closure: row.attendance_closures }));
}

export function insertAttendanceStatement(db: Db, row: AttendanceRow): InStatement {
  return toStatement(db.insert(attendances).values(row).toSQL());
}

export function insertClosureStatement(db: Db, row: ClosureRow): InStatement {
  return toStatement(db.insert(attendanceClosures).values(row).toSQL());
}

export function insertDecisionStatement(db: Db, row: DecisionRow): InStatement {
  return toStatement(db.insert(approvalDecisions).values(row).toSQL());
}

export function insertCreditStatement(db: Db, row: CreditRow): InStatement {
  return toStatement(db.insert(attendanceCredits).values(row).toSQL());
}

function toStatement(query: { sql: string; params: unknown[] }): InStatement {
  return { sql: query.sql, args: query.params as InArgs };
}
