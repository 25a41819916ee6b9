// Pure rules of the 报表 tab's date range and downloads: the default range, what is wrong with a typed range, the
// saved file's name, and the server's range errors in words. Never reads the clock: callers pass the time in.

import { businessDateOf } from '../../../../domain/business-date.ts';
import { isCalendarDate, type CalendarDate } from '../../../../domain/calendar-date.ts';
import type { ApiError } from '../../api/http.ts';
import { errorMessage } from '../../format.ts';
import type { Translate } from '../../i18n/i18n.ts';

export type ReportRange = { from: CalendarDate; to: CalendarDate };
export type RangeProblem = 'range_missing' | 'range_reversed';
export type ReportFileKind = 'transactions' | 'work-units';

/** Longest station name kept in a file name, in characters; longer names are cut. */
export const fileNameStationCharsMax = 40;

/** This month so far in Asia/Shanghai: the 1st of the business month through today's business date. */
export function thisMonthSoFar(nowMs: number): ReportRange {
  const today = businessDateOf(nowMs);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** What stops a range from being sent; the server alone checks its longest range (366 days) and row limit. */
export function rangeProblem(range: { from: string; to: string }): RangeProblem | null {
  if (!isCalendarDate(range.from) || !isCalendarDate(range.to)) return 'range_missing';
  if (range.to < range.from) return 'range_reversed';
  return null;
}

/** `邻里-交易-<station>-<from>-<to>.csv`: characters that file systems refuse become `_`. */
export function reportFileName(kind: ReportFileKind, stationName: string, range: ReportRange): string {
  const label = kind === 'transactions' ? '交易' : '双报到';
  const station = Array.from(stationName.replace(/[\\/:*?"<>|\u0000-\u001f\s]+/g, '_').replace(/^[_.]+|[_.]+$/g, ''))
    .slice(0, fileNameStationCharsMax).join('') || 'station';
  return `邻里-${label}-${station}-${range.from}-${range.to}.csv`;
}

/** The server's CSV with exactly one UTF-8 byte-order mark in front, so Excel reads it as UTF-8 (fetch's text() drops it). */
export function withByteOrderMark(csv: string): string {
  return csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`;
}

/**
 * A failed report or download in words, with the server's code after it. The server names a too-long range and
 * too many rows only in `invalid_input`'s English detail, so those two details are recognised here.
 */
export function reportErrorText(t: Translate, error: ApiError): string {
  // The limit itself is the number in the server's detail (366 days, 10000 rows).
  const limit = /\d+/.exec(error.detail ?? '')?.[0] ?? '?';
  const message = error.code === 'date_range_invalid' ? t('rangeTooLong', { days: limit })
    : error.code === 'export_too_large' ? t('tooManyRows', { rows: limit }) : errorMessage(t, error);
  return t('reportFailed', { message, code: error.code });
}
