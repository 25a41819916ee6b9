// The forgotten check-out sweep (rule 6): closes every attendance still open after its deadline with 0 credit and
// queues it for approval. Run every minute by the Node server, by the Worker's `scheduled`, and by a staff route.

import type { InStatement } from '@libsql/client';
import { clipToWindow } from '../../../../domain/crediting.ts';
import { decideForgottenCheckOut } from '../../../../domain/forgotten-check-out.ts';
import { hashRequest } from '../../core/canonical.ts';
import type { Plan } from '../../core/transaction.ts';
import type { Database } from '../../db/client.ts';
import { findAttendance, insertClosureStatement, listOpenAttendancesBefore, type AttendanceRow } from '../../db/operations/attendance-store.ts';
import type { Ledger } from '../../db/ledger/ledger.ts';
import type { LedgerReader, Unit } from '../../db/ledger/unit.ts';
import { findActivity, type ActivityRow } from '../../db/station/catalogue.ts';
import { rulesOfActivity } from './activity-rules.ts';
import { attendanceConflictKey } from './check-in.ts';

/** Open attendances one sweep looks at; the next minute's sweep takes the rest. */
export const sweepAttendancesMax = 1_000;

export type SweepResult = { checked: number; closed: number };

/** Closes overdue open attendances as of `nowMs`. Idempotent: each closure's id is derived from its attendance. */
export async function sweepForgottenCheckOuts(deps: { ledger: Ledger; database: Database }, nowMs: number): Promise<SweepResult> {
  const open = await listOpenAttendancesBefore(deps.database.db, nowMs, sweepAttendancesMax);
  const activities = new Map<string, ActivityRow | undefined>();
  const closing: Promise<unknown>[] = [];
  for (const attendance of open) {
    if (!activities.has(attendance.activityId)) activities.set(attendance.activityId, await findActivity(deps.database, attendance.activityId));
    const activity = activities.get(attendance.activityId);
    if (!activity) continue;
    const decided = decideForgottenCheckOut(attendance.checkedInAtMs, nowMs, rulesOfActivity(activity));
    if (!decided.close) continue;
    closing.push(deps.ledger.submit(forgottenCheckOutUnit(attendance, activity, decided.closedAtMs, nowMs)));
  }
  const outcomes = await Promise.all(closing);
  return { checked: open.length, closed: outcomes.filter((outcome) => (outcome as { status: string }).status === 'created').length };
}

export function forgottenCheckOutUnit(attendance: AttendanceRow, activity: ActivityRow, closedAtMs: number, nowMs: number): Unit<{ db: LedgerReader['db']; closed: boolean }> {
  const id = `forgotten-${attendance.id}`;
  const base = { kind: 'forgotten_check_out', stationId: attendance.stationId, occurredAtMs: closedAtMs };
  return {
    id,
    requestHash: hashRequest({ kind: 'forgotten_check_out', attendanceId: attendance.id, closedAtMs }),
    conflictKeys: [attendanceConflictKey(attendance.personId, attendance.activityId)],
    load: async (reader) => ({ db: reader.db, closed: (await findAttendance(reader.db, attendance.id))?.closure != null }),
    plan: (loaded): Plan<InStatement> => {
      if (loaded.closed) return { reject: 'attendance_already_closed', ...base };
      return {
        ...base, mode: 'authorize', transfers: [], metadata: { attendanceId: attendance.id, personId: attendance.personId, activityId: attendance.activityId },
        extraStatements: [insertClosureStatement(loaded.db, {
          attendanceId: attendance.id, transactionId: id, reason: 'forgotten', closedAtMs, rawMinutes: clipToWindow(attendance.checkedInAtMs, closedAtMs, rulesOfActivity(activity)),
          decidedMinutes: 0, decidedPoints: 0, pending: 1, notes: '[]', recordedAtMs: nowMs,
        })],
        respond: ({ ledgerSeq }) => ({ attendanceId: attendance.id, ledgerSeq, closedAt: new Date(closedAtMs).toISOString(), minutes: 0 }),
      };
    },
  };
}
