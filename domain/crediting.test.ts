// Proves rules 2, 4 and 8 for one attendance: the window with late grace, the minimum attendance ratio,
// points prorated and rounded down with a bonus, and the daily points cap.
import { describe, expect, it } from 'vitest';
import { activityRules } from './activity.ts';
import { clipToWindow, decideCredit } from './crediting.ts';

const minute = 60_000;
const startsAtMs = Date.UTC(2025, 4, 10, 1, 0); // 09:00 Shanghai
const endsAtMs = startsAtMs + 120 * minute; // two hours
const activity = activityRules({ startsAtMs, endsAtMs });

function credit(inMinutes: number, outMinutes: number, overrides = {}, today = 0, cap: number | null = 40) {
  return decideCredit({
    checkedInAtMs: startsAtMs + inMinutes * minute,
    checkedOutAtMs: startsAtMs + outMinutes * minute,
    activity: activityRules({ startsAtMs, endsAtMs, ...overrides }),
    pointsCreditedTodayPoints: today,
    pointsDailyCapPoints: cap,
  });
}

describe('clipToWindow', () => {
  it('counts early arrivals from the scheduled start', () => {
    expect(clipToWindow(startsAtMs - 30 * minute, startsAtMs + 60 * minute, activity)).toBe(60);
  });

  it('counts time after the end only up to the late grace (limit: exactly 30 min)', () => {
    expect(clipToWindow(startsAtMs, endsAtMs + 30 * minute, activity)).toBe(150);
    expect(clipToWindow(startsAtMs, endsAtMs + 90 * minute, activity)).toBe(150);
  });

  it('counts whole minutes only and nothing outside the window', () => {
    expect(clipToWindow(startsAtMs, startsAtMs + 59_999, activity)).toBe(0);
    expect(clipToWindow(endsAtMs + 40 * minute, endsAtMs + 50 * minute, activity)).toBe(0);
  });
});

describe('decideCredit', () => {
  it('credits rounded minutes and prorated points (10 per hour default)', () => {
    expect(credit(0, 100)).toEqual({
      ok: true,
      value: { rawMinutes: 100, creditedMinutes: 90, points: 15, pointsCapped: 0, notes: [] },
    });
  });

  it('rounds points down per credited minute and adds the bonus', () => {
    const result = credit(0, 50, { rounding: { mode: 'exact' }, pointsPerHour: 10, bonusPoints: 2 });
    expect(result.ok && result.value.points).toBe(8 + 2);
  });

  it('credits nothing below the minimum attendance ratio (below_minimum_attendance)', () => {
    const result = credit(0, 71, { minimumAttendancePercent: 60 });
    expect(result.ok && result.value).toMatchObject({ rawMinutes: 71, creditedMinutes: 0, points: 0, notes: ['below_minimum_attendance'] });
  });

  it('credits at exactly the minimum attendance ratio (limit: 72 of 120 min = 60%)', () => {
    const result = credit(0, 72, { minimumAttendancePercent: 60 });
    expect(result.ok && result.value.creditedMinutes).toBe(60);
  });

  it('caps points at the daily cap and reports what was capped (points_capped)', () => {
    const result = credit(0, 120, {}, 35, 40);
    expect(result.ok && result.value).toMatchObject({ creditedMinutes: 120, points: 5, pointsCapped: 15, notes: ['points_capped'] });
  });

  it('credits points up to exactly the cap without a note (limit) and ignores a null cap', () => {
    const atCap = credit(0, 120, {}, 20, 40);
    expect(atCap.ok && atCap.value).toMatchObject({ points: 20, pointsCapped: 0, notes: [] });
    const uncapped = credit(0, 120, {}, 1_000, null);
    expect(uncapped.ok && uncapped.value.points).toBe(20);
  });

  it('notes an attendance entirely outside the window', () => {
    const result = credit(200, 210);
    expect(result.ok && result.value).toMatchObject({ creditedMinutes: 0, notes: ['outside_window'] });
  });

  it('rejects a check-out before the check-in (check_out_before_check_in)', () => {
    expect(credit(10, 5)).toEqual({ ok: false, code: 'check_out_before_check_in' });
  });
});

describe('activityRules', () => {
  it('fills the design defaults', () => {
    expect(activity).toMatchObject({ lateGraceMinutes: 30, pointsPerHour: 10, approval: 'auto', minimumAttendancePercent: null });
  });

  it('asserts on settings out of range', () => {
    expect(() => activityRules({ startsAtMs, endsAtMs: startsAtMs })).toThrow();
    expect(() => activityRules({ startsAtMs, endsAtMs, minimumAttendancePercent: 101 })).toThrow();
  });
});
