// Proves the expiry calendar in Asia/Shanghai: the closing year flips at 00:00 on 1 January Shanghai time (16:00 UTC
// the day before), a run waits for its year to end, and a disabled station is refused after that.

import { describe, expect, it } from 'vitest';
import { closingYearOf, decidePointsExpiryRun, yearStartMs } from './expiry-rules.ts';

const at = (iso: string) => Date.parse(iso);

describe('expiry calendar', () => {
  it('names the year just closed, flipping at midnight Shanghai', () => {
    expect(closingYearOf(at('2026-12-31T23:59:59+08:00'))).toBe(2025);
    expect(closingYearOf(at('2027-01-01T00:00:00+08:00'))).toBe(2026);
    expect(closingYearOf(at('2026-12-31T16:00:00Z'))).toBe(2026);
  });

  it('starts a year at 00:00 on 1 January Shanghai time', () => {
    expect(yearStartMs(2026)).toBe(at('2026-01-01T00:00:00+08:00'));
  });

  it('refuses a run before its year has ended (business_date_in_future), even when enabled', () => {
    expect(decidePointsExpiryRun({ year: 2026, nowMs: at('2026-12-31T23:59:59+08:00'), enabled: true })).toEqual({ ok: false, code: 'business_date_in_future' });
  });

  it('lets a run go ahead from the first millisecond of the next year', () => {
    expect(decidePointsExpiryRun({ year: 2026, nowMs: at('2027-01-01T00:00:00+08:00'), enabled: true })).toEqual({ ok: true, value: { yearStartMs: yearStartMs(2026) } });
  });

  it('refuses a run of a disabled station (points_expiry_disabled)', () => {
    expect(decidePointsExpiryRun({ year: 2026, nowMs: at('2027-03-01T00:00:00+08:00'), enabled: false })).toEqual({ ok: false, code: 'points_expiry_disabled' });
  });
});
