// Reads ESC/POS bytes back into what a person would see: text lines (GB18030-decoded), QR payloads, cuts.
// Pure; used by the printer emulator and by tests to check receipts without paper.

export type PrintedLine = { readonly text: string; readonly align: 'left' | 'center' | 'right'; readonly isBold: boolean; readonly sizeWidth: number; readonly sizeHeight: number };

export type Printout = {
  readonly lines: readonly string[];
  readonly styledLines: readonly PrintedLine[];
  readonly qrPayloads: readonly string[];
  readonly cutCount: number;
  readonly drawerKickCount: number;
  /** Non-ASCII bytes that arrived outside FS & … FS . (a printer in single-byte mode would print mojibake). */
  readonly bytesOutsideChineseMode: number;
  /** Command bytes this reader does not know, e.g. `1b 21`. */
  readonly unknownCommands: readonly string[];
};

const aligns = ['left', 'center', 'right'] as const;

export function decodePrintout(bytes: Uint8Array, options: { readonly chineseModeRequired?: boolean } = {}): Printout {
  const decoder = new TextDecoder('gb18030');
  const styledLines: PrintedLine[] = [];
  const qrPayloads: string[] = [];
  const unknownCommands: string[] = [];
  let pending: number[] = [];
  let storedQr = '';
  let style = { align: 'left' as PrintedLine['align'], isBold: false, sizeWidth: 1, sizeHeight: 1 };
  let isChineseMode = false;
  let cutCount = 0;
  let drawerKickCount = 0;
  let bytesOutsideChineseMode = 0;
  const at = (i: number) => bytes[i] ?? 0;

  for (let i = 0; i < bytes.length; ) {
    const byte = at(i);
    if (byte === 0x0a) {
      styledLines.push({ text: decoder.decode(Uint8Array.from(pending)), ...style });
      pending = [];
      i += 1;
    } else if (byte === 0x1b) {
      const command = at(i + 1);
      if (command === 0x40) [style, isChineseMode, i] = [{ align: 'left', isBold: false, sizeWidth: 1, sizeHeight: 1 }, false, i + 2];
      else if (command === 0x61) [style, i] = [{ ...style, align: aligns[at(i + 2)] ?? 'left' }, i + 3];
      else if (command === 0x45) [style, i] = [{ ...style, isBold: at(i + 2) !== 0 }, i + 3];
      else if (command === 0x64) i += 3;
      else if (command === 0x70) [drawerKickCount, i] = [drawerKickCount + 1, i + 5];
      else [unknownCommands[unknownCommands.length], i] = [`1b ${hex(command)}`, i + 2];
    } else if (byte === 0x1d) {
      const command = at(i + 1);
      if (command === 0x21) [style, i] = [{ ...style, sizeWidth: (at(i + 2) >> 4) + 1, sizeHeight: (at(i + 2) & 0x0f) + 1 }, i + 3];
      else if (command === 0x56) [cutCount, i] = [cutCount + 1, i + (at(i + 2) >= 0x41 ? 4 : 3)];
      else if (command === 0x28 && at(i + 2) === 0x6b) {
        const length = at(i + 3) | (at(i + 4) << 8);
        const fn = at(i + 6);
        if (fn === 0x50) storedQr = String.fromCharCode(...bytes.subarray(i + 8, i + 5 + length));
        if (fn === 0x51) qrPayloads.push(storedQr);
        i += 5 + length;
      } else [unknownCommands[unknownCommands.length], i] = [`1d ${hex(command)}`, i + 2];
    } else if (byte === 0x1c && (at(i + 1) === 0x26 || at(i + 1) === 0x2e)) {
      isChineseMode = at(i + 1) === 0x26;
      i += 2;
    } else if (byte === 0x10 && at(i + 1) === 0x04) {
      i += 3;
    } else {
      if (byte >= 0x80 && !isChineseMode) bytesOutsideChineseMode += 1;
      if (byte >= 0x20) pending.push(byte);
      else unknownCommands.push(hex(byte));
      i += 1;
    }
  }
  if (pending.length > 0) styledLines.push({ text: decoder.decode(Uint8Array.from(pending)), ...style });
  return {
    lines: styledLines.map((line) => line.text), styledLines, qrPayloads, cutCount, drawerKickCount, unknownCommands,
    bytesOutsideChineseMode: options.chineseModeRequired === false ? 0 : bytesOutsideChineseMode,
  };
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}
