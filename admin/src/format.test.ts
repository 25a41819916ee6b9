// Proves the admin's formatting: Beijing times, yesterday's business date across midnight, messages per code.
import { describe, expect, it } from 'vitest';
import { translator } from './i18n/i18n.ts';
import { errorMessage, formatAmount, formatDateTime, formatMinutes, formatValue, kindLabel, yesterdayBusinessDate } from './format.ts';

const t = translator('zh-CN');

describe('formatDateTime', () => {
  it('shows an instant in Beijing time, minutes precision', () => {
    expect(formatDateTime('2026-11-22T16:41:47.000Z')).toBe('2026-11-23 00:41');
    expect(formatDateTime('2026-11-22T08:00:00+08:00')).toBe('2026-11-22 08:00');
  });

  it('shows nothing for null and the text itself when it is not a time', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('soon')).toBe('soon');
  });
});

describe('yesterdayBusinessDate', () => {
  it('is the Asia/Shanghai date before today', () => {
    expect(yesterdayBusinessDate(Date.parse('2026-11-22T12:00:00+08:00'))).toBe('2026-11-21');
  });

  it('turns at Beijing midnight, not UTC midnight', () => {
    expect(yesterdayBusinessDate(Date.parse('2026-11-22T23:59:59+08:00'))).toBe('2026-11-21');
    expect(yesterdayBusinessDate(Date.parse('2026-11-23T00:00:00+08:00'))).toBe('2026-11-22');
  });
});

describe('errorMessage', () => {
  it('shows the message of a known code (401 invalid_credentials, 429 too_many_attempts)', () => {
    expect(errorMessage(t, { status: 401, code: 'invalid_credentials' })).toBe('用户名或密码不正确。');
    expect(errorMessage(t, { status: 429, code: 'too_many_attempts' })).toBe('尝试次数过多，请稍后再试。');
  });

  it('shows the detail of invalid_input and the code of an unknown one', () => {
    expect(errorMessage(t, { status: 422, code: 'invalid_input', detail: 'name: too long' })).toBe('输入有误：name: too long');
    expect(errorMessage(t, { status: 409, code: 'brand_new_code' })).toBe('操作失败（brand_new_code）。');
  });
});

describe('formatAmount', () => {
  it('names the unit of the asset', () => {
    expect(formatAmount(t, 'time', 90)).toBe('90 分钟');
    expect(formatAmount(t, 'points', 12)).toBe('12 积分');
    expect(formatAmount(t, null, 5)).toBe('5');
    expect(formatAmount(t, 'time', null)).toBe('');
  });
});

describe('kindLabel', () => {
  it('names known kinds and shows the code of others', () => {
    expect(kindLabel(translator('zh-CN'), 'check_out')).toBe('签退');
    expect(kindLabel(translator('en'), 'attendance_approval')).toBe('Approval');
    expect(kindLabel(translator('zh-CN'), 'new_kind')).toBe('new_kind');
  });
});

describe('formatMinutes', () => {
  it('shows minutes as hours and minutes, leaving out a zero part', () => {
    expect(formatMinutes(t, 90)).toBe('1 小时 30 分钟');
    expect(formatMinutes(t, 120)).toBe('2 小时');
    expect(formatMinutes(t, 45)).toBe('45 分钟');
    expect(formatMinutes(t, 0)).toBe('0 分钟');
    expect(formatMinutes(translator('en'), 61)).toBe('1 h 1 min');
  });

  it('keeps the sign of a negative amount in front', () => {
    expect(formatMinutes(t, -75)).toBe('-1 小时 15 分钟');
  });
});

describe('formatValue', () => {
  it('shows time in hours and minutes and points as 分', () => {
    expect(formatValue(t, 'time', 150)).toBe('2 小时 30 分钟');
    expect(formatValue(t, 'points', 12)).toBe('12 分');
    expect(formatValue(t, null, 7)).toBe('7');
    expect(formatValue(t, 'points', null)).toBe('');
  });
});
