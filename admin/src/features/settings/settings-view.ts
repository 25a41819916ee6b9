// Pure rules of the 站点设置 tab: the API's minutes shown as hours, what a typed value means, which fields changed
// (only those are sent), and the server's refusal in words. Never calls the API; the server owns every range.

import {
  giftYearlyCapMinutesDefault, giftYearlyCapMinutesSettingMax, pairsPerDayDefault, pairsPerDaySettingMax, pairsPerDaySettingMin,
  pointsDailyCapDefault, pointsDailyCapPointsMax, timeStorageCapMinutes, timeStorageCapMinutesSettingMax, timeStorageCapMinutesSettingMin,
} from '../../../../domain/limits.ts';
import type { ApiError } from '../../api/http.ts';
import type { StationSettings, StationSettingsChange } from '../../api/types.ts';
import { errorMessage } from '../../format.ts';
import type { Translate } from '../../i18n/i18n.ts';

export type NumericSetting = 'pairsPerDayMax' | 'pointsDailyCapDefault' | 'timeStorageCapMinutes' | 'giftYearlyCapMinutes';
export const numericSettings = ['pairsPerDayMax', 'pointsDailyCapDefault', 'timeStorageCapMinutes', 'giftYearlyCapMinutes'] as const satisfies readonly NumericSetting[];

/** How a setting is typed: a count, points, or time typed in hours and sent in minutes. */
export type SettingUnit = 'count' | 'points' | 'hours';
export type SettingRule = { unit: SettingUnit; defaultValue: number; min: number; max: number };
/** Defaults and ranges in the API's own units (minutes for time), the same as domain/limits.ts gives the server. */
export const settingRules: Record<NumericSetting, SettingRule> = {
  pairsPerDayMax: { unit: 'count', defaultValue: pairsPerDayDefault, min: pairsPerDaySettingMin, max: pairsPerDaySettingMax },
  pointsDailyCapDefault: { unit: 'points', defaultValue: pointsDailyCapDefault, min: 0, max: pointsDailyCapPointsMax },
  timeStorageCapMinutes: { unit: 'hours', defaultValue: timeStorageCapMinutes, min: timeStorageCapMinutesSettingMin, max: timeStorageCapMinutesSettingMax },
  giftYearlyCapMinutes: { unit: 'hours', defaultValue: giftYearlyCapMinutesDefault, min: 0, max: giftYearlyCapMinutesSettingMax },
};

/** What the form holds: the switch, and each number as typed (hours for time). */
export type SettingsForm = { pointsExpiryEnabled: boolean } & Record<NumericSetting, string>;
export type FieldProblem = 'setting_not_number' | 'setting_not_whole' | 'setting_not_whole_minutes';

/** Minutes as hours for the form: "1500", "1.5"; a value that is not a whole number of hundredths keeps two decimals. */
export function minutesToHoursText(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** Typed hours as whole minutes; null when it is not a number or does not come to whole minutes (0.01 h). */
export function hoursTextToMinutes(text: string): number | null {
  const trimmed = text.trim().replace(/[,，]/g, '');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const minutes = Number(trimmed) * 60;
  const whole = Math.round(minutes);
  return Math.abs(minutes - whole) < 1e-6 ? whole : null;
}

/** The form for a station's effective settings. */
export function formOfSettings(settings: StationSettings): SettingsForm {
  const form = { pointsExpiryEnabled: settings.pointsExpiryEnabled } as SettingsForm;
  for (const name of numericSettings) form[name] = textOfValue(name, settings[name]);
  return form;
}

/** A typed value in the API's units, or what is wrong with it; the range is the server's to check. */
export function parseSetting(name: NumericSetting, text: string): { ok: true; value: number } | { ok: false; problem: FieldProblem } {
  const trimmed = text.trim().replace(/[,，]/g, '');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return { ok: false, problem: 'setting_not_number' };
  if (settingRules[name].unit !== 'hours') return /^\d+$/.test(trimmed) ? { ok: true, value: Number(trimmed) } : { ok: false, problem: 'setting_not_whole' };
  const minutes = hoursTextToMinutes(trimmed);
  return minutes === null ? { ok: false, problem: 'setting_not_whole_minutes' } : { ok: true, value: minutes };
}

/** Each field that cannot be sent, with its problem; an empty object means the form can be saved. */
export function formProblems(form: SettingsForm): Partial<Record<NumericSetting, FieldProblem>> {
  const problems: Partial<Record<NumericSetting, FieldProblem>> = {};
  for (const name of numericSettings) {
    const parsed = parseSetting(name, form[name]);
    if (!parsed.ok) problems[name] = parsed.problem;
  }
  return problems;
}

/** The PATCH body: only the settings whose value differs from the current one (an untouched field is never sent). */
export function changedSettings(current: StationSettings, form: SettingsForm): StationSettingsChange {
  const change: StationSettingsChange = {};
  if (form.pointsExpiryEnabled !== current.pointsExpiryEnabled) change.pointsExpiryEnabled = form.pointsExpiryEnabled;
  for (const name of numericSettings) {
    if (form[name] === textOfValue(name, current[name])) continue;
    const parsed = parseSetting(name, form[name]);
    if (parsed.ok && parsed.value !== current[name]) change[name] = parsed.value;
  }
  return change;
}

export function isDefault(name: NumericSetting, value: number): boolean {
  return settingRules[name].defaultValue === value;
}

/** A value with its unit in words: "3 次", "40 分", "1,500 小时"; 0 gift hours reads 不允许转赠. */
export function settingValueText(t: Translate, name: NumericSetting, value: number): string {
  const rule = settingRules[name];
  if (name === 'giftYearlyCapMinutes' && value === 0) return t('settingGiftsOff');
  const amount = rule.unit === 'hours' ? Math.round((value / 60) * 100) / 100 : value;
  return t(`settingUnit_${rule.unit}`, { value: amount.toLocaleString('en-US') });
}

/** The range a station may set, in the form's units: "1–20 次", "1–166,666 小时". */
export function settingRangeText(t: Translate, name: NumericSetting): string {
  const rule = settingRules[name];
  const toUnit = (value: number) => (rule.unit === 'hours' ? Math.floor(value / 60) : value).toLocaleString('en-US');
  return t(`settingUnit_${rule.unit}`, { value: `${toUnit(rule.min)}–${toUnit(rule.max)}` });
}

/** The server's refusal in words: a 403 says who may change settings; a 422 names the setting and keeps the server's detail. */
export function settingsErrorText(t: Translate, error: ApiError): string {
  if (error.status === 403 || error.code === 'forbidden') return t('settingsForbidden');
  if (error.code !== 'invalid_input') return errorMessage(t, error);
  const field = numericSettings.find((name) => (error.detail ?? '').startsWith(`${name}:`));
  const detail = error.detail ?? '';
  return field === undefined ? t('settingsRefused', { detail })
    : t('settingRefused', { label: t(`setting_${field}`), range: settingRangeText(t, field), detail });
}

function textOfValue(name: NumericSetting, value: number): string {
  return settingRules[name].unit === 'hours' ? minutesToHoursText(value) : String(value);
}
