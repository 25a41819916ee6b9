// Forgotten check-outs and supplementary minutes (rules 6 and 7): when an open attendance is auto-closed with
// 0 credit, and how much a manager may add by hand. Pure.

import { err, ok, type Result } from './result.ts';
import type { ActivityRules } from './activity.ts';
import { forgottenCheckOutHoursMax } from './limits.ts';

export type ForgottenCheckOut =
  | { readonly close: false; readonly deadlineMs: number }
  | {
      readonly close: true;
      /** The attendance is closed as of the deadline, not of the sweep. */
      readonly closedAtMs: number;
      readonly reason: 'activity_ended' | 'open_too_long';
      readonly creditedMinutes: 0;
      readonly queueForApproval: true;
    };

/**
 * The instant an open attendance counts as forgotten: the earlier of activity end + late grace and
 * check-in + `forgottenCheckOutHoursMax`, never before the check-in itself.
 */
export function forgottenCheckOutDeadlineMs(
  checkedInAtMs: number,
  activity: Pick<ActivityRules, 'endsAtMs' | 'lateGraceMinutes'>,
): number {
  const windowEndMs = activity.endsAtMs + activity.lateGraceMinutes * 60_000;
  const openMaxMs = checkedInAtMs + forgottenCheckOutHoursMax * 3_600_000;
  return Math.max(checkedInAtMs, Math.min(windowEndMs, openMaxMs));
}

/**
 * Decides whether an attendance still open at `nowMs` is to be auto-closed now (strictly after its deadline;
 * a check-out exactly at the deadline still counts).
 */
export function decideForgottenCheckOut(
  checkedInAtMs: number,
  nowMs: number,
  activity: Pick<ActivityRules, 'endsAtMs' | 'lateGraceMinutes'>,
): ForgottenCheckOut {
  const deadlineMs = forgottenCheckOutDeadlineMs(checkedInAtMs, activity);
  if (nowMs <= deadlineMs) return { close: false, deadlineMs };
  const reason = deadlineMs === activity.endsAtMs + activity.lateGraceMinutes * 60_000 ? 'activity_ended' : 'open_too_long';
  return { close: true, closedAtMs: deadlineMs, reason, creditedMinutes: 0, queueForApproval: true };
}

export type SupplementaryCode = 'supplementary_minutes_invalid' | 'supplementary_exceeds_scheduled';

/**
 * Checks minutes a manager adds by hand (补录) to one attendance: a positive whole number such that, with
 * what the attendance already credited, the total stays within the scheduled length.
 */
export function decideSupplementaryMinutes(input: {
  readonly requestedMinutes: number;
  readonly scheduledMinutes: number;
  readonly alreadyCreditedMinutes: number;
}): Result<{ readonly minutes: number }, SupplementaryCode> {
  const { requestedMinutes, scheduledMinutes, alreadyCreditedMinutes } = input;
  if (!Number.isSafeInteger(requestedMinutes) || requestedMinutes <= 0) return err('supplementary_minutes_invalid');
  const roomMinutes = Math.max(0, scheduledMinutes - alreadyCreditedMinutes);
  if (requestedMinutes > roomMinutes) return err('supplementary_exceeds_scheduled', `at most ${roomMinutes} min`);
  return ok({ minutes: requestedMinutes });
}
