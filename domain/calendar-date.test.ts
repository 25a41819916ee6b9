// Proves calendar dates are real 'YYYY-MM-DD' dates with the Gregorian leap-year rules.
import { describe, expect, it } from 'vitest';
import { calendarDateFromCompact, daysInMonth, isCalendarDate } from './calendar-date.ts';

describe('isCalendarDate', () => {
  it('honours leap years including the century rules', () => {
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2024-04-31')).toBe(false);
    expect(isCalendarDate('2024-4-3')).toBe(false);
  });
});

describe('calendarDateFromCompact', () => {
  it('converts card dates and refuses impossible ones', () => {
    expect(calendarDateFromCompact('19900307')).toBe('1990-03-07');
    expect(calendarDateFromCompact('19900230')).toBeNull();
    expect(calendarDateFromCompact('1990037')).toBeNull();
  });
});

describe('daysInMonth', () => {
  it('knows 28, 29, 30 and 31-day months', () => {
    expect([daysInMonth(2023, 2), daysInMonth(2024, 2), daysInMonth(2024, 4), daysInMonth(2024, 12)]).toEqual([28, 29, 30, 31]);
  });
});
