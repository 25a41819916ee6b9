// Pure view logic of 活动与服务: reads the activity and service forms into API bodies (times typed in Beijing time,
// sent as ISO-8601 with +08:00; prices typed as hours and minutes or points) and formats the lists. No I/O.

import { err, ok, type Result } from '../../../../domain/result.ts';
import type { Translate } from '../../i18n/i18n.ts';
import type { Activity, ActivityKind, NewActivity, NewService, Rounding } from '../../api/types.ts';

/** The API's limits (ledger/src/routes/activities.ts and services.ts). */
export const titleLengthMax = 100;
export const serviceNameLengthMax = 100;
export const pointsPerHourMax = 1_000;
export const priceMax = 1_000_000;
export const minAgeYearsMax = 150;

export const activityKinds: readonly ActivityKind[] = ['service', 'meeting', 'household_visit', 'training'];
/** '' keeps the server's default (down to 15 minutes). */
export const roundingChoices = ['', 'exact', 'down_15', 'down_30', 'nearest_15', 'up_15', 'down_5', 'down_10'] as const;
export type RoundingChoice = (typeof roundingChoices)[number];

export type ActivityForm = {
  title: string; kind: ActivityKind; date: string; startTime: string; endTime: string; pointsPerHour: string; rounding: RoundingChoice; approval: 'auto' | 'manager';
};
export type ActivityFormProblem = 'title_missing' | 'title_too_long' | 'time_missing' | 'ends_before_start' | 'points_per_hour_invalid';

/** The create-activity body, or the first problem with the form (the server checks everything again). */
export function readActivityForm(stationId: string, form: ActivityForm): Result<NewActivity, ActivityFormProblem> {
  const title = form.title.trim();
  if (title === '') return err('title_missing');
  if (title.length > titleLengthMax) return err('title_too_long');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date) || !isClockTime(form.startTime) || !isClockTime(form.endTime)) return err('time_missing');
  if (form.endTime <= form.startTime) return err('ends_before_start');
  const pointsPerHour = form.pointsPerHour.trim() === '' ? undefined : wholeNumber(form.pointsPerHour, pointsPerHourMax);
  if (pointsPerHour === null) return err('points_per_hour_invalid');
  const rounding = roundingOf(form.rounding);
  return ok({
    stationId, title, kind: form.kind, startsAt: beijingIso(form.date, form.startTime), endsAt: beijingIso(form.date, form.endTime), approval: form.approval,
    ...(pointsPerHour !== undefined && { pointsPerHour }), ...(rounding !== undefined && { rounding }),
  });
}

/** "2026-11-22" and "09:30" typed in Beijing time → "2026-11-22T09:30:00+08:00", whatever the browser's time zone. */
export function beijingIso(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

export function roundingOf(choice: RoundingChoice): Rounding | undefined {
  if (choice === '') return undefined;
  if (choice === 'exact') return { mode: 'exact' };
  const [mode, step] = choice.split('_') as ['down' | 'nearest' | 'up', string];
  return { mode, stepMinutes: Number(step) as 5 | 10 | 15 | 30 };
}

/** "向下取整到 15 分钟" / "按实际分钟"; the empty choice is the server's default. */
export function roundingLabel(t: Translate, rounding: Rounding | undefined): string {
  if (rounding === undefined) return t('rounding_default');
  return rounding.mode === 'exact' ? t('rounding_exact') : t(`rounding_${rounding.mode}`, { step: rounding.stepMinutes });
}

export type ServiceForm = { name: string; asset: 'time' | 'points'; hours: string; minutes: string; points: string; minAge: string };
export type ServiceFormProblem = 'name_missing' | 'name_too_long' | 'price_invalid' | 'min_age_invalid';

/** The create-service body: a time price is hours × 60 + minutes, a points price whole points, 1 to 1,000,000. */
export function readServiceForm(stationId: string, form: ServiceForm): Result<NewService, ServiceFormProblem> {
  const name = form.name.trim();
  if (name === '') return err('name_missing');
  if (name.length > serviceNameLengthMax) return err('name_too_long');
  const price = form.asset === 'time' ? minutesOf(form.hours, form.minutes) : wholeNumber(form.points, priceMax);
  if (price === null || price < 1 || price > priceMax) return err('price_invalid');
  const minAge = form.minAge.trim() === '' ? undefined : wholeNumber(form.minAge, minAgeYearsMax);
  if (minAge === null) return err('min_age_invalid');
  return ok({ stationId, name, asset: form.asset, price, ...(minAge !== undefined && { minAge }) });
}

/** "09:00–11:30" in Beijing time for a one-day activity; both full times otherwise. */
export function activityTimeRange(activity: Pick<Activity, 'startsAt' | 'endsAt'>, formatDateTime: (iso: string) => string): string {
  const starts = formatDateTime(activity.startsAt), ends = formatDateTime(activity.endsAt);
  return starts.slice(0, 10) === ends.slice(0, 10) ? `${starts}–${ends.slice(11)}` : `${starts} – ${ends}`;
}

function minutesOf(hoursText: string, minutesText: string): number | null {
  const hours = hoursText.trim() === '' ? 0 : wholeNumber(hoursText, Math.floor(priceMax / 60));
  const minutes = minutesText.trim() === '' ? 0 : wholeNumber(minutesText, 59);
  return hours === null || minutes === null ? null : hours * 60 + minutes;
}

/** A whole number 0..max typed in a field, or null. */
function wholeNumber(text: string, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,9}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= max ? value : null;
}

function isClockTime(text: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(text);
}
