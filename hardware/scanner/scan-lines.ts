// Splits a serial scanner's byte stream into scans: CR, LF or CR LF ends a scan (hardware.md §4.2).
// Pure. Bytes are decoded as UTF-8, or as GB18030 when they are not valid UTF-8 (Chinese QR content).

export type ScanLineOutcome = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly code: 'scan_too_long' };

export type ScanLineDecoder = {
  push(chunk: Uint8Array): ScanLineOutcome[];
  /** Ends a scan that has no terminator (after the scanner went quiet). */
  flush(): ScanLineOutcome[];
  readonly hasPending: boolean;
};

/** Longest scan kept; a QR code holds at most 2953 bytes in byte mode. */
export const scanBytesMax = 4096;

export function createScanLineDecoder(lineBytesMax = scanBytesMax): ScanLineDecoder {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const gb18030 = new TextDecoder('gb18030');
  let pending: number[] = [];
  let isOverflowing = false;

  function finish(): ScanLineOutcome[] {
    const bytes = Uint8Array.from(pending);
    const wasOverflowing = isOverflowing;
    pending = [];
    isOverflowing = false;
    if (wasOverflowing) return [{ ok: false, code: 'scan_too_long' }];
    if (bytes.length === 0) return [];
    return [{ ok: true, value: decode(bytes) }];
  }

  function decode(bytes: Uint8Array): string {
    try {
      return utf8.decode(bytes);
    } catch {
      return gb18030.decode(bytes);
    }
  }

  return {
    push(chunk) {
      const outcomes: ScanLineOutcome[] = [];
      for (const byte of chunk) {
        if (byte === 0x0d || byte === 0x0a) outcomes.push(...finish());
        else if (pending.length >= lineBytesMax) isOverflowing = true;
        else pending.push(byte);
      }
      return outcomes;
    },
    flush: finish,
    get hasPending() {
      return pending.length > 0 || isOverflowing;
    },
  };
}
