// Points arithmetic (rules 8 and 13): prorated points per credited minute, the daily cap, year-end expiry.
// Pure; all amounts are whole points.

import { assert } from './assert.ts';

/**
 * Points for `creditedMinutes`: floor(pointsPerHour × minutes / 60), plus `bonusPoints` when at least one
 * minute is credited. Asserts non-negative integers.
 */
export function pointsForMinutes(creditedMinutes: number, pointsPerHour: number, bonusPoints = 0): number {
  assert([creditedMinutes, pointsPerHour, bonusPoints].every((n) => Number.isSafeInteger(n) && n >= 0), 'bad points input');
  if (creditedMinutes === 0) return 0;
  return Math.floor((pointsPerHour * creditedMinutes) / 60) + bonusPoints;
}

/**
 * The part of `earnedPoints` that fits under the person's daily cap, given what was already credited that
 * business date. A null cap means no cap. Never negative, even when the cap was lowered below today's total.
 */
export function capDailyPoints(earnedPoints: number, creditedTodayPoints: number, dailyCapPoints: number | null): number {
  if (dailyCapPoints === null) return earnedPoints;
  assert(Number.isSafeInteger(dailyCapPoints) && dailyCapPoints >= 0, 'bad daily cap');
  return Math.min(earnedPoints, Math.max(0, dailyCapPoints - creditedTodayPoints));
}

export type PointsExpiryInput = {
  /** Station setting; the rule is off by default. */
  readonly enabled: boolean;
  /** The person's points balance at the close of the year. */
  readonly balancePoints: number;
  /** Points the person earned during the closing year. */
  readonly earnedInClosingYearPoints: number;
};

/**
 * Points to move to the expiry account at the end of a year (rule 13): whatever is left from earlier years.
 * Spending uses the oldest points first, so the balance is made of this year's earnings first and only the
 * excess is older; with the rule running every year that excess is exactly the unspent points of last year.
 * 0 when the rule is off or the balance is not above this year's earnings.
 */
export function pointsToExpire(input: PointsExpiryInput): number {
  if (!input.enabled) return 0;
  assert(Number.isSafeInteger(input.balancePoints) && input.balancePoints >= 0, 'bad balance');
  assert(Number.isSafeInteger(input.earnedInClosingYearPoints) && input.earnedInClosingYearPoints >= 0, 'bad earnings');
  return Math.max(0, input.balancePoints - input.earnedInClosingYearPoints);
}
