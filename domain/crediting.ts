// Credited minutes and points for one attendance (rules 2, 3, 4, 8), read top to bottom as the rules.
// Pure: the caller passes the times, the activity's settings and what the person was already credited today.

import { assert } from './assert.ts';
import { err, ok, type Result } from './result.ts';
import { scheduledMinutes, type ActivityRules } from './activity.ts';
import { roundMinutes } from './rounding.ts';
import { pointsForMinutes, capDailyPoints } from './points.ts';

export type CreditInput = {
  readonly checkedInAtMs: number;
  readonly checkedOutAtMs: number;
  readonly activity: ActivityRules;
  /** Points this person was already credited on the same business date (any activity). */
  readonly pointsCreditedTodayPoints: number;
  /** Station's daily points cap per person; null = no cap. */
  readonly pointsDailyCapPoints: number | null;
};

/** Why less than the raw time was credited; an empty list means the full rounded time was credited. */
export type CreditNote = 'below_minimum_attendance' | 'outside_window' | 'points_capped';

export type Credit = {
  /** Minutes inside the window (rule 2), before rounding. */
  readonly rawMinutes: number;
  /** Minutes of `time` to credit after the minimum-attendance rule and rounding. */
  readonly creditedMinutes: number;
  /** Points to credit after the daily cap. */
  readonly points: number;
  /** Points the daily cap withheld. */
  readonly pointsCapped: number;
  readonly notes: readonly CreditNote[];
};

export type CreditCode = 'check_out_before_check_in';

/**
 * Minutes between check-in and check-out that fall inside the activity window: early arrivals count from
 * the scheduled start, and time after the scheduled end counts only up to the late grace. Whole minutes,
 * rounded down; 0 when the attendance lies outside the window.
 */
export function clipToWindow(
  checkedInAtMs: number,
  checkedOutAtMs: number,
  activity: Pick<ActivityRules, 'startsAtMs' | 'endsAtMs' | 'lateGraceMinutes'>,
): number {
  const fromMs = Math.max(checkedInAtMs, activity.startsAtMs);
  const toMs = Math.min(checkedOutAtMs, activity.endsAtMs + activity.lateGraceMinutes * 60_000);
  return toMs > fromMs ? Math.floor((toMs - fromMs) / 60_000) : 0;
}

/**
 * Decides what one attendance credits. Rules in order: window (2), minimum attendance ratio (4, below it
 * nothing is credited), rounding (3), points per hour prorated and rounded down plus the bonus (8), the
 * person's daily points cap (8). Fails only with `check_out_before_check_in`.
 */
export function decideCredit(input: CreditInput): Result<Credit, CreditCode> {
  const { activity } = input;
  assert(Number.isSafeInteger(input.checkedInAtMs) && Number.isSafeInteger(input.checkedOutAtMs), 'times must be integer ms');
  assert(Number.isSafeInteger(input.pointsCreditedTodayPoints) && input.pointsCreditedTodayPoints >= 0, 'bad points today');
  if (input.checkedOutAtMs < input.checkedInAtMs) return err('check_out_before_check_in');

  const notes: CreditNote[] = [];
  const rawMinutes = clipToWindow(input.checkedInAtMs, input.checkedOutAtMs, activity);
  if (rawMinutes === 0) notes.push('outside_window');

  const percent = activity.minimumAttendancePercent;
  const belowMinimum = percent !== null && rawMinutes * 100 < percent * scheduledMinutes(activity);
  if (belowMinimum && rawMinutes > 0) notes.push('below_minimum_attendance');

  const creditedMinutes = belowMinimum ? 0 : roundMinutes(rawMinutes, activity.rounding);
  const earnedPoints = pointsForMinutes(creditedMinutes, activity.pointsPerHour, activity.bonusPoints);
  const points = capDailyPoints(earnedPoints, input.pointsCreditedTodayPoints, input.pointsDailyCapPoints);
  if (points < earnedPoints) notes.push('points_capped');

  return ok({ rawMinutes, creditedMinutes, points, pointsCapped: earnedPoints - points, notes });
}
