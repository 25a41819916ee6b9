// Proves points arithmetic: proration rounded down with bonus, the daily cap, and year-end expiry (rule 13).
import { describe, expect, it } from 'vitest';
import { capDailyPoints, pointsForMinutes, pointsToExpire } from './points.ts';

describe('pointsForMinutes', () => {
  it('prorates per minute and rounds down', () => {
    expect(pointsForMinutes(59, 10)).toBe(9);
    expect(pointsForMinutes(60, 10)).toBe(10);
  });

  it('adds the bonus only when something is credited', () => {
    expect(pointsForMinutes(1, 10, 3)).toBe(3);
    expect(pointsForMinutes(0, 10, 3)).toBe(0);
  });
});

describe('capDailyPoints', () => {
  it('keeps what fits, gives 0 at the cap and never goes negative', () => {
    expect(capDailyPoints(10, 25, 40)).toBe(10);
    expect(capDailyPoints(10, 40, 40)).toBe(0);
    expect(capDailyPoints(10, 50, 40)).toBe(0);
    expect(capDailyPoints(10, 50, null)).toBe(10);
  });
});

describe('pointsToExpire', () => {
  it('expires nothing while the rule is off (default)', () => {
    expect(pointsToExpire({ enabled: false, balancePoints: 500, earnedInClosingYearPoints: 0 })).toBe(0);
  });

  it('expires the part of the balance older than this year’s earnings', () => {
    expect(pointsToExpire({ enabled: true, balancePoints: 500, earnedInClosingYearPoints: 120 })).toBe(380);
  });

  it('expires nothing when the balance is at most this year’s earnings (limit)', () => {
    expect(pointsToExpire({ enabled: true, balancePoints: 120, earnedInClosingYearPoints: 120 })).toBe(0);
    expect(pointsToExpire({ enabled: true, balancePoints: 100, earnedInClosingYearPoints: 120 })).toBe(0);
  });
});
