// The check-out unit (design.md §5 POST /check-outs): closes the open attendance and credits it through
// domain/check-out.ts — at once for `auto` activities, on approval for `manager` ones and for forgotten check-outs.

import type { InStatement } from '@libsql/client';
import { businessDateOf } from '../../../../domain/business-date.ts';
import { decideCheckOut } from '../../../../domain/check-out.ts';
import { accountKey, personAccount } from '../../core/accounts.ts';
import type { Plan } from '../../core/transaction.ts';
import type { GroupRead, Unit } from '../../db/ledger/unit.ts';
import { kioskFieldsOf, type KioskWrite } from '../kiosk-write.ts';
import { balanceLines, buildReceipt, formatMinutes, formatShanghaiTime } from '../receipts.ts';
import { rulesOfActivity } from './activity-rules.ts';
import { attendanceConflictKey, subjectOf, type AttendanceRequest } from './check-in.ts';
import { insertClosureSql, insertCreditSql, readCheckOutGroup, type AttendanceInput, type CheckOutRead } from '../../db/operations/attendance-sql.ts';
import { planCreditTransfers, storageCapMemo } from './credit-transfers.ts';

/** One statement per commit group reads every check-out's person, activity, station, open attendance and points. */
const checkOutGroupRead: GroupRead = (reader, inputs) => readCheckOutGroup(reader.client, inputs as AttendanceInput[]);

/** `source.origin` makes the receipt's verify URL; the person, activity and station are read inside the writer. */
export function checkOutUnit(write: KioskWrite<AttendanceRequest>, source: { origin: string }): Unit<CheckOutRead> {
  const { personId, activityId } = write.fields;
  const kiosk = kioskFieldsOf(write, 'check_out');
  const main = personAccount(personId);
  const input: AttendanceInput = { personId, activityId, stationId: write.kiosk.stationId, businessDate: '' };
  return {
    id: write.id,
    requestHash: write.requestHash,
    conflictKeys: [attendanceConflictKey(personId, activityId), `person:${personId}`],
    accounts: [{ account: main, asset: 'time' }, { account: main, asset: 'points' }],
    prefetch: { read: checkOutGroupRead, input },
    load: async (_reader, prefetched) => prefetched as CheckOutRead,
    plan: (loaded, view): Plan<InStatement> => {
      const subject = subjectOf(loaded, write, source.origin);
      const { person, activity } = subject;
      if (!person) return { reject: 'person_not_found', ...kiosk };
      if (!activity) return { reject: 'activity_not_found', ...kiosk };
      const open = loaded.open;
      const decided = decideCheckOut({
        nowMs: write.effectiveAtMs, openAttendance: open ?? null, activity: rulesOfActivity(activity),
        pointsCreditedTodayPoints: loaded.pointsToday, pointsDailyCapPoints: activity.pointsDailyCapPoints,
      });
      if (!decided.ok || !open) return { reject: decided.ok ? 'not_checked_in' : decided.code, ...kiosk };
      const { credit, approval, checkedOutAtMs } = decided.value;
      const creditsNow = approval === 'none';
      const before = { time: view.balance(main, 'time'), points: view.balance(main, 'points') };
      const credited = planCreditTransfers({ personId, stationId: activity.stationId, minutes: creditsNow ? credit.creditedMinutes : 0, points: creditsNow ? credit.points : 0, personTimeMinutes: before.time, storageCapMinutes: loaded.timeStorageCapMinutes });
      const statements = [insertClosureSql({
        attendanceId: open.id, transactionId: write.id, reason: approval === 'forgotten' ? 'forgotten' : 'check_out', closedAtMs: checkedOutAtMs,
        rawMinutes: credit.rawMinutes, decidedMinutes: credit.creditedMinutes, decidedPoints: credit.points, pending: creditsNow ? 0 : 1,
        notes: JSON.stringify(credit.notes), recordedAtMs: write.receivedAtMs,
      })];
      if (credited.transfers.length > 0) {
        statements.push(insertCreditSql({
          transactionId: write.id, attendanceId: open.id, personId, activityId, stationId: activity.stationId, businessDate: open.businessDate, source: 'verified',
          minutes: credit.creditedMinutes, communityChestMinutes: credited.split.toCommunityChest, points: credit.points, recordedAtMs: write.receivedAtMs,
        }));
      }
      const memo = storageCapMemo(credited.split);
      return {
        ...kiosk, mode: 'authorize', transfers: credited.transfers, extraStatements: statements,
        ...(memo !== undefined && { memo }),
        metadata: { personId, activityId, attendanceId: open.id, approval, notes: [...credit.notes], communityChestMinutes: credited.split.toCommunityChest },
        respond: ({ ledgerSeq, balancesAfter }) => {
          const balances = {
            time: balancesAfter[accountKey(main, 'time')] ?? before.time,
            points: balancesAfter[accountKey(main, 'points')] ?? before.points,
          };
          const creditedNow = { time: credited.split.toPerson, points: credited.points };
          return {
            attendanceId: open.id, minutes: credit.creditedMinutes, credited: creditedNow, balances,
            pendingApproval: !creditsNow, approval, notes: [...credit.notes], communityChestMinutes: credited.split.toCommunityChest,
            checkedInAt: new Date(open.checkedInAtMs).toISOString(), checkedOutAt: new Date(checkedOutAtMs).toISOString(),
            receipt: buildReceipt({
              kioskId: write.kiosk.id, kioskSeq: write.kioskSeq, ledgerSeq, kind: 'check_out', occurredAtMs: write.occurredAtMs, stationName: subject.stationName, origin: subject.origin,
              lines: [
                '签退成功', `活动：${activity.title}`, `志愿者：${person.displayName}（${person.volunteerNo}）`,
                `签到：${formatShanghaiTime(open.checkedInAtMs)}  签退：${formatShanghaiTime(checkedOutAtMs)}`,
                `服务时长：${formatMinutes(credit.creditedMinutes)}`,
                ...creditLines(approval, creditedNow, credited.split.toCommunityChest),
                ...balanceLines(balances),
              ],
            }),
          };
        },
      };
    },
  };
}

function creditLines(approval: 'none' | 'manager' | 'forgotten', credited: { time: number; points: number }, chestMinutes: number): string[] {
  if (approval === 'manager') return ['本活动需站长审核，审核通过后入账'];
  if (approval === 'forgotten') return ['签退超时，已自动结束，时长待站长审核'];
  const lines = [`获得时间币：${formatMinutes(credited.time)}`, `获得积分：${credited.points} 分`];
  if (chestMinutes > 0) lines.push(`已达存储上限，${formatMinutes(chestMinutes)}转入公益池`);
  return lines;
}
