// Manager decisions on queued attendances (rules 6, 7): approve with the decided or a chosen number of minutes (at
// most the scheduled length), or reject. A ledger unit each, so a decision is chained and made at most once.

import type { InStatement } from '@libsql/client';
import { scheduledMinutes } from '../../../../domain/activity.ts';
import { decideSupplementaryMinutes } from '../../../../domain/forgotten-check-out.ts';
import { capDailyPoints, pointsForMinutes } from '../../../../domain/points.ts';
import { accountKey, personAccount } from '../../core/accounts.ts';
import type { Plan } from '../../core/transaction.ts';
import { findAttendance, insertCreditStatement, insertDecisionStatement, sumPointsCreditedOn, type AttendanceRow } from '../../db/operations/attendance-store.ts';
import type { LedgerReader, Unit } from '../../db/ledger/unit.ts';
import type { ActivityRow } from '../../db/station/catalogue.ts';
import { readStationSettings } from '../../db/station/station-settings.ts';
import { rulesOfActivity } from './activity-rules.ts';
import { attendanceConflictKey } from './check-in.ts';
import { planCreditTransfers, storageCapMemo } from './credit-transfers.ts';

export type ApprovalRequest = {
  id: string;
  requestHash: Uint8Array;
  staffId: string;
  decision: 'approve' | 'reject';
  minutes?: number;
  reason?: string;
  nowMs: number;
  attendance: AttendanceRow;
  activity: ActivityRow;
};

type Loaded = { db: LedgerReader['db']; found: Awaited<ReturnType<typeof findAttendance>>; pointsToday: number; storageCapMinutes: number };

export function approvalUnit(request: ApprovalRequest): Unit<Loaded> {
  const { attendance, activity } = request;
  const main = personAccount(attendance.personId);
  const base = { stationId: attendance.stationId, actorId: request.staffId, occurredAtMs: request.nowMs };
  return {
    id: request.id,
    requestHash: request.requestHash,
    conflictKeys: [attendanceConflictKey(attendance.personId, attendance.activityId), `person:${attendance.personId}`],
    accounts: [{ account: main, asset: 'time' }, { account: main, asset: 'points' }],
    load: async (reader) => ({
      db: reader.db, found: await findAttendance(reader.db, attendance.id), pointsToday: await sumPointsCreditedOn(reader.db, attendance.personId, attendance.businessDate),
      storageCapMinutes: (await readStationSettings(reader.client, attendance.stationId)).timeStorageCapMinutes,
    }),
    plan: (loaded, view): Plan<InStatement> => {
      const kind = request.decision === 'approve' ? 'attendance_approval' : 'attendance_rejection';
      const closure = loaded.found?.closure;
      if (!closure || closure.pending !== 1) return { reject: 'approval_not_found', kind, ...base };
      if (loaded.found?.decision) return { reject: 'approval_already_decided', kind, ...base };
      const decisionRow = { attendanceId: attendance.id, transactionId: request.id, staffId: request.staffId, reason: request.reason ?? null, decidedAtMs: request.nowMs };
      if (request.decision === 'reject') {
        return {
          kind, ...base, mode: 'authorize', transfers: [], metadata: { attendanceId: attendance.id, decision: 'rejected' },
          extraStatements: [insertDecisionStatement(loaded.db, { ...decisionRow, decision: 'rejected', minutes: 0, points: 0 })],
          respond: () => ({ approval: { id: attendance.id, decision: 'rejected', minutes: 0, points: 0 } }),
        };
      }
      const rules = rulesOfActivity(activity);
      const minutes = request.minutes ?? closure.decidedMinutes;
      if (request.minutes !== undefined || minutes > 0) {
        const allowed = decideSupplementaryMinutes({ requestedMinutes: minutes, scheduledMinutes: scheduledMinutes(rules), alreadyCreditedMinutes: 0 });
        if (!allowed.ok) return { reject: allowed.code, response: { code: allowed.code, ...(allowed.detail !== undefined && { detail: allowed.detail }) }, kind, ...base };
      }
      const points = capDailyPoints(pointsForMinutes(minutes, rules.pointsPerHour, rules.bonusPoints), loaded.pointsToday, activity.pointsDailyCapPoints);
      const before = { time: view.balance(main, 'time'), points: view.balance(main, 'points') };
      const credited = planCreditTransfers({ personId: attendance.personId, stationId: attendance.stationId, minutes, points, personTimeMinutes: before.time, storageCapMinutes: loaded.storageCapMinutes });
      const statements = [insertDecisionStatement(loaded.db, { ...decisionRow, decision: 'approved', minutes, points })];
      if (credited.transfers.length > 0) {
        statements.push(insertCreditStatement(loaded.db, {
          transactionId: request.id, attendanceId: attendance.id, personId: attendance.personId, activityId: attendance.activityId, stationId: attendance.stationId,
          businessDate: attendance.businessDate, source: 'approved', minutes, communityChestMinutes: credited.split.toCommunityChest, points, recordedAtMs: request.nowMs,
        }));
      }
      const memo = storageCapMemo(credited.split);
      return {
        kind, ...base, mode: 'authorize', transfers: credited.transfers, extraStatements: statements, ...(memo !== undefined && { memo }),
        metadata: { attendanceId: attendance.id, decision: 'approved', minutes, points },
        respond: ({ balancesAfter }) => ({
          approval: { id: attendance.id, decision: 'approved', minutes, points, communityChestMinutes: credited.split.toCommunityChest },
          balances: { time: balancesAfter[accountKey(main, 'time')] ?? before.time, points: balancesAfter[accountKey(main, 'points')] ?? before.points },
        }),
      };
    },
  };
}
