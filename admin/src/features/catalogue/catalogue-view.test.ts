// Proves the 活动与服务 forms: Beijing times sent with +08:00, limits and problems by code, prices in minutes or
// points, rounding choices and the activity time range.
import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/i18n.ts';
import { activityTimeRange, beijingIso, readActivityForm, readServiceForm, roundingLabel, roundingOf, type ActivityForm, type ServiceForm } from './catalogue-view.ts';

const activity: ActivityForm = { title: ' 助老理发 ', kind: 'service', date: '2026-11-22', startTime: '09:00', endTime: '11:30', pointsPerHour: '', rounding: '', approval: 'auto' };
const service: ServiceForm = { name: '理发', asset: 'time', hours: '1', minutes: '30', points: '', minAge: '' };

describe('readActivityForm', () => {
  it('sends times typed in Beijing time as ISO-8601 with +08:00 and leaves defaults to the server', () => {
    expect(readActivityForm('st1', activity)).toEqual({ ok: true, value: {
      stationId: 'st1', title: '助老理发', kind: 'service', startsAt: '2026-11-22T09:00:00+08:00', endsAt: '2026-11-22T11:30:00+08:00', approval: 'auto',
    } });
  });

  it('sends points per hour, rounding and manager approval when chosen', () => {
    const read = readActivityForm('st1', { ...activity, pointsPerHour: '1000', rounding: 'nearest_15', approval: 'manager' });
    expect(read.ok && read.value).toMatchObject({ pointsPerHour: 1000, rounding: { mode: 'nearest', stepMinutes: 15 }, approval: 'manager' });
  });

  it('names the first problem: title, times, end before start, points per hour above 1000', () => {
    expect(readActivityForm('st1', { ...activity, title: '  ' })).toEqual({ ok: false, code: 'title_missing' });
    expect(readActivityForm('st1', { ...activity, title: 'x'.repeat(101) })).toEqual({ ok: false, code: 'title_too_long' });
    expect(readActivityForm('st1', { ...activity, startTime: '' })).toEqual({ ok: false, code: 'time_missing' });
    expect(readActivityForm('st1', { ...activity, endTime: '09:00' })).toEqual({ ok: false, code: 'ends_before_start' });
    expect(readActivityForm('st1', { ...activity, pointsPerHour: '1001' })).toEqual({ ok: false, code: 'points_per_hour_invalid' });
    expect(readActivityForm('st1', { ...activity, pointsPerHour: '-1' })).toEqual({ ok: false, code: 'points_per_hour_invalid' });
  });
});

describe('beijingIso and roundingOf', () => {
  it('joins a date and a clock time at +08:00', () => {
    expect(beijingIso('2026-12-31', '23:59')).toBe('2026-12-31T23:59:00+08:00');
  });

  it('reads the rounding choices, the empty one as the default', () => {
    expect(roundingOf('')).toBeUndefined();
    expect(roundingOf('exact')).toEqual({ mode: 'exact' });
    expect(roundingOf('up_15')).toEqual({ mode: 'up', stepMinutes: 15 });
    expect(roundingLabel(translator('zh-CN'), { mode: 'down', stepMinutes: 30 })).toBe('向下取整到 30 分钟');
    expect(roundingLabel(translator('en'), undefined)).toBe('Default (down to 15 min)');
  });
});

describe('readServiceForm', () => {
  it('prices time in minutes from hours and minutes, points as whole points', () => {
    expect(readServiceForm('st1', service)).toEqual({ ok: true, value: { stationId: 'st1', name: '理发', asset: 'time', price: 90 } });
    expect(readServiceForm('st1', { ...service, asset: 'points', points: '25', minAge: '60' })).toEqual({ ok: true, value: { stationId: 'st1', name: '理发', asset: 'points', price: 25, minAge: 60 } });
  });

  it('accepts the price limits 1 and 1,000,000 and refuses 0 and above', () => {
    expect(readServiceForm('st1', { ...service, hours: '', minutes: '1' }).ok).toBe(true);
    expect(readServiceForm('st1', { ...service, asset: 'points', points: '1000000' }).ok).toBe(true);
    expect(readServiceForm('st1', { ...service, hours: '0', minutes: '0' })).toEqual({ ok: false, code: 'price_invalid' });
    expect(readServiceForm('st1', { ...service, asset: 'points', points: '1000001' })).toEqual({ ok: false, code: 'price_invalid' });
    expect(readServiceForm('st1', { ...service, minutes: '60' })).toEqual({ ok: false, code: 'price_invalid' });
  });

  it('names a missing name and a bad minimum age', () => {
    expect(readServiceForm('st1', { ...service, name: '' })).toEqual({ ok: false, code: 'name_missing' });
    expect(readServiceForm('st1', { ...service, minAge: '151' })).toEqual({ ok: false, code: 'min_age_invalid' });
  });
});

describe('activityTimeRange', () => {
  const format = (iso: string) => iso.slice(0, 16).replace('T', ' ');
  it('shows a one-day activity as one date with two times, and a longer one in full', () => {
    expect(activityTimeRange({ startsAt: '2026-11-22T09:00', endsAt: '2026-11-22T11:30' }, format)).toBe('2026-11-22 09:00–11:30');
    expect(activityTimeRange({ startsAt: '2026-11-22T09:00', endsAt: '2026-11-23T11:30' }, format)).toBe('2026-11-22 09:00 – 2026-11-23 11:30');
  });
});
