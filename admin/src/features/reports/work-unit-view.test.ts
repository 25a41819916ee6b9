// Proves the 双报到 table's view: totals of every column, time in hours and minutes, points as 分, a blank unit named.
import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/i18n.ts';
import { totalWorkUnits, workUnitLines } from './work-unit-view.ts';

const rows = [
  { workUnit: '区卫健委', members: 3, attendances: 5, creditedMinutes: 390, creditedPoints: 65 },
  { workUnit: '区教育局', members: 2, attendances: 0, creditedMinutes: 0, creditedPoints: 0 },
];

describe('totalWorkUnits', () => {
  it('sums members, attendances, minutes and points', () => {
    expect(totalWorkUnits(rows)).toEqual({ members: 5, attendances: 5, creditedMinutes: 390, creditedPoints: 65 });
  });

  it('totals zero for an empty report', () => {
    expect(totalWorkUnits([])).toEqual({ members: 0, attendances: 0, creditedMinutes: 0, creditedPoints: 0 });
  });
});

describe('workUnitLines', () => {
  it('writes time in 小时/分钟 and points as 分, then the 合计 line', () => {
    const lines = workUnitLines(translator('zh-CN'), rows);
    expect(lines.body[0]).toEqual({ workUnit: '区卫健委', members: '3', attendances: '5', time: '6 小时 30 分钟', points: '65 分' });
    expect(lines.body[1]).toMatchObject({ time: '0 分钟', points: '0 分' });
    expect(lines.total).toEqual({ workUnit: '合计', members: '5', attendances: '5', time: '6 小时 30 分钟', points: '65 分' });
  });

  it('names a blank work unit and speaks English when asked', () => {
    const lines = workUnitLines(translator('en'), [{ workUnit: ' ', members: 1, attendances: 1, creditedMinutes: 120, creditedPoints: 20 }]);
    expect(lines.body[0]).toMatchObject({ workUnit: '(not given)' });
    expect(lines.total.workUnit).toBe('Total');
  });
});
