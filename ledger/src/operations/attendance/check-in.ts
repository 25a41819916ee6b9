// The check-in unit (design.md §5 POST /check-ins): a value-free ledger transaction that opens an attendance.
// Rules come from domain/check-in.ts; the attendance row is written in the same batch as the transaction.

import type { InStatement } from '@libsql/client';
import { businessDateOf } from '../../../../domain/business-date.ts';
import { decideCheckIn } from '../../../../domain/check-in.ts';
import type { Plan } from '../../core/transaction.ts';
import type { GroupRead, Unit } from '../../db/ledger/unit.ts';
import type { ActivityRow } from '../../db/station/catalogue.ts';
import { insertAttendanceSql, readCheckInGroup, type AttendanceInput, type CheckInRead, type SubjectPerson, type SubjectRows } from '../../db/operations/attendance-sql.ts';
import { kioskFieldsOf, type KioskWrite } from '../kiosk-write.ts';
import { buildReceipt, formatShanghaiTime } from '../receipts.ts';
import { rulesOfActivity } from './activity-rules.ts';

export type AttendanceRequest = { personId: string; activityId: string };
export type AttendanceSubject = { person: SubjectPerson | undefined; activity: ActivityRow | undefined; stationName: string; origin: string };

/** Units on one person's attendance at one activity never share a commit group: no double check-in or check-out. */
export function attendanceConflictKey(personId: string, activityId: string): string {
  return `attendance:${personId}:${activityId}`;
}

/** One statement per commit group reads every check-in's person, activity, station, open attendance and count. */
const checkInGroupRead: GroupRead = (reader, inputs) => readCheckInGroup(reader.client, inputs as AttendanceInput[]);

/** `source.origin` makes the receipt's verify URL; the person, activity and station are read inside the writer. */
export function checkInUnit(write: KioskWrite<AttendanceRequest>, source: { origin: string }): Unit<CheckInRead> {
  const { personId, activityId } = write.fields;
  const businessDate = businessDateOf(write.effectiveAtMs);
  const kiosk = kioskFieldsOf(write, 'check_in');
  return {
    id: write.id,
    requestHash: write.requestHash,
    conflictKeys: [attendanceConflictKey(personId, activityId)],
    prefetch: { read: checkInGroupRead, input: { personId, activityId, stationId: write.kiosk.stationId, businessDate } satisfies AttendanceInput },
    load: async (_reader, prefetched) => prefetched as CheckInRead,
    plan: (loaded): Plan<InStatement> => {
      const subject = subjectOf(loaded, write, source.origin);
      const activity = subject.activity;
      if (!subject.person) return { reject: 'person_not_found', ...kiosk };
      if (!activity) return { reject: 'activity_not_found', ...kiosk };
      const decided = decideCheckIn({ nowMs: write.effectiveAtMs, activity: rulesOfActivity(activity), hasOpenAttendance: loaded.hasOpen, pairsTodayCount: loaded.pairsToday, pairsPerDayMax: loaded.pairsPerDayMax });
      if (!decided.ok) return { reject: decided.code, response: decided.detail === undefined ? { code: decided.code } : { code: decided.code, detail: decided.detail }, ...kiosk };
      const person = subject.person;
      const row = { id: write.id, personId, activityId, stationId: activity.stationId, businessDate, checkedInAtMs: decided.value.checkedInAtMs, kioskId: write.kiosk.id, recordedAtMs: write.receivedAtMs };
      return {
        ...kiosk, mode: 'authorize', transfers: [], metadata: { personId, activityId, attendanceId: write.id },
        extraStatements: [insertAttendanceSql(row)],
        respond: ({ ledgerSeq }) => ({
          attendanceId: write.id,
          checkedInAt: new Date(row.checkedInAtMs).toISOString(),
          receipt: buildReceipt({
            kioskId: write.kiosk.id, kioskSeq: write.kioskSeq, ledgerSeq, kind: 'check_in', occurredAtMs: write.occurredAtMs, stationName: subject.stationName, origin: subject.origin,
            lines: ['签到成功', `活动：${activity.title}`, `志愿者：${person.displayName}（${person.volunteerNo}）`, `签到时间：${formatShanghaiTime(row.checkedInAtMs)}`],
          }),
        }),
      };
    },
  };
}

/** The subject as the plan sees it: an activity of another station counts as not found. */
export function subjectOf(rows: SubjectRows, write: KioskWrite<AttendanceRequest>, origin: string): AttendanceSubject {
  const activity = rows.activity?.stationId === write.kiosk.stationId ? rows.activity : undefined;
  return { person: rows.person, activity, stationName: rows.stationName ?? '', origin };
}
