// Business dates in Asia/Shanghai (UTC+8, no DST) and whole-year ages.
// Pure: the time is always passed in as milliseconds since the epoch; never reads the clock.

import { assert } from './assert.ts';
import { isCalendarDate, type CalendarDate } from './calendar-date.ts';
import { businessUtcOffsetMinutes } from './limits.ts';

const offsetMs = businessUtcOffsetMinutes * 60_000;
const dayMs = 24 * 60 * 60_000;

/** The Asia/Shanghai calendar date ('YYYY-MM-DD') at instant `ms`. Asserts `ms` is an integer. */
export function businessDateOf(ms: number): CalendarDate {
  assert(Number.isSafeInteger(ms), `businessDateOf: ms must be an integer, got ${ms}`);
  return new Date(ms + offsetMs).toISOString().slice(0, 10);
}

/** The instant (ms) at which business date `date` begins: 00:00 in Asia/Shanghai = 16:00 UTC the day before. */
export function businessDayStartMs(date: CalendarDate): number {
  assert(isCalendarDate(date), `businessDayStartMs: not a calendar date: ${date}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) - offsetMs;
}

/** The instant (ms) at which business date `date` ends (exclusive), i.e. the next day's start. */
export function businessDayEndMs(date: CalendarDate): number {
  return businessDayStartMs(date) + dayMs;
}

/**
 * Age in whole years (周岁) on `onDate` of someone born on `birthDate`; 0 before the first birthday.
 * Someone born on 29 February turns a year older on 1 March in common years.
 * Asserts both are calendar dates and `onDate` is not before `birthDate`.
 */
export function ageOn(birthDate: CalendarDate, onDate: CalendarDate): number {
  assert(isCalendarDate(birthDate) && isCalendarDate(onDate), `ageOn: bad dates ${birthDate}, ${onDate}`);
  assert(onDate >= birthDate, `ageOn: ${onDate} is before birth ${birthDate}`);
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
