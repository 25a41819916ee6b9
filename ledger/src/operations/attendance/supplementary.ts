// Supplementary hours (补录, rule 7): minutes a manager adds by hand for a person at an activity, capped with what
// was already credited there at the activity's scheduled length. A ledger unit; the route audits every attempt.
// Dated like check-outs: the person's latest check-in business date at the activity, else the activity's start.

import type { InStatement } from '@libsql/client';
import { scheduledMinutes } from '../../../../domain/activity.ts';
import { businessDateOf } from '../../../../domain/business-date.ts';
import { decideSupplementaryMinutes } from '../../../../domain/forgotten-check-out.ts';
import { capDailyPoints, pointsForMinutes } from '../../../../domain/points.ts';
import { accountKey, personAccount } from '../../core/accounts.ts';
import type { Plan } from '../../core/transaction.ts';
import { insertCreditStatement, latestCheckInBusinessDate, sumMinutesCreditedAt, sumPointsCreditedOn } from '../../db/operations/attendance-store.ts';
import type { LedgerReader, Unit } from '../../db/ledger/unit.ts';
import type { ActivityRow } from '../../db/station/catalogue.ts';
import { readStationSettings } from '../../db/station/station-settings.ts';
import { rulesOfActivity } from './activity-rules.ts';
import { attendanceConflictKey } from './check-in.ts';
import { planCreditTransfers, storageCapMemo } from './credit-transfers.ts';

export type SupplementaryRequest = {
  id: string; requestHash: Uint8Array; staffId: string; personId: string; activity: ActivityRow; minutes: number; reason: string; nowMs: number;
};

type Loaded = { db: LedgerReader['db']; businessDate: string; alreadyMinutes: number; pointsToday: number; storageCapMinutes: number };

export function supplementaryUnit(request: SupplementaryRequest): Unit<Loaded> {
  const { activity, personId } = request;
  const main = personAccount(personId);
  const base = { kind: 'supplementary_credit', stationId: activity.stationId, actorId: request.staffId, occurredAtMs: request.nowMs };
  return {
    id: request.id,
    requestHash: request.requestHash,
    conflictKeys: [attendanceConflictKey(personId, activity.id), `person:${personId}`],
    accounts: [{ account: main, asset: 'time' }, { account: main, asset: 'points' }],
    load: async (reader) => {
      const businessDate = await latestCheckInBusinessDate(reader.db, personId, activity.id) ?? businessDateOf(activity.startsAtMs);
      return {
        db: reader.db, businessDate, alreadyMinutes: await sumMinutesCreditedAt(reader.db, personId, activity.id), pointsToday: await sumPointsCreditedOn(reader.db, personId, businessDate),
        storageCapMinutes: (await readStationSettings(reader.client, activity.stationId)).timeStorageCapMinutes,
      };
    },
    plan: (loaded, view): Plan<InStatement> => {
      const rules = rulesOfActivity(activity);
      const allowed = decideSupplementaryMinutes({ requestedMinutes: request.minutes, scheduledMinutes: scheduledMinutes(rules), alreadyCreditedMinutes: loaded.alreadyMinutes });
      if (!allowed.ok) return { reject: allowed.code, response: { code: allowed.code, ...(allowed.detail !== undefined && { detail: allowed.detail }) }, ...base };
      const minutes = allowed.value.minutes;
      const points = capDailyPoints(pointsForMinutes(minutes, rules.pointsPerHour, rules.bonusPoints), loaded.pointsToday, activity.pointsDailyCapPoints);
      const before = { time: view.balance(main, 'time'), points: view.balance(main, 'points') };
      const credited = planCreditTransfers({ personId, stationId: activity.stationId, minutes, points, personTimeMinutes: before.time, storageCapMinutes: loaded.storageCapMinutes });
      const memo = [`补录: ${request.reason}`, storageCapMemo(credited.split)].filter((part) => part !== undefined).join('; ');
      return {
        ...base, mode: 'authorize', transfers: credited.transfers, memo,
        metadata: { personId, activityId: activity.id, minutes, points, source: 'supplementary' },
        extraStatements: [insertCreditStatement(loaded.db, {
          transactionId: request.id, attendanceId: null, personId, activityId: activity.id, stationId: activity.stationId, businessDate: loaded.businessDate, source: 'supplementary',
          minutes, communityChestMinutes: credited.split.toCommunityChest, points, recordedAtMs: request.nowMs,
        })],
        respond: ({ ledgerSeq, balancesAfter }) => ({
          supplementary: { id: request.id, ledgerSeq, personId, activityId: activity.id, minutes, points, communityChestMinutes: credited.split.toCommunityChest },
          balances: { time: balancesAfter[accountKey(main, 'time')] ?? before.time, points: balancesAfter[accountKey(main, 'points')] ?? before.points },
        }),
      };
    },
  };
}
