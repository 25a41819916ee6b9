// Calendar dates as 'YYYY-MM-DD' strings (proleptic Gregorian), compared as strings.
// Pure: no clock; the Date object is used only as a calculator in UTC.

export type CalendarDate = string;

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real 'YYYY-MM-DD' date (month 1–12, day within the month, leap years honoured). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const match = datePattern.exec(value);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** 'YYYYMMDD' (as on ID cards) → 'YYYY-MM-DD', or null when it is no real date. */
export function calendarDateFromCompact(compact: string): CalendarDate | null {
  if (!/^\d{8}$/.test(compact)) return null;
  const date = `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
  return isCalendarDate(date) ? date : null;
}

/** The calendar year of a date. */
export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}
