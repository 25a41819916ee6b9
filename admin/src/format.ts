// Pure formatting for the admin console: times in Asia/Shanghai, a failed call as a message, amounts with units.
// Never reads the clock: callers pass the time in.

import { businessDateOf } from '../../domain/business-date.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import { businessUtcOffsetMinutes } from '../../domain/limits.ts';
import type { ApiError } from './api/http.ts';
import { isMessageKey, type Translate } from './i18n/i18n.ts';

const dayMs = 24 * 60 * 60_000;

/** "2026-11-22 16:41" in Beijing time, whatever the browser's own time zone; "" for null. */
export function formatDateTime(iso: string | null): string {
  if (iso === null) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + businessUtcOffsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The business date before the one containing `nowMs`: the date a manager usually closes. */
export function yesterdayBusinessDate(nowMs: number): CalendarDate {
  return businessDateOf(nowMs - dayMs);
}

/** The message for a failed call: its code's own message when there is one, else the generic one with the code. */
export function errorMessage(t: Translate, error: ApiError): string {
  if (error.code === 'invalid_input') return t('error_invalid_input', { detail: error.detail ?? '' });
  const key = `error_${error.code}`;
  return isMessageKey(key) ? t(key) : t('error_other', { code: error.code });
}

/** "90 分钟" / "12 积分"; an item without an asset shows its amount bare. */
export function formatAmount(t: Translate, asset: 'time' | 'points' | null, amount: number | null): string {
  if (amount === null) return '';
  return asset === null ? String(amount) : t(asset === 'time' ? 'asset_time' : 'asset_points', { value: amount });
}

/** Minutes in words: "1 小时 30 分钟", "2 小时", "45 分钟"; a negative amount keeps its sign in front. */
export function formatMinutes(t: Translate, minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const whole = Math.abs(minutes);
  const hours = Math.floor(whole / 60), rest = whole % 60;
  if (hours === 0) return sign + t('minutesOnly', { minutes: rest });
  return sign + (rest === 0 ? t('hoursOnly', { hours }) : t('hoursMinutes', { hours, minutes: rest }));
}

/** A value with its unit: time in hours and minutes, points as "12 分"; an amount without an asset shows bare. */
export function formatValue(t: Translate, asset: 'time' | 'points' | null, amount: number | null): string {
  if (amount === null) return '';
  if (asset === null) return String(amount);
  return asset === 'time' ? formatMinutes(t, amount) : t('pointsValue', { points: amount });
}

/** A transaction or item kind in the current language; a kind this console does not know shows its code. */
export function kindLabel(t: Translate, kind: string): string {
  const key = `kind_${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}
