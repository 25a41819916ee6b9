// Printer models as data: paper width, columns, how to enter Chinese mode, cut style, QR module size.
// Add a model here rather than branching in the encoder.

export type ChineseMode =
  /** `FS &` before each run of Chinese text and `FS .` after it (most Chinese-market ESC/POS printers). */
  | 'fs_per_text'
  /** `FS &` once after initialising; for printers that must stay in Chinese mode. */
  | 'fs_once'
  /** The printer's default code set is already GB18030: send the bytes as they are. */
  | 'native';

export type PrinterProfile = {
  readonly id: string;
  readonly nameZh: string;
  readonly paperWidthMm: 58 | 80;
  /** Columns of font A (12×24); a Hanzi takes two. */
  readonly columns: number;
  readonly chineseMode: ChineseMode;
  /** Some 58 mm mechanisms have only a partial cutter. */
  readonly cut: 'full' | 'partial';
  /** Lines fed before cutting so the last printed line clears the cutter. */
  readonly feedLinesBeforeCut: number;
  /** QR module size in dots (GS ( k fn 167); 1-16 on Epson, 1-8 is safe everywhere. */
  readonly qrModuleSizeDots: number;
  readonly baudRate: number;
};

export const printer58mm: PrinterProfile = {
  id: 'generic-58mm', nameZh: '58毫米热敏打印机', paperWidthMm: 58, columns: 32, chineseMode: 'fs_per_text',
  cut: 'partial', feedLinesBeforeCut: 4, qrModuleSizeDots: 5, baudRate: 9600,
};

export const printer80mm: PrinterProfile = {
  id: 'generic-80mm', nameZh: '80毫米热敏打印机', paperWidthMm: 80, columns: 48, chineseMode: 'fs_per_text',
  cut: 'full', feedLinesBeforeCut: 4, qrModuleSizeDots: 6, baudRate: 9600,
};

export const printerProfiles: readonly PrinterProfile[] = [printer58mm, printer80mm];
