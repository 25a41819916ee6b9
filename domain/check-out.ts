// What a check-out does (rules 2–8): closes the open attendance and decides its credit, or treats it as
// forgotten when it comes after the deadline. Pure: the route loads, calls this, and writes the outcome.

import { err, ok, type Result } from './result.ts';
import type { ActivityRules } from './activity.ts';
import { decideCredit, type Credit } from './crediting.ts';
import { forgottenCheckOutDeadlineMs } from './forgotten-check-out.ts';

export type CheckOutCode = 'not_checked_in' | 'check_out_before_check_in';

export type CheckOutInput = {
  readonly nowMs: number;
  readonly openAttendance: { readonly checkedInAtMs: number } | null;
  readonly activity: ActivityRules;
  readonly pointsCreditedTodayPoints: number;
  readonly pointsDailyCapPoints: number | null;
};

export type CheckOut = {
  readonly checkedOutAtMs: number;
  readonly credit: Credit;
  /** `none`: credit now; `manager`: the activity credits on approval; `forgotten`: 0 now, queued for approval. */
  readonly approval: 'none' | 'manager' | 'forgotten';
};

/**
 * Decides a check-out. Rules in order: an attendance is open (`not_checked_in`); the check-out is not before
 * the check-in; a check-out after the forgotten-check-out deadline closes it at the deadline with
 * 0 credit for approval; otherwise the credit is decided and either applied now (`auto`) or awaits a manager.
 */
export function decideCheckOut(input: CheckOutInput): Result<CheckOut, CheckOutCode> {
  const { openAttendance, activity, nowMs } = input;
  if (openAttendance === null) return err('not_checked_in');
  if (nowMs < openAttendance.checkedInAtMs) return err('check_out_before_check_in');
  const deadlineMs = forgottenCheckOutDeadlineMs(openAttendance.checkedInAtMs, activity);
  const forgotten = nowMs > deadlineMs;
  const checkedOutAtMs = forgotten ? deadlineMs : nowMs;
  const decided = decideCredit({
    checkedInAtMs: openAttendance.checkedInAtMs,
    checkedOutAtMs,
    activity,
    pointsCreditedTodayPoints: input.pointsCreditedTodayPoints,
    pointsDailyCapPoints: input.pointsDailyCapPoints,
  });
  if (!decided.ok) return decided;
  if (forgotten) {
    const zero: Credit = { ...decided.value, creditedMinutes: 0, points: 0, pointsCapped: 0 };
    return ok({ checkedOutAtMs, credit: zero, approval: 'forgotten' });
  }
  return ok({ checkedOutAtMs, credit: decided.value, approval: activity.approval === 'auto' ? 'none' : 'manager' });
}
