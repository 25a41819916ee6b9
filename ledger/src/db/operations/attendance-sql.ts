// Hand-built SQL of the check-in/check-out hot path: the group reads a unit makes inside the ledger writer and the rows
// it writes in the transaction's batch. No drizzle here (it costs ~45% on the hot path, reference/ledger.md §3.7);
// column names follow the drizzle schema's snake_case.

import type { Client, InStatement, Row } from '@libsql/client';
import { assert } from '../../../../domain/assert.ts';
import type { AttendanceRow, ClosureRow, CreditRow } from './attendance-store.ts';
import type { ActivityRow } from '../station/catalogue.ts';
import type { PersonRow } from '../station/people.ts';
import { effectiveRuleSetting } from '../station/station-settings.ts';

export type SubjectPerson = Pick<PersonRow, 'id' | 'displayName' | 'volunteerNo'>;
export type SubjectRows = { person: SubjectPerson | undefined; activity: ActivityRow | undefined; stationName: string | undefined };

/**
 * A group read's row, decoded from one `json_array(...)` column: @libsql/client builds each row value by value (two
 * defineProperty calls and a BigInt conversion each), which made a 30-column group read about 4× slower than SQLite
 * building the JSON and JSON.parse reading it. Positions follow the SELECT lists below.
 */
type Values = readonly unknown[];
const valuesOf = (row: Row): Values => JSON.parse(String(row[0])) as Values;

const activityColumns = 'a.id, a.station_id, a.title, a.kind, a.starts_at_ms, a.ends_at_ms, a.late_grace_minutes, a.rounding, a.min_attendance_ratio_percent, a.approval, a.points_per_hour, a.bonus_points, a.points_daily_cap_points, a.created_by, a.created_at_ms';
function activityFrom(row: Values, at: number): ActivityRow {
  const approval = row[at + 9];
  assert(approval === 'auto' || approval === 'manager', 'activities.approval read back is not auto|manager');
  const integer = (offset: number) => Number(row[at + offset]);
  return {
    id: String(row[at]), stationId: String(row[at + 1]), title: String(row[at + 2]), kind: String(row[at + 3]), startsAtMs: integer(4), endsAtMs: integer(5),
    lateGraceMinutes: integer(6), rounding: String(row[at + 7]), minAttendanceRatioPercent: integer(8), approval, pointsPerHour: integer(10),
    bonusPoints: integer(11), pointsDailyCapPoints: integer(12), createdBy: String(row[at + 13]), createdAtMs: integer(14),
  };
}

export type AttendanceInput = { personId: string; activityId: string; stationId: string; businessDate: string };
/** `timeStorageCapMinutes` and `pairsPerDayMax` are the kiosk station's settings (docs/station-settings.md), defaults filled in. */
export type CheckOutRead = SubjectRows & { open: AttendanceRow | undefined; pointsToday: number; timeStorageCapMinutes: number };
export type CheckInRead = SubjectRows & { hasOpen: boolean; pairsToday: number; pairsPerDayMax: number };

const subjectJoins = 'LEFT JOIN people p ON p.id = q.person_id LEFT JOIN activities a ON a.id = q.activity_id LEFT JOIN stations s ON s.id = q.station_id'
  + ' LEFT JOIN station_settings ss ON ss.station_id = q.station_id';
const inputRows = (inputs: readonly AttendanceInput[]) => ({
  values: inputs.map(() => '(?, ?, ?, ?, ?)').join(', '),
  args: inputs.flatMap((input, index) => [index, input.personId, input.activityId, input.stationId, input.businessDate]),
});

/**
 * The check-out group read (GroupRead, one statement per commit group): per input, the subject, the oldest open
 * attendance of the person at the activity, the points credited to the person on that attendance's business date and
 * the station's storage cap.
 */
export async function readCheckOutGroup(client: Client, inputs: readonly AttendanceInput[]): Promise<CheckOutRead[]> {
  const { values, args } = inputRows(inputs);
  const result = await client.execute({
    // The open attendance is looked up in the join's ON clause, once per input row. (A CTE of it joined back on
    // `i` was flattened by SQLite into a q × q scan: the lookup ran group-size² times.)
    sql: `WITH q(i, person_id, activity_id, station_id, business_date) AS (VALUES ${values})
      SELECT json_array(q.i, p.id, p.display_name, p.volunteer_no, ${activityColumns}, s.name,
        t.id, t.person_id, t.activity_id, t.station_id, t.business_date, t.checked_in_at_ms, t.kiosk_id, t.recorded_at_ms,
        (SELECT COALESCE(SUM(c.points), 0) FROM attendance_credits c WHERE c.person_id = t.person_id AND c.business_date = t.business_date
          AND NOT EXISTS (SELECT 1 FROM transactions r WHERE r.reverses_id = c.transaction_id AND r.status = 'posted')),
        ss.time_storage_cap_minutes)
      FROM q ${subjectJoins}
      LEFT JOIN attendances t ON t.id = (SELECT x.id FROM attendances x WHERE x.person_id = q.person_id AND x.activity_id = q.activity_id
        AND NOT EXISTS (SELECT 1 FROM attendance_closures z WHERE z.attendance_id = x.id) ORDER BY x.checked_in_at_ms LIMIT 1)`,
    args,
  });
  return inOrder(inputs.length, result.rows, (row) => {
    const open: AttendanceRow | undefined = row[20] === null ? undefined : {
      id: String(row[20]), personId: String(row[21]), activityId: String(row[22]), stationId: String(row[23]), businessDate: String(row[24]),
      checkedInAtMs: Number(row[25]), kioskId: row[26] === null ? null : String(row[26]), recordedAtMs: Number(row[27]),
    };
    return { ...subjectFrom(row, 1), open, pointsToday: open ? Number(row[28]) : 0, timeStorageCapMinutes: effectiveRuleSetting('timeStorageCapMinutes', row[29]) };
  });
}

/**
 * The check-in group read: per input, the subject, whether an attendance is open, check-ins on the business date and the
 * station's pairs per day.
 */
export async function readCheckInGroup(client: Client, inputs: readonly AttendanceInput[]): Promise<CheckInRead[]> {
  const { values, args } = inputRows(inputs);
  const result = await client.execute({
    sql: `WITH q(i, person_id, activity_id, station_id, business_date) AS (VALUES ${values})
      SELECT json_array(q.i, p.id, p.display_name, p.volunteer_no, ${activityColumns}, s.name,
        EXISTS (SELECT 1 FROM attendances x WHERE x.person_id = q.person_id AND x.activity_id = q.activity_id
          AND NOT EXISTS (SELECT 1 FROM attendance_closures z WHERE z.attendance_id = x.id)),
        (SELECT count(*) FROM attendances y WHERE y.person_id = q.person_id AND y.activity_id = q.activity_id AND y.business_date = q.business_date),
        ss.pairs_per_day_max)
      FROM q ${subjectJoins}`,
    args,
  });
  return inOrder(inputs.length, result.rows, (row) => ({
    ...subjectFrom(row, 1), hasOpen: Number(row[20]) === 1, pairsToday: Number(row[21]), pairsPerDayMax: effectiveRuleSetting('pairsPerDayMax', row[22]),
  }));
}

function inOrder<T>(count: number, rows: readonly Row[], map: (row: Values) => T): T[] {
  assert(rows.length === count, 'a group read returns one row per input');
  const outputs = new Array<T>(count);
  for (const row of rows) {
    const values = valuesOf(row);
    outputs[Number(values[0])] = map(values);
  }
  return outputs;
}

function subjectFrom(row: Values, at: number): SubjectRows {
  const person = row[at] === null ? undefined : { id: String(row[at]), displayName: String(row[at + 1]), volunteerNo: String(row[at + 2]) };
  return { person, activity: row[at + 3] === null ? undefined : activityFrom(row, at + 3), stationName: row[at + 18] === null ? undefined : String(row[at + 18]) };
}

export function insertAttendanceSql(row: AttendanceRow): InStatement {
  return {
    sql: 'INSERT INTO attendances (id, person_id, activity_id, station_id, business_date, checked_in_at_ms, kiosk_id, recorded_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    args: [row.id, row.personId, row.activityId, row.stationId, row.businessDate, row.checkedInAtMs, row.kioskId, row.recordedAtMs],
  };
}

export function insertClosureSql(row: ClosureRow): InStatement {
  return {
    sql: 'INSERT INTO attendance_closures (attendance_id, transaction_id, reason, closed_at_ms, raw_minutes, decided_minutes, decided_points, pending, notes, recorded_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    args: [row.attendanceId, row.transactionId, row.reason, row.closedAtMs, row.rawMinutes, row.decidedMinutes, row.decidedPoints, row.pending, row.notes, row.recordedAtMs],
  };
}

export function insertCreditSql(row: CreditRow): InStatement {
  return {
    sql: 'INSERT INTO attendance_credits (transaction_id, attendance_id, person_id, activity_id, station_id, business_date, source, minutes, community_chest_minutes, points, recorded_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    args: [row.transactionId, row.attendanceId, row.personId, row.activityId, row.stationId, row.businessDate, row.source, row.minutes, row.communityChestMinutes, row.points, row.recordedAtMs],
  };
}
