// Proves check-out: credit on time, manager approval mode, forgotten check-outs after end + grace or 8 h
// (rule 6), and the cap on supplementary minutes (rule 7).
import { describe, expect, it } from 'vitest';
import { activityRules } from './activity.ts';
import { decideCheckOut } from './check-out.ts';
import { decideForgottenCheckOut, decideSupplementaryMinutes } from './forgotten-check-out.ts';

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

describe('decideForgottenCheckOut', () => {
  it('keeps an attendance open until end + grace', () => {
    expect(decideForgottenCheckOut(startsAtMs, endsAtMs + 30 * minute, activity)).toEqual({ close: false, deadlineMs: endsAtMs + 30 * minute });
  });

  it('closes at end + grace with 0 credit for approval', () => {
    expect(decideForgottenCheckOut(startsAtMs, endsAtMs + 31 * minute, activity)).toEqual({
      close: true,
      closedAtMs: endsAtMs + 30 * minute,
      reason: 'activity_ended',
      creditedMinutes: 0,
      queueForApproval: true,
    });
  });

  it('closes after 8 hours open when the activity runs longer', () => {
    const long = activityRules({ startsAtMs, endsAtMs: startsAtMs + 12 * 60 * minute });
    const result = decideForgottenCheckOut(startsAtMs, startsAtMs + 8 * 60 * minute + 1, long);
    expect(result).toMatchObject({ close: true, reason: 'open_too_long', closedAtMs: startsAtMs + 8 * 60 * minute });
  });
});

describe('decideSupplementaryMinutes', () => {
  it('allows up to exactly the scheduled length (limit)', () => {
    expect(decideSupplementaryMinutes({ requestedMinutes: 120, scheduledMinutes: 120, alreadyCreditedMinutes: 0 })).toEqual({
      ok: true,
      value: { minutes: 120 },
    });
  });

  it('refuses more than the scheduled length with what is already credited (supplementary_exceeds_scheduled)', () => {
    expect(decideSupplementaryMinutes({ requestedMinutes: 61, scheduledMinutes: 120, alreadyCreditedMinutes: 60 })).toMatchObject({
      code: 'supplementary_exceeds_scheduled',
    });
  });

  it('refuses zero, negative and fractional minutes (supplementary_minutes_invalid)', () => {
    for (const requestedMinutes of [0, -5, 1.5]) {
      expect(decideSupplementaryMinutes({ requestedMinutes, scheduledMinutes: 120, alreadyCreditedMinutes: 0 })).toMatchObject({
        code: 'supplementary_minutes_invalid',
      });
    }
  });
});
