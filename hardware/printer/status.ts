// ESC/POS real-time status: `DLE EOT n` queries and the decoding of their one-byte replies (hardware.md §3.4).
// Pure. Bits 1 and 4 are always 1 and bits 0 and 7 always 0, which also tells a printer reply from noise.

export type StatusQuery = 1 | 2 | 4;

export const statusQueries: readonly StatusQuery[] = [1, 2, 4];

export function encodeStatusQuery(query: StatusQuery): Uint8Array {
  return Uint8Array.of(0x10, 0x04, query);
}

/** True for a byte with the fixed bits of a DLE EOT reply (bits 1, 4 set; bits 0, 7 clear). */
export function isStatusByte(byte: number): boolean {
  return (byte & 0b1001_0011) === 0b0001_0010;
}

export type PrinterCondition = {
  readonly isOffline: boolean;
  readonly isCoverOpen: boolean;
  readonly isPaperOut: boolean;
  readonly isPaperNearEnd: boolean;
  readonly hasError: boolean;
};

export type PrinterStatusCode = 'ready' | 'paper_near_end' | 'paper_out' | 'cover_open' | 'printer_error' | 'offline';
export type PrinterStatus = PrinterCondition & { readonly code: PrinterStatusCode };
export type StatusDecodeOutcome = { readonly ok: true; readonly value: PrinterStatus } | { readonly ok: false; readonly code: 'status_byte_invalid' };

/** Decodes the replies to DLE EOT 1 (printer), 2 (offline cause) and 4 (roll paper sensor). */
export function decodePrinterStatus(replies: { readonly printer: number; readonly offlineCause: number; readonly paper: number }): StatusDecodeOutcome {
  const { printer, offlineCause, paper } = replies;
  if (![printer, offlineCause, paper].every(isStatusByte)) return { ok: false, code: 'status_byte_invalid' };
  const condition: PrinterCondition = {
    isOffline: (printer & 0x08) !== 0,
    isCoverOpen: (offlineCause & 0x04) !== 0,
    isPaperOut: (paper & 0x60) !== 0 || (offlineCause & 0x20) !== 0,
    isPaperNearEnd: (paper & 0x0c) !== 0,
    hasError: (offlineCause & 0x40) !== 0,
  };
  return { ok: true, value: { ...condition, code: summarize(condition) } };
}

/** The first blocking condition wins; near-end still prints. */
function summarize(condition: PrinterCondition): PrinterStatusCode {
  if (condition.isCoverOpen) return 'cover_open';
  if (condition.isPaperOut) return 'paper_out';
  if (condition.hasError) return 'printer_error';
  if (condition.isOffline) return 'offline';
  if (condition.isPaperNearEnd) return 'paper_near_end';
  return 'ready';
}

/** The reply a printer in `condition` sends to `query`; the emulator's half of the protocol. */
export function encodeStatusReply(query: StatusQuery, condition: PrinterCondition): number {
  const base = 0x12;
  const isStopped = condition.isCoverOpen || condition.isPaperOut || condition.hasError || condition.isOffline;
  if (query === 1) return base | (isStopped ? 0x08 : 0);
  if (query === 2) return base | (condition.isCoverOpen ? 0x04 : 0) | (condition.isPaperOut ? 0x20 : 0) | (condition.hasError ? 0x40 : 0);
  return base | (condition.isPaperNearEnd || condition.isPaperOut ? 0x0c : 0) | (condition.isPaperOut ? 0x60 : 0);
}
