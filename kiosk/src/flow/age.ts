// Age in whole years from a card's birth date (YYYYMMDD or YYYY-MM-DD) at a moment, on the Asia/Shanghai calendar.
// Pure: the moment is passed in.

const shanghaiOffsetMs = 8 * 60 * 60 * 1000;

/** Whole years between the birth date and `nowMs`; null when the date cannot be read. */
export function ageYearsAt(birthDate: string, nowMs: number): number | null {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(birthDate.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const today = new Date(nowMs + shanghaiOffsetMs);
  const [nowYear, nowMonth, nowDay] = [today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate()];
  const hadBirthday = nowMonth > month || (nowMonth === month && nowDay >= day);
  return nowYear - year - (hadBirthday ? 0 : 1);
}

/** The calendar year in Asia/Shanghai at `nowMs`. */
export function shanghaiYearAt(nowMs: number): number {
  return new Date(nowMs + shanghaiOffsetMs).getUTCFullYear();
}
