// Whether a person may check in to an activity now (rule 5 and the check-in window).
// Pure: the caller loads the person's open attendance, today's pair count and the station's pairs per day; first failing
// rule wins.

import { err, ok, type Result } from './result.ts';
import { businessDateOf } from './business-date.ts';
import type { CalendarDate } from './calendar-date.ts';
import type { ActivityRules } from './activity.ts';

export type CheckInCode =
  | 'activity_cancelled'
  | 'activity_not_open' // before the check-in window opens
  | 'activity_ended' // at or after the scheduled end
  | 'already_checked_in' // an attendance of this person at this activity is still open
  | 'pairs_per_day_exceeded'; // the station's pairs per day (default 3, i志愿 rule) already used today

export type CheckInInput = {
  readonly nowMs: number;
  readonly activity: Pick<ActivityRules, 'startsAtMs' | 'endsAtMs' | 'status' | 'checkInOpensBeforeMinutes'>;
  readonly hasOpenAttendance: boolean;
  /** Check-ins of this person at this activity on the business date of `nowMs`. */
  readonly pairsTodayCount: number;
  /** The station's pairs per person per activity per business date (rule 5; `pairsPerDayDefault` = 3 unless set). */
  readonly pairsPerDayMax: number;
};

export type CheckIn = { readonly checkedInAtMs: number; readonly businessDate: CalendarDate };

/**
 * Decides a check-in. Rules in order: the activity is not cancelled; check-in is open (from
 * `checkInOpensBeforeMinutes` before the start until the scheduled end); no attendance is open; fewer than
 * `pairsPerDayMax` pairs today.
 */
export function decideCheckIn(input: CheckInInput): Result<CheckIn, CheckInCode> {
  const { activity, nowMs } = input;
  if (activity.status === 'cancelled') return err('activity_cancelled');
  if (nowMs < activity.startsAtMs - activity.checkInOpensBeforeMinutes * 60_000) return err('activity_not_open');
  if (nowMs >= activity.endsAtMs) return err('activity_ended');
  if (input.hasOpenAttendance) return err('already_checked_in');
  if (input.pairsTodayCount >= input.pairsPerDayMax) return err('pairs_per_day_exceeded', `max ${input.pairsPerDayMax} per day`);
  return ok({ checkedInAtMs: nowMs, businessDate: businessDateOf(nowMs) });
}
