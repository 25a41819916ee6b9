// Proves check-in rules: the window (opens 60 min before start, closes at the end), one open attendance,
// at most the station's pairs per person per activity per business day (default 3).
import { describe, expect, it } from 'vitest';
import { activityRules } from './activity.ts';
import { decideCheckIn, type CheckInInput } from './check-in.ts';
import { pairsPerDayDefault } from './limits.ts';

const minute = 60_000;
const startsAtMs = Date.UTC(2025, 4, 10, 1, 0);
const activity = activityRules({ startsAtMs, endsAtMs: startsAtMs + 120 * minute });

function checkIn(overrides: Partial<CheckInInput>) {
  return decideCheckIn({ nowMs: startsAtMs, activity, hasOpenAttendance: false, pairsTodayCount: 0, pairsPerDayMax: pairsPerDayDefault, ...overrides });
}

describe('decideCheckIn', () => {
  it('checks in during the activity with the Shanghai business date', () => {
    expect(checkIn({})).toEqual({ ok: true, value: { checkedInAtMs: startsAtMs, businessDate: '2025-05-10' } });
  });

  it('opens exactly 60 minutes before the start (limit) and not a millisecond earlier (activity_not_open)', () => {
    expect(checkIn({ nowMs: startsAtMs - 60 * minute }).ok).toBe(true);
    expect(checkIn({ nowMs: startsAtMs - 60 * minute - 1 })).toMatchObject({ code: 'activity_not_open' });
  });

  it('closes at the scheduled end (activity_ended)', () => {
    expect(checkIn({ nowMs: startsAtMs + 120 * minute - 1 }).ok).toBe(true);
    expect(checkIn({ nowMs: startsAtMs + 120 * minute })).toMatchObject({ code: 'activity_ended' });
  });

  it('refuses a cancelled activity (activity_cancelled)', () => {
    expect(checkIn({ activity: { ...activity, status: 'cancelled' } })).toMatchObject({ code: 'activity_cancelled' });
  });

  it('refuses a second open attendance (already_checked_in)', () => {
    expect(checkIn({ hasOpenAttendance: true })).toMatchObject({ code: 'already_checked_in' });
  });

  it('allows the third pair of the day and refuses the fourth (pairs_per_day_exceeded)', () => {
    expect(checkIn({ pairsTodayCount: 2 }).ok).toBe(true);
    expect(checkIn({ pairsTodayCount: 3 })).toMatchObject({ code: 'pairs_per_day_exceeded' });
  });

  it('takes the station’s pairs per day: at 1 the second pair is refused, at 20 the twentieth is allowed', () => {
    expect(checkIn({ pairsPerDayMax: 1, pairsTodayCount: 0 }).ok).toBe(true);
    expect(checkIn({ pairsPerDayMax: 1, pairsTodayCount: 1 })).toMatchObject({ code: 'pairs_per_day_exceeded', detail: 'max 1 per day' });
    expect(checkIn({ pairsPerDayMax: 20, pairsTodayCount: 19 }).ok).toBe(true);
    expect(checkIn({ pairsPerDayMax: 20, pairsTodayCount: 20 })).toMatchObject({ code: 'pairs_per_day_exceeded' });
  });
});
