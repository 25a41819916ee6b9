// The calendar of the year-end points expiry (rule 13): which year a run closes, when that year started and ended in
// Asia/Shanghai, and whether a run may go ahead. Pure: the time is passed in, never read from the clock.

import { businessDateOf, businessDayStartMs } from '../../../../domain/business-date.ts';
import { err, ok, type Result } from '../../../../domain/result.ts';

/** Years a run may name: anything a station could have points for, with room for the next year's start. */
export const expiryYearMin = 2000;
export const expiryYearMax = 9998;

export type PointsExpiryRunCode = 'business_date_in_future' | 'points_expiry_disabled';

/** The year that has most recently ended at `nowMs` in Asia/Shanghai (2026 from 2027-01-01 00:00 on). */
export function closingYearOf(nowMs: number): number {
  return Number(businessDateOf(nowMs).slice(0, 4)) - 1;
}

/** 00:00 Asia/Shanghai on 1 January of `year`. */
export function yearStartMs(year: number): number {
  return businessDayStartMs(`${String(year).padStart(4, '0')}-01-01`);
}

/** A run for closing `year` goes ahead once the year has ended in Asia/Shanghai and only when the station's setting is on. */
export function decidePointsExpiryRun(input: { year: number; nowMs: number; enabled: boolean }): Result<{ yearStartMs: number }, PointsExpiryRunCode> {
  if (input.nowMs < yearStartMs(input.year + 1)) return err('business_date_in_future');
  if (!input.enabled) return err('points_expiry_disabled');
  return ok({ yearStartMs: yearStartMs(input.year) });
}
