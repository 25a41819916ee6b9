// The ledger unit of one person's year-end points expiry (rule 13): reads the points earned since the closing year's
// start inside the writer, expires the rest of the main points balance to `system:expiry`. Its id is derived from
// (year, person), so a second run replays the stored outcome instead of expiring twice.

import type { InStatement } from '@libsql/client';
import { createIdGenerator } from '../../../../domain/ids.ts';
import { pointsToExpire } from '../../../../domain/points.ts';
import { accountKey, personAccount, systemAccount } from '../../core/accounts.ts';
import { hashRequest } from '../../core/canonical.ts';
import type { Plan } from '../../core/transaction.ts';
import { readEarnedPoints } from '../../db/operations/points-expiry.ts';
import type { Unit } from '../../db/ledger/unit.ts';
import { yearStartMs } from './expiry-rules.ts';

export type PointsExpiryRequest = { year: number; personId: string; stationId: string; actorId?: string; nowMs: number };
type Loaded = { earnedPoints: number };

/** Stored as the rejection when the balance no longer holds older points by the time the unit is planned. */
export const nothingToExpireCode = 'points_expiry_nothing_due';

/**
 * The transaction id of (year, person): a valid time-ordered id whose time is the end of the closing year and whose
 * random part is the first 10 bytes of SHA-256("points-expiry:year:personId").
 */
export async function pointsExpiryTransactionId(year: number, personId: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`points-expiry:${year}:${personId}`)));
  return createIdGenerator(() => yearStartMs(year + 1), () => digest.slice(0, 10))();
}

export function pointsExpiryUnit(id: string, request: PointsExpiryRequest): Unit<Loaded> {
  const main = personAccount(request.personId);
  return {
    id,
    // The amount depends on when the unit runs, so it is not part of the request: a later re-run replays.
    requestHash: hashRequest({ pointsExpiry: { year: request.year, personId: request.personId } }),
    // Every unit that credits a person carries this key, so no credit shares a group the earnings read cannot see.
    conflictKeys: [`person:${request.personId}`],
    accounts: [{ account: main, asset: 'points' }],
    load: async (reader) => ({ earnedPoints: await readEarnedPoints(reader.client, { personId: request.personId, yearStartMs: yearStartMs(request.year) }) }),
    plan: (loaded, view) => planPointsExpiry(request, loaded.earnedPoints, view.balance(main, 'points')),
  };
}

/** Pure: the expiry transaction, or the stored refusal when nothing is due any more. */
export function planPointsExpiry(request: PointsExpiryRequest, earnedPoints: number, balancePoints: number): Plan<InStatement> {
  const base = { kind: 'points_expiry', stationId: request.stationId, occurredAtMs: request.nowMs, ...(request.actorId !== undefined && { actorId: request.actorId }) };
  const points = pointsToExpire({ enabled: true, balancePoints, earnedInClosingYearPoints: Math.max(0, earnedPoints) });
  if (points === 0) return { reject: nothingToExpireCode, response: { code: nothingToExpireCode }, ...base };
  const main = personAccount(request.personId);
  return {
    ...base,
    mode: 'authorize',
    transfers: [{ from: main, to: systemAccount('expiry'), asset: 'points', amount: points }],
    memo: `积分过期：${request.year - 1}年及以前获得、未使用的积分`,
    metadata: { personId: request.personId, year: request.year, points, balanceBeforePoints: balancePoints, earnedSinceYearStartPoints: earnedPoints },
    respond: ({ transactionId, ledgerSeq, balancesAfter }) => ({
      pointsExpiry: { id: transactionId, ledgerSeq, personId: request.personId, year: request.year, points },
      balances: { points: balancesAfter[accountKey(main, 'points')] ?? balancePoints - points },
    }),
  };
}
