// Serial-mode scanner driver: feeds the channel's bytes to the line decoder and ends a scan without suffix
// after a quiet period. Moves bytes only.

import type { ByteChannel } from '../serial/byte-channel.ts';
import { createScanLineDecoder, type ScanLineOutcome } from './scan-lines.ts';

export type SerialScannerOptions = {
  /** Silence that ends a scan when the scanner sends no CR/LF suffix (300 ms in common web drivers). */
  readonly scanEndIdleMs?: number;
  readonly lineBytesMax?: number;
};

/** Starts delivering scans from `channel`; returns the stop function. */
export function startSerialScanner(channel: ByteChannel, onScan: (outcome: ScanLineOutcome) => void, options: SerialScannerOptions = {}): () => void {
  const decoder = createScanLineDecoder(options.lineBytesMax);
  const scanEndIdleMs = options.scanEndIdleMs ?? 300;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const stopData = channel.onData((chunk) => {
    for (const outcome of decoder.push(chunk)) onScan(outcome);
    clearTimeout(idleTimer);
    if (decoder.hasPending) idleTimer = setTimeout(() => decoder.flush().forEach(onScan), scanEndIdleMs);
  });
  return () => {
    clearTimeout(idleTimer);
    stopData();
  };
}
