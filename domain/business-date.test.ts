// Proves business dates follow Asia/Shanghai (UTC+8) at the midnight boundary and ages count whole years.
import { describe, expect, it } from 'vitest';
import { ageOn, businessDateOf, businessDayEndMs, businessDayStartMs } from './business-date.ts';

describe('businessDateOf', () => {
  it('is the Shanghai date: 15:59:59.999 UTC is still the same day, 16:00 UTC is the next', () => {
    expect(businessDateOf(Date.UTC(2025, 0, 1, 15, 59, 59, 999))).toBe('2025-01-01');
    expect(businessDateOf(Date.UTC(2025, 0, 1, 16, 0, 0, 0))).toBe('2025-01-02');
  });

  it('asserts on a non-integer instant', () => {
    expect(() => businessDateOf(Number.NaN)).toThrow();
  });
});

describe('businessDayStartMs', () => {
  it('is 16:00 UTC of the previous day and round-trips with businessDateOf', () => {
    const start = businessDayStartMs('2024-03-01');
    expect(start).toBe(Date.UTC(2024, 1, 29, 16));
    expect(businessDateOf(start)).toBe('2024-03-01');
    expect(businessDateOf(start - 1)).toBe('2024-02-29');
    expect(businessDayEndMs('2024-03-01') - start).toBe(86_400_000);
  });

  it('asserts on a date that does not exist', () => {
    expect(() => businessDayStartMs('2023-02-29')).toThrow();
  });
});

describe('ageOn', () => {
  it('counts a year on the birthday and not the day before', () => {
    expect(ageOn('1960-05-10', '2025-05-10')).toBe(65);
    expect(ageOn('1960-05-10', '2025-05-09')).toBe(64);
    expect(ageOn('2025-05-10', '2025-05-10')).toBe(0);
  });

  it('ages someone born on 29 February on 1 March in common years', () => {
    expect(ageOn('2012-02-29', '2026-02-28')).toBe(13);
    expect(ageOn('2012-02-29', '2026-03-01')).toBe(14);
  });

  it('asserts when the day is before the birth', () => {
    expect(() => ageOn('2000-01-02', '2000-01-01')).toThrow();
  });
});
