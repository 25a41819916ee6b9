// Proves the 站点设置 rules: minutes shown as hours and typed hours sent as whole minutes, typed values that cannot be
// sent named, only changed settings in the PATCH body, values in words, and the server's 403 and 422 said plainly.
import { describe, expect, it } from 'vitest';
import type { StationSettings } from '../../api/types.ts';
import { translator } from '../../i18n/i18n.ts';
import {
  changedSettings, formOfSettings, formProblems, hoursTextToMinutes, isDefault, minutesToHoursText, parseSetting, settingRangeText, settingsErrorText, settingValueText,
} from './settings-view.ts';

const t = translator('zh-CN');
const defaults: StationSettings = { stationId: 'st1', pointsExpiryEnabled: false, pairsPerDayMax: 3, pointsDailyCapDefault: 40, timeStorageCapMinutes: 90_000, giftYearlyCapMinutes: 6_000 };

describe('hours and minutes', () => {
  it('shows minutes as hours, keeping at most two decimals', () => {
    expect(minutesToHoursText(90_000)).toBe('1500');
    expect(minutesToHoursText(90)).toBe('1.5');
    expect(minutesToHoursText(100)).toBe('1.67');
    expect(minutesToHoursText(0)).toBe('0');
  });

  it('reads typed hours as whole minutes, with thousands separators', () => {
    expect(hoursTextToMinutes('1000')).toBe(60_000);
    expect(hoursTextToMinutes('1,000')).toBe(60_000);
    expect(hoursTextToMinutes(' 1.5 ')).toBe(90);
    expect(hoursTextToMinutes('0.1')).toBe(6);
  });

  it('refuses hours that are not whole minutes or not a number', () => {
    expect(hoursTextToMinutes('0.01')).toBeNull();
    expect(hoursTextToMinutes('1.67')).toBeNull();
    expect(hoursTextToMinutes('-5')).toBeNull();
    expect(hoursTextToMinutes('')).toBeNull();
    expect(hoursTextToMinutes('十')).toBeNull();
  });
});

describe('parseSetting and formProblems', () => {
  it('takes whole counts and points, and hours as minutes', () => {
    expect(parseSetting('pairsPerDayMax', '2')).toEqual({ ok: true, value: 2 });
    expect(parseSetting('pointsDailyCapDefault', '10,000')).toEqual({ ok: true, value: 10_000 });
    expect(parseSetting('giftYearlyCapMinutes', '0')).toEqual({ ok: true, value: 0 });
  });

  it('names a fraction of a count (setting_not_whole), a non-number (setting_not_number) and bad hours (setting_not_whole_minutes)', () => {
    expect(parseSetting('pairsPerDayMax', '2.5')).toEqual({ ok: false, problem: 'setting_not_whole' });
    expect(parseSetting('pointsDailyCapDefault', '')).toEqual({ ok: false, problem: 'setting_not_number' });
    expect(parseSetting('timeStorageCapMinutes', '0.001')).toEqual({ ok: false, problem: 'setting_not_whole_minutes' });
  });

  it('leaves the range to the server: 21 check-ins can be sent and is refused there', () => {
    expect(parseSetting('pairsPerDayMax', '21')).toEqual({ ok: true, value: 21 });
    expect(formProblems({ ...formOfSettings(defaults), pairsPerDayMax: '21' })).toEqual({});
    expect(formProblems({ ...formOfSettings(defaults), pairsPerDayMax: 'x', giftYearlyCapMinutes: '0.01' }))
      .toEqual({ pairsPerDayMax: 'setting_not_number', giftYearlyCapMinutes: 'setting_not_whole_minutes' });
  });
});

describe('changedSettings', () => {
  it('sends nothing for an untouched form, even when a value is not whole hours', () => {
    const odd = { ...defaults, timeStorageCapMinutes: 100 };
    expect(changedSettings(odd, formOfSettings(odd))).toEqual({});
  });

  it('sends only the changed fields, time in minutes', () => {
    const form = { ...formOfSettings(defaults), pairsPerDayMax: '2', timeStorageCapMinutes: '1,000' };
    expect(changedSettings(defaults, form)).toEqual({ pairsPerDayMax: 2, timeStorageCapMinutes: 60_000 });
  });

  it('sends the expiry switch only when it moved, and not a retyped equal value', () => {
    expect(changedSettings(defaults, { ...formOfSettings(defaults), pointsExpiryEnabled: true })).toEqual({ pointsExpiryEnabled: true });
    expect(changedSettings(defaults, { ...formOfSettings(defaults), timeStorageCapMinutes: '1500.0', pointsDailyCapDefault: '040' })).toEqual({});
  });

  it('leaves out a field that cannot be sent', () => {
    expect(changedSettings(defaults, { ...formOfSettings(defaults), pairsPerDayMax: 'x', giftYearlyCapMinutes: '0' })).toEqual({ giftYearlyCapMinutes: 0 });
  });
});

describe('values in words', () => {
  it('says each value with its unit, 1,500 小时 as the default, and 0 gift hours as 不允许转赠', () => {
    expect(settingValueText(t, 'pairsPerDayMax', 3)).toBe('3 次');
    expect(settingValueText(t, 'pointsDailyCapDefault', 10_000)).toBe('10,000 分');
    expect(settingValueText(t, 'timeStorageCapMinutes', 90_000)).toBe('1,500 小时');
    expect(settingValueText(t, 'giftYearlyCapMinutes', 0)).toBe('不允许转赠');
    expect(isDefault('timeStorageCapMinutes', 90_000)).toBe(true);
    expect(isDefault('timeStorageCapMinutes', 60_000)).toBe(false);
  });

  it('says each range in the form’s units', () => {
    expect(settingRangeText(t, 'pairsPerDayMax')).toBe('1–20 次');
    expect(settingRangeText(t, 'pointsDailyCapDefault')).toBe('0–10,000 分');
    expect(settingRangeText(t, 'timeStorageCapMinutes')).toBe('1–166,666 小时');
    expect(translator('en')('settingUnit_hours', { value: settingValueText(translator('en'), 'giftYearlyCapMinutes', 6_000) })).toContain('100 hours');
  });
});

describe('settingsErrorText', () => {
  it('says who may change settings for a 403', () => {
    expect(settingsErrorText(t, { status: 403, code: 'forbidden' })).toBe('只有站长或管理员可以修改站点设置。以下为当前设置，仅供查看。');
  });

  it('names the refused setting and its range, keeping the server’s detail', () => {
    expect(settingsErrorText(t, { status: 422, code: 'invalid_input', detail: 'pairsPerDayMax: must be an integer 1–20' }))
      .toBe('“每人每项活动每天最多签到次数”超出可设范围（1–20 次），未保存。服务器说明：pairsPerDayMax: must be an integer 1–20');
    expect(settingsErrorText(t, { status: 422, code: 'invalid_input', detail: 'at least one setting is required' })).toBe('服务器拒绝了修改：at least one setting is required');
  });

  it('falls back to the code’s own message for other failures', () => {
    expect(settingsErrorText(t, { status: 0, code: 'network', detail: 'Failed to fetch' })).toBe(t('error_network'));
  });
});
