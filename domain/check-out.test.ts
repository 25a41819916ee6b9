// Proves check-out: credit on time, manager approval mode, and a check-out after end + grace treated as forgotten (rule 6).
import { describe, expect, it } from 'vitest';
import { activityRules } from './activity.ts';
import { decideCheckOut } from './check-out.ts';

const minute = 60_000;
const startsAtMs = Date.UTC(2025, 4, 10, 1, 0);
const endsAtMs = startsAtMs + 120 * minute;
const activity = activityRules({ startsAtMs, endsAtMs });
const base = { activity, pointsCreditedTodayPoints: 0, pointsDailyCapPoints: 40 };

describe('decideCheckOut', () => {
  it('credits now in auto mode', () => {
    const result = decideCheckOut({ ...base, nowMs: endsAtMs, openAttendance: { checkedInAtMs: startsAtMs } });
    expect(result.ok && result.value).toMatchObject({ checkedOutAtMs: endsAtMs, approval: 'none', credit: { creditedMinutes: 120, points: 20 } });
  });

  it('leaves the credit to a manager in manager mode', () => {
    const managed = activityRules({ startsAtMs, endsAtMs, approval: 'manager' });
    const result = decideCheckOut({ ...base, activity: managed, nowMs: endsAtMs, openAttendance: { checkedInAtMs: startsAtMs } });
    expect(result.ok && result.value.approval).toBe('manager');
  });

  it('still credits a check-out exactly at end + grace (limit) but not one after it (forgotten)', () => {
    const atDeadline = decideCheckOut({ ...base, nowMs: endsAtMs + 30 * minute, openAttendance: { checkedInAtMs: startsAtMs } });
    expect(atDeadline.ok && atDeadline.value).toMatchObject({ approval: 'none', credit: { creditedMinutes: 150 } });
    const late = decideCheckOut({ ...base, nowMs: endsAtMs + 30 * minute + 1, openAttendance: { checkedInAtMs: startsAtMs } });
    expect(late.ok && late.value).toMatchObject({
      approval: 'forgotten',
      checkedOutAtMs: endsAtMs + 30 * minute,
      credit: { rawMinutes: 150, creditedMinutes: 0, points: 0 },
    });
  });

  it('refuses without an open attendance (not_checked_in) or before the check-in', () => {
    expect(decideCheckOut({ ...base, nowMs: endsAtMs, openAttendance: null })).toMatchObject({ code: 'not_checked_in' });
    expect(decideCheckOut({ ...base, nowMs: startsAtMs - 1, openAttendance: { checkedInAtMs: startsAtMs } })).toMatchObject({
      code: 'check_out_before_check_in',
    });
  });
});
