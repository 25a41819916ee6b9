// Proves encodeReceipt by decoding its bytes back through the printer emulator's reader: the lines a person
// reads, 待同步 on an offline receipt, the verify QR, one cut, and Chinese only inside Chinese mode.

import { describe, expect, it } from 'vitest';
import { decodePrintout } from './printout.ts';
import { printer58mm, printer80mm } from './profiles.ts';
import { encodeReceipt, formatChinaTime, type Receipt } from './receipt.ts';
import { displayWidth } from './text-width.ts';

const receipt: Receipt = {
  kioskId: 'K-0007', kioskSeq: 42, ledgerSeq: 1093, kind: '志愿服务签退', occurredAt: '2024-05-01T02:03:00Z',
  stationName: '东城区测试社区党群服务站', lines: ['志愿者 张*试', '服务时长 120 分钟，获得时间币 120 分钟；当前余额 360 分钟'],
  verifyUrl: 'https://linli.example.cn/v/K-0007/42',
};

describe('encodeReceipt', () => {
  it('prints the station, kind, China time, body, sequence numbers, QR and one cut', () => {
    const printout = decodePrintout(encodeReceipt(receipt, printer80mm));
    expect(printout.lines).toContain('东城区测试社区党群服务站');
    expect(printout.lines).toContain('业务：志愿服务签退');
    expect(printout.lines).toContain('时间：2024-05-01 10:03');
    expect(printout.lines).toContain('志愿者 张*试');
    expect(printout.lines.some((line) => line.startsWith('终端 K-0007') && line.endsWith('序号 42'))).toBe(true);
    expect(printout.lines).toContain('账本序号 1093');
    expect(printout.lines).toContain('扫码核验');
    expect(printout.qrPayloads).toEqual(['https://linli.example.cn/v/K-0007/42']);
    expect(printout.cutCount).toBe(1);
    expect(printout.bytesOutsideChineseMode).toBe(0);
    expect(printout.unknownCommands).toEqual([]);
    expect(printout.lines).not.toContain('【待同步】');
  });

  it('wraps body lines to 32 columns on 58 mm paper without splitting a Hanzi', () => {
    const printout = decodePrintout(encodeReceipt(receipt, printer58mm));
    const body = printout.styledLines.filter((line) => line.sizeWidth === 1);
    expect(body.every((line) => displayWidth(line.text) <= 32)).toBe(true);
    expect(printout.lines.join('')).toContain('服务时长 120 分钟，获得时间币 120 分钟；当前余额 360 分钟');
  });

  it('shows 待同步 large and bold at the top and bottom of an offline receipt, with no ledger number', () => {
    const printout = decodePrintout(encodeReceipt({ ...receipt, ledgerSeq: null, pending: true }, printer58mm));
    const banners = printout.styledLines.filter((line) => line.text === '【待同步】');
    expect(banners).toHaveLength(2);
    expect(banners.every((line) => line.isBold && line.sizeWidth === 2 && line.sizeHeight === 2)).toBe(true);
    expect(printout.lines).toContain('账本序号 待同步');
  });
});

describe('formatChinaTime', () => {
  it('prints an instant in UTC+8 and passes an unparsable value through', () => {
    expect(formatChinaTime('2024-12-31T16:30:00Z')).toBe('2025-01-01 00:30');
    expect(formatChinaTime('yesterday')).toBe('yesterday');
  });
});
