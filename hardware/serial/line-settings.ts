// Serial line settings spelled out per device role instead of trusting defaults (reference/hardware.md §1.1, §4.2).
// Pure data.

/** Same shape as Web Serial's `SerialOptions`, every field explicit. */
export type LineSettings = {
  readonly baudRate: number;
  readonly dataBits: 7 | 8;
  readonly stopBits: 1 | 2;
  readonly parity: 'none' | 'even' | 'odd';
  readonly flowControl: 'none' | 'hardware';
  readonly bufferSize: number;
};

const eightNoneOne = { dataBits: 8, stopBits: 1, parity: 'none', flowControl: 'none' } as const;

/** GA 467 SAM readers: 115200 8N1. A 1295-byte read needs a buffer larger than Web Serial's default 255. */
export const cardReaderLineSettings: LineSettings = { ...eightNoneOne, baudRate: 115_200, bufferSize: 4096 };
/** Chinese receipt printers on serial/CDC: 9600 8N1 is the common factory default. */
export const printerLineSettings: LineSettings = { ...eightNoneOne, baudRate: 9600, bufferSize: 4096 };
/** Serial-mode scanners: 9600 8N1 (NCR/Zebra/Unitech defaults). */
export const scannerLineSettings: LineSettings = { ...eightNoneOne, baudRate: 9600, bufferSize: 1024 };
