// Proves DLE EOT status decoding: all-clear, the published out-of-paper replies, near end, cover open,
// bytes that are not status replies, and that the emulator's encoder agrees with the decoder.

import { describe, expect, it } from 'vitest';
import { decodePrinterStatus, encodeStatusQuery, encodeStatusReply, type PrinterCondition } from './status.ts';

const clear: PrinterCondition = { isOffline: false, isCoverOpen: false, isPaperOut: false, isPaperNearEnd: false, hasError: false };

describe('decodePrinterStatus', () => {
  it('encodes the queries as DLE EOT n', () => {
    expect(Array.from(encodeStatusQuery(4))).toEqual([0x10, 0x04, 0x04]);
  });

  it('reads 12/12/12 as ready', () => {
    expect(decodePrinterStatus({ printer: 0x12, offlineCause: 0x12, paper: 0x12 })).toEqual({ ok: true, value: { ...clear, code: 'ready' } });
  });

  it('reads the published out-of-paper replies 1A/32/7E as paper_out', () => {
    const status = decodePrinterStatus({ printer: 0x1a, offlineCause: 0x32, paper: 0x7e });
    expect(status).toMatchObject({ ok: true, value: { code: 'paper_out', isOffline: true, isPaperOut: true, isPaperNearEnd: true } });
  });

  it('reads bits 2 and 3 of DLE EOT 4 as paper_near_end, which still prints', () => {
    expect(decodePrinterStatus({ printer: 0x12, offlineCause: 0x12, paper: 0x1e })).toMatchObject({ ok: true, value: { code: 'paper_near_end' } });
  });

  it('reads bit 2 of DLE EOT 2 as cover_open, ahead of paper state', () => {
    expect(decodePrinterStatus({ printer: 0x1a, offlineCause: 0x36, paper: 0x7e })).toMatchObject({ ok: true, value: { code: 'cover_open' } });
  });

  it('rejects a byte whose fixed bits are wrong (status_byte_invalid)', () => {
    expect(decodePrinterStatus({ printer: 0x12, offlineCause: 0x12, paper: 0x13 })).toEqual({ ok: false, code: 'status_byte_invalid' });
    expect(decodePrinterStatus({ printer: 0x92, offlineCause: 0x12, paper: 0x12 })).toEqual({ ok: false, code: 'status_byte_invalid' });
  });

  it('decodes every condition the emulator encodes back to the same condition', () => {
    const flags = ['isOffline', 'isCoverOpen', 'isPaperOut', 'isPaperNearEnd', 'hasError'] as const;
    for (let mask = 0; mask < 32; mask += 1) {
      const condition = Object.fromEntries(flags.map((flag, bit) => [flag, (mask & (1 << bit)) !== 0])) as PrinterCondition;
      const decoded = decodePrinterStatus({ printer: encodeStatusReply(1, condition), offlineCause: encodeStatusReply(2, condition), paper: encodeStatusReply(4, condition) });
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) continue;
      expect(decoded.value.isCoverOpen).toBe(condition.isCoverOpen);
      expect(decoded.value.isPaperOut).toBe(condition.isPaperOut);
      expect(decoded.value.hasError).toBe(condition.hasError);
      expect(decoded.value.isPaperNearEnd).toBe(condition.isPaperNearEnd || condition.isPaperOut);
    }
  });
});
