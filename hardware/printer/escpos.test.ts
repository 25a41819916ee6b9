// Proves the ESC/POS encoder byte for byte: Chinese in GB18030 inside FS & … FS . per profile, sizes,
// alignment, bold, the GS ( k QR sequence with its stored data equal to the payload, cut and drawer.

import { describe, expect, it } from 'vitest';
import { createEscPosEncoder } from './escpos.ts';
import { decodePrintout } from './printout.ts';
import { printer58mm, printer80mm } from './profiles.ts';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');

describe('createEscPosEncoder', () => {
  it('wraps Chinese text in FS & and FS . and encodes it as GB18030', () => {
    const bytes = createEscPosEncoder(printer58mm).text('社区服务站').encode();
    expect(hex(bytes)).toBe('1C 26 C9 E7 C7 F8 B7 FE CE F1 D5 BE 1C 2E');
    expect(new TextDecoder('gb18030').decode(bytes.subarray(2, -2))).toBe('社区服务站');
  });

  it('sends ASCII without entering Chinese mode', () => {
    expect(hex(createEscPosEncoder(printer58mm).line('No. 12').encode())).toBe('4E 6F 2E 20 31 32 0A');
  });

  it('enters Chinese mode once at initialise for an fs_once profile and sends raw GB18030 for a native one', () => {
    const once = createEscPosEncoder({ ...printer80mm, chineseMode: 'fs_once' }).initialize().text('张三').encode();
    expect(hex(once)).toBe('1B 40 1C 26 D5 C5 C8 FD');
    expect(hex(createEscPosEncoder({ ...printer80mm, chineseMode: 'native' }).text('张三').encode())).toBe('D5 C5 C8 FD');
  });

  it('encodes alignment, bold and size', () => {
    const bytes = createEscPosEncoder(printer80mm).align('center').bold(true).size(2, 3).bold(false).align('right').size(1, 1).encode();
    expect(hex(bytes)).toBe('1B 61 01 1B 45 01 1D 21 12 1B 45 00 1B 61 02 1D 21 00');
  });

  it('rejects a size outside 1-8', () => {
    expect(() => createEscPosEncoder(printer80mm).size(9, 1)).toThrow(RangeError);
  });

  it('encodes a QR code as model 2, module size, error level, store and print, matching the published bytes', () => {
    const payload = 'https://example.cn/q?id=1';
    const bytes = createEscPosEncoder(printer80mm).qrCode(payload, { errorLevel: 'M', moduleSizeDots: 6 }).encode();
    const expected = [
      '1D 28 6B 04 00 31 41 32 00', '1D 28 6B 03 00 31 43 06', '1D 28 6B 03 00 31 45 31',
      '1D 28 6B 1C 00 31 50 30', hex(new TextEncoder().encode(payload)), '1D 28 6B 03 00 31 51 30',
    ].join(' ');
    expect(hex(bytes)).toBe(expected);
    expect(decodePrintout(bytes).qrPayloads).toEqual([payload]);
  });

  it('uses the error level asked for and the profile module size by default', () => {
    const bytes = createEscPosEncoder(printer58mm).qrCode('A', { errorLevel: 'H' }).encode();
    expect(hex(bytes.subarray(9, 17))).toBe('1D 28 6B 03 00 31 43 05');
    expect(hex(bytes.subarray(17, 25))).toBe('1D 28 6B 03 00 31 45 33');
  });

  it('refuses a QR payload that is not printable ASCII or is empty', () => {
    expect(() => createEscPosEncoder(printer58mm).qrCode('核验')).toThrow(RangeError);
    expect(() => createEscPosEncoder(printer58mm).qrCode('')).toThrow(RangeError);
  });

  it('feeds then cuts partially on 58 mm and fully on 80 mm', () => {
    expect(hex(createEscPosEncoder(printer58mm).cut().encode())).toBe('1B 64 04 1D 56 01');
    expect(hex(createEscPosEncoder(printer80mm).cut().encode())).toBe('1B 64 04 1D 56 00');
  });

  it('kicks the drawer on pin 2 or pin 5', () => {
    expect(hex(createEscPosEncoder(printer80mm).openDrawer().openDrawer(5).encode())).toBe('1B 70 00 19 FA 1B 70 01 19 FA');
  });

  it('initialises with ESC @', () => {
    expect(hex(createEscPosEncoder(printer58mm).initialize().encode())).toBe('1B 40');
  });
});
