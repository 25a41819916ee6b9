// Proves invariants of crediting over random attendances and settings: credit never exceeds the window,
// rounding stays within one step, the daily cap is never exceeded, and storage splits sum to the credit.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activityRules } from './activity.ts';
import { decideCredit } from './crediting.ts';
import { roundMinutes, roundingSteps, type Rounding } from './rounding.ts';
import { splitStorageCap } from './storage-cap.ts';

const numRuns = 2_000;
const minute = 60_000;
const startsAtMs = Date.UTC(2025, 4, 10, 1, 0);

const rounding: fc.Arbitrary<Rounding> = fc.oneof(
  fc.constant({ mode: 'exact' as const }),
  fc.record({ mode: fc.constantFrom('down' as const, 'nearest' as const, 'up' as const), stepMinutes: fc.constantFrom(...roundingSteps) }),
);

describe('crediting invariants', () => {
  it('credits at most the window (scheduled length + late grace, rounded up) and respects the daily cap', () => {
    fc.assert(
      fc.property(
        fc.record({
          lengthMinutes: fc.integer({ min: 1, max: 24 * 60 }),
          lateGraceMinutes: fc.integer({ min: 0, max: 120 }),
          minimumAttendancePercent: fc.option(fc.integer({ min: 1, max: 100 })),
          pointsPerHour: fc.integer({ min: 0, max: 100 }),
          bonusPoints: fc.integer({ min: 0, max: 10 }),
          rounding,
        }),
        fc.integer({ min: -300, max: 2_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.option(fc.integer({ min: 0, max: 100 })),
        (settings, inMinutes, stayMinutes, todayPoints, cap) => {
          const { lengthMinutes, ...rest } = settings;
          const activity = activityRules({ startsAtMs, endsAtMs: startsAtMs + lengthMinutes * minute, ...rest });
          const checkedInAtMs = startsAtMs + inMinutes * minute;
          const result = decideCredit({
            checkedInAtMs,
            checkedOutAtMs: checkedInAtMs + stayMinutes * minute,
            activity,
            pointsCreditedTodayPoints: todayPoints,
            pointsDailyCapPoints: cap,
          });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const { rawMinutes, creditedMinutes, points, pointsCapped } = result.value;
          expect(rawMinutes).toBeLessThanOrEqual(Math.min(stayMinutes, lengthMinutes + settings.lateGraceMinutes));
          expect(creditedMinutes).toBeLessThanOrEqual(rawMinutes + 29);
          expect(creditedMinutes).toBeGreaterThanOrEqual(0);
          if (cap !== null) expect(points).toBeLessThanOrEqual(Math.max(0, cap - todayPoints));
          expect(points).toBeGreaterThanOrEqual(0);
          expect(pointsCapped).toBeGreaterThanOrEqual(0);
          if (creditedMinutes === 0) expect(points).toBe(0);
        },
      ),
      { numRuns },
    );
  });

  it('rounds to a multiple of the step within one step, in the direction of the mode', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), rounding, (minutes, setting) => {
        const rounded = roundMinutes(minutes, setting);
        if (setting.mode === 'exact') {
          expect(rounded).toBe(minutes);
          return;
        }
        expect(rounded % setting.stepMinutes).toBe(0);
        expect(Math.abs(rounded - minutes)).toBeLessThan(setting.stepMinutes);
        if (setting.mode === 'down') expect(rounded).toBeLessThanOrEqual(minutes);
        if (setting.mode === 'up') expect(rounded).toBeGreaterThanOrEqual(minutes);
        if (setting.mode === 'nearest') expect(Math.abs(rounded - minutes) * 2).toBeLessThanOrEqual(setting.stepMinutes);
      }),
      { numRuns },
    );
  });

  it('splits every credit into parts that sum to it and never push the person over the cap', () => {
    fc.assert(
      fc.property(fc.nat(200_000), fc.nat(10_000), fc.nat(200_000), (current, credit, cap) => {
        const { toPerson, toCommunityChest } = splitStorageCap(current, credit, cap);
        expect(toPerson + toCommunityChest).toBe(credit);
        expect(toPerson).toBeGreaterThanOrEqual(0);
        expect(toCommunityChest).toBeGreaterThanOrEqual(0);
        if (toPerson > 0) expect(current + toPerson).toBeLessThanOrEqual(cap);
      }),
      { numRuns },
    );
  });
});
