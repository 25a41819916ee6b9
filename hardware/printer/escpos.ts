// Pure ESC/POS encoder: Chinese in GB18030 inside Chinese mode as the profile says, sizes, alignment,
// bold, QR via GS ( k, feed, cut and drawer (reference/hardware.md §3). Builds bytes; never writes them.

import { encodeGb18030 } from './gb18030.ts';
import type { PrinterProfile } from './profiles.ts';

export type Alignment = 'left' | 'center' | 'right';
export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';
/** GS ( k store data takes pL pH; keep well inside what 58 mm printers render legibly. */
export const qrPayloadBytesMax = 512;

const escape = 0x1b;
const groupSeparator = 0x1d;
const fileSeparator = 0x1c;
const alignmentCodes: Readonly<Record<Alignment, number>> = { left: 0, center: 1, right: 2 };
const qrLevelCodes: Readonly<Record<QrErrorLevel, number>> = { L: 0x30, M: 0x31, Q: 0x32, H: 0x33 };

export type EscPosEncoder = {
  /** ESC @, then FS & when the profile keeps Chinese mode on. */
  initialize(): EscPosEncoder;
  align(alignment: Alignment): EscPosEncoder;
  bold(isBold: boolean): EscPosEncoder;
  /** GS ! with width and height multipliers 1-8. */
  size(width: number, height: number): EscPosEncoder;
  text(text: string): EscPosEncoder;
  newline(): EscPosEncoder;
  line(text: string): EscPosEncoder;
  /** ESC d n: feed n lines (0-255). */
  feed(lines: number): EscPosEncoder;
  qrCode(payload: string, options?: { errorLevel?: QrErrorLevel; moduleSizeDots?: number }): EscPosEncoder;
  /** Feeds the profile's lines, then GS V 0 (full) or GS V 1 (partial). */
  cut(): EscPosEncoder;
  /** ESC p m t1 t2 with 50 ms on, 500 ms off; pin 2 (m = 0) or pin 5 (m = 1). */
  openDrawer(pin?: 2 | 5): EscPosEncoder;
  raw(bytes: readonly number[] | Uint8Array): EscPosEncoder;
  encode(): Uint8Array;
};

export function createEscPosEncoder(profile: PrinterProfile): EscPosEncoder {
  const chunks: (readonly number[] | Uint8Array)[] = [];
  const push = (bytes: readonly number[] | Uint8Array) => {
    chunks.push(bytes);
    return encoder;
  };

  const encoder: EscPosEncoder = {
    initialize: () => push(profile.chineseMode === 'fs_once' ? [escape, 0x40, fileSeparator, 0x26] : [escape, 0x40]),
    align: (alignment) => push([escape, 0x61, alignmentCodes[alignment]]),
    bold: (isBold) => push([escape, 0x45, isBold ? 1 : 0]),
    size(width, height) {
      assertRange('size width', width, 1, 8);
      assertRange('size height', height, 1, 8);
      return push([groupSeparator, 0x21, ((width - 1) << 4) | (height - 1)]);
    },
    text(text) {
      const bytes = encodeGb18030(text);
      const isAscii = bytes.every((byte) => byte < 0x80);
      if (isAscii || profile.chineseMode !== 'fs_per_text') return push(bytes);
      return push([fileSeparator, 0x26]).raw(bytes).raw([fileSeparator, 0x2e]);
    },
    newline: () => push([0x0a]),
    line: (text) => encoder.text(text).newline(),
    feed(lines) {
      assertRange('feed lines', lines, 0, 255);
      return push([escape, 0x64, lines]);
    },
    qrCode(payload, options = {}) {
      const { errorLevel = 'M', moduleSizeDots = profile.qrModuleSizeDots } = options;
      assertRange('QR module size', moduleSizeDots, 1, 16);
      if (!/^[\x20-\x7e]*$/u.test(payload)) throw new RangeError('QR payloads are printable ASCII (URLs)');
      if (payload.length === 0 || payload.length > qrPayloadBytesMax) throw new RangeError(`QR payload of ${payload.length} bytes`);
      const storeLength = payload.length + 3;
      push([groupSeparator, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]);
      push([groupSeparator, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, moduleSizeDots]);
      push([groupSeparator, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, qrLevelCodes[errorLevel]]);
      push([groupSeparator, 0x28, 0x6b, storeLength & 0xff, storeLength >> 8, 0x31, 0x50, 0x30]);
      push(encodeGb18030(payload));
      return push([groupSeparator, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]);
    },
    cut: () => encoder.feed(profile.feedLinesBeforeCut).raw([groupSeparator, 0x56, profile.cut === 'full' ? 0x00 : 0x01]),
    openDrawer: (pin = 2) => push([escape, 0x70, pin === 2 ? 0 : 1, 0x19, 0xfa]),
    raw: (bytes) => push(Uint8Array.from(bytes)),
    encode() {
      const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
      const out = new Uint8Array(length);
      let offset = 0;
      for (const chunk of chunks) {
        out.set(chunk, offset);
        offset += chunk.length;
      }
      return out;
    },
  };
  return encoder;
}

function assertRange(what: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${what} ${value} is outside ${min}-${max}`);
}
