// The check-in unit (design.md §5 POST /check-ins): a value-free ledger transaction that opens an attendance.
// Rules come from domain/check-in.ts; the attendance row is written in the same batch as the transaction.

import type { InStatement } from '@libsql/client';
import { businessDateOf } from '../../../../domain/business-date.ts';
import { decideCheckIn } from '../../../../domain/check-in.ts';
import { countCheckInsOn, findOpenAttendance, insertAttendanceStatement } from '../../db/operations/attendance-store.ts';
import type { Plan } from '../../core/transaction.ts';
import type { LedgerReader, Unit } from '../../db/ledger/unit.ts';
import type { Database } from '../../db/client.ts';
import { findActivity, type ActivityRow } from '../../db/station/catalogue.ts';
import { findPersonById, type PersonRow } from '../../db/station/people.ts';
import { findStation } from '../../db/station/stations.ts';
import { kioskFieldsOf, type KioskWrite } from '../kiosk-write.ts';
import { buildReceipt, formatShanghaiTime } from '../receipts.ts';
import { rulesOfActivity } from './activity-rules.ts';

type Db = LedgerReader['db'];

export type AttendanceRequest = { personId: string; activityId: string };
export type AttendanceSubject = { person: PersonRow | undefined; activity: ActivityRow | undefined; stationName: string; origin: string };

/** Units on one person's attendance at one activity never share a commit group: no double check-in or check-out. */
export function attendanceConflictKey(personId: string, activityId: string): string {
  return `attendance:${personId}:${activityId}`;
}

export function checkInUnit(write: KioskWrite<AttendanceRequest>, subject: AttendanceSubject): Unit<{ hasOpen: boolean; pairsToday: number; db: Db }> {
  const { personId, activityId } = write.fields;
  const businessDate = businessDateOf(write.effectiveAtMs);
  const kiosk = kioskFieldsOf(write, 'check_in');
  const activity = subject.activity?.stationId === write.kiosk.stationId ? subject.activity : undefined;
  return {
    id: write.id,
    requestHash: write.requestHash,
    ...(write.nonce && { nonce: write.nonce }),
    conflictKeys: [attendanceConflictKey(personId, activityId)],
    load: async (reader) => ({
      db: reader.db,
      hasOpen: (await findOpenAttendance(reader.db, personId, activityId)) !== undefined,
      pairsToday: await countCheckInsOn(reader.db, personId, activityId, businessDate),
    }),
    plan: (loaded): Plan<InStatement> => {
      if (!subject.person) return { reject: 'person_not_found', ...kiosk };
      if (!activity) return { reject: 'activity_not_found', ...kiosk };
      const decided = decideCheckIn({ nowMs: write.effectiveAtMs, activity: rulesOfActivity(activity), hasOpenAttendance: loaded.hasOpen, pairsTodayCount: loaded.pairsToday });
      if (!decided.ok) return { reject: decided.code, response: decided.detail === undefined ? { code: decided.code } : { code: decided.code, detail: decided.detail }, ...kiosk };
      const person = subject.person;
      const row = { id: write.id, personId, activityId, stationId: activity.stationId, businessDate, checkedInAtMs: decided.value.checkedInAtMs, kioskId: write.kiosk.id, recordedAtMs: write.receivedAtMs };
      return {
        ...kiosk, mode: 'authorize', transfers: [], metadata: { personId, activityId, attendanceId: write.id },
        extraStatements: [insertAttendanceStatement(loaded.db, row)],
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

/** Looks up what a check-in or check-out names; missing parts become stored `*_not_found` rejections in the plan. */
export async function loadAttendanceSubject(database: Database, write: KioskWrite<AttendanceRequest>, origin: string): Promise<AttendanceSubject> {
  const [person, activity, station] = await Promise.all([
    findPersonById(database, write.fields.personId), findActivity(database, write.fields.activityId), findStation(database, write.kiosk.stationId),
  ]);
  return { person, activity, stationName: station?.name ?? '', origin };
}
