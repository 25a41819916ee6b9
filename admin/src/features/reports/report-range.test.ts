// Proves the 报表 range and download rules: this month so far in Beijing time, missing and reversed ranges named,
// safe file names, exactly one byte-order mark, and the server's range errors in words with their code.
import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/i18n.ts';
import { fileNameStationCharsMax, rangeProblem, reportErrorText, reportFileName, thisMonthSoFar, withByteOrderMark } from './report-range.ts';

const t = translator('zh-CN');

describe('thisMonthSoFar', () => {
  it('runs from the 1st of the Beijing month to today', () => {
    expect(thisMonthSoFar(Date.parse('2026-11-22T09:00:00+08:00'))).toEqual({ from: '2026-11-01', to: '2026-11-22' });
  });

  it('is already the next month in Beijing when UTC is still on the last day', () => {
    expect(thisMonthSoFar(Date.parse('2026-11-30T17:30:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-01' });
  });
});

describe('rangeProblem', () => {
  it('accepts a one-day range and a longer one', () => {
    expect(rangeProblem({ from: '2026-11-01', to: '2026-11-01' })).toBeNull();
    expect(rangeProblem({ from: '2025-11-01', to: '2026-11-01' })).toBeNull();
  });

  it('names a missing or malformed date (range_missing) and an end before the start (range_reversed)', () => {
    expect(rangeProblem({ from: '', to: '2026-11-01' })).toBe('range_missing');
    expect(rangeProblem({ from: '2026-02-30', to: '2026-03-01' })).toBe('range_missing');
    expect(rangeProblem({ from: '2026-11-02', to: '2026-11-01' })).toBe('range_reversed');
  });
});

describe('reportFileName', () => {
  const range = { from: '2026-11-01', to: '2026-11-22' };
  it('names the export by kind, station and range', () => {
    expect(reportFileName('transactions', '朝阳街道党群服务站', range)).toBe('邻里-交易-朝阳街道党群服务站-2026-11-01-2026-11-22.csv');
    expect(reportFileName('work-units', '朝阳站', range)).toBe('邻里-双报到-朝阳站-2026-11-01-2026-11-22.csv');
  });

  it('replaces characters file systems refuse and falls back when nothing is left', () => {
    expect(reportFileName('transactions', ' a/b:c*? 站 ', range)).toBe('邻里-交易-a_b_c_站-2026-11-01-2026-11-22.csv');
    expect(reportFileName('transactions', '..//', range)).toBe('邻里-交易-station-2026-11-01-2026-11-22.csv');
  });

  it('keeps at most the station name limit in characters', () => {
    const name = reportFileName('transactions', '站'.repeat(fileNameStationCharsMax + 5), range);
    expect(name).toBe(`邻里-交易-${'站'.repeat(fileNameStationCharsMax)}-2026-11-01-2026-11-22.csv`);
  });
});

describe('withByteOrderMark', () => {
  it('adds the mark once and never twice', () => {
    expect(withByteOrderMark('a,b\r\n')).toBe('\uFEFFa,b\r\n');
    expect(withByteOrderMark('\uFEFFa,b\r\n')).toBe('\uFEFFa,b\r\n');
  });
});

describe('reportErrorText', () => {
  it('says a too-long range and too many rows in words, with the code', () => {
    expect(reportErrorText(t, { status: 422, code: 'date_range_invalid', detail: 'to: must be on or after from, at most 366 days' }))
      .toBe('日期范围太长：最多 366 天，请缩短后重试。（代码 date_range_invalid）');
    expect(reportErrorText(t, { status: 422, code: 'export_too_large', detail: 'more than 10000 rows: choose a shorter range' }))
      .toBe('该期间的交易超过 10000 条，请缩短日期范围分次导出。（代码 export_too_large）');
  });

  it('falls back to the code’s own message (forbidden) and to the detail of other invalid input', () => {
    expect(reportErrorText(t, { status: 403, code: 'forbidden' })).toBe('您的角色没有此操作的权限。（代码 forbidden）');
    expect(reportErrorText(t, { status: 422, code: 'invalid_input', detail: 'from: not a date' })).toBe('输入有误：from: not a date（代码 invalid_input）');
  });
});
