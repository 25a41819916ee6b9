// Proves the printer driver over the Web Serial transport against the printer emulator: status queries,
// printing a receipt, refusing paper_out and cover_open, printing with paper_near_end, and a silent printer.

import { describe, expect, it } from 'vitest';
import { createFakeSerialPort } from '../serial/fake-serial.ts';
import { printerLineSettings } from '../serial/line-settings.ts';
import { openWebSerialChannel } from '../serial/web-serial.ts';
import { createPrinterDriver } from './driver.ts';
import { createPrinterEmulator } from './emulator.ts';
import { printer58mm } from './profiles.ts';
import type { Receipt } from './receipt.ts';

const receipt: Receipt = {
  kioskId: 'K-1', kioskSeq: 1, ledgerSeq: 7, kind: '签到', occurredAt: '2024-05-01T00:00:00Z', stationName: '测试站',
  lines: ['签到成功'], verifyUrl: 'https://linli.example.cn/v/K-1/1',
};

async function connect(emulator = createPrinterEmulator()) {
  const channel = await openWebSerialChannel(createFakeSerialPort(emulator), printerLineSettings);
  return { emulator, driver: createPrinterDriver(channel, printer58mm, { statusTimeoutMs: 100 }) };
}

describe('createPrinterDriver', () => {
  it('prints a receipt after a ready status and the emulator reads it back', async () => {
    const { emulator, driver } = await connect();
    await expect(driver.printReceipt(receipt)).resolves.toEqual({ ok: true, value: { status: 'ready' } });
    expect(emulator.printout().lines).toContain('签到成功');
    expect(emulator.printout().qrPayloads).toEqual(['https://linli.example.cn/v/K-1/1']);
  });

  it('refuses to print with no paper (paper_out) or an open cover (cover_open)', async () => {
    const { emulator, driver } = await connect(createPrinterEmulator({ isPaperOut: true }));
    await expect(driver.printReceipt(receipt)).resolves.toEqual({ ok: false, code: 'paper_out' });
    emulator.setCondition({ isPaperOut: false, isCoverOpen: true });
    await expect(driver.printReceipt(receipt)).resolves.toEqual({ ok: false, code: 'cover_open' });
    expect(emulator.printedBytes()).toHaveLength(0);
  });

  it('prints with a nearly empty roll and reports paper_near_end', async () => {
    const { emulator, driver } = await connect(createPrinterEmulator({ isPaperNearEnd: true }));
    await expect(driver.printReceipt(receipt)).resolves.toEqual({ ok: true, value: { status: 'paper_near_end' } });
    expect(emulator.printout().cutCount).toBe(1);
  });

  it('reports printer_timeout when nothing answers the status query', async () => {
    const silent = { receive: () => undefined, onOutput: () => () => undefined };
    const channel = await openWebSerialChannel(createFakeSerialPort(silent), printerLineSettings);
    await expect(createPrinterDriver(channel, printer58mm, { statusTimeoutMs: 30 }).readStatus()).resolves.toEqual({ ok: false, code: 'printer_timeout' });
  });
});
