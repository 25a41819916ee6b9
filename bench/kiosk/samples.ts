// Turns the logs of one bench round into timings: last card-reply byte → screen shown, and tap → last receipt byte
// the printer received; and summarises samples as median and p95. Pure: no clock, no I/O.

import { percentileMs } from '../api/latency.ts';
import type { SerialDelivery } from '../../tests/e2e/support/fake-serial-page.ts';
import type { ScreenMark } from './page-probes.ts';

/** The reader's basic-info reply carries 256 bytes of card text and more; find/select replies are a few bytes. */
export const cardReplyBytesMin = 256;
export const readerPort = 0;
export const printerPort = 1;

export type TimedWrite = { port: number; bytes: Uint8Array; atMs: number };
export type Summary = { count: number; medianMs: number; p95Ms: number; maxMs: number };

/**
 * From the last byte of the card read that the kiosk received to the first time `screen` is shown after it.
 * null when the round shows no such screen or no card reply came before it.
 */
export function cardTapToScreenMs(deliveries: readonly SerialDelivery[], screens: readonly ScreenMark[], screen: string): number | null {
  for (const mark of screens) {
    if (mark.screen !== screen) continue;
    const replies = deliveries.filter((delivery) => delivery.port === readerPort && delivery.byteCount >= cardReplyBytesMin && delivery.atMs <= mark.atMs);
    const lastReply = replies[replies.length - 1];
    return lastReply === undefined ? null : mark.atMs - lastReply.atMs;
  }
  return null;
}

/** From the tap to the last byte of print data the printer received after it (real-time status queries are not print data). */
export function tapToLastPrintByteMs(tapMs: number, writes: readonly TimedWrite[]): number | null {
  const printed = writes.filter((write) => write.port === printerPort && write.atMs >= tapMs && !isStatusQuery(write.bytes));
  const last = printed[printed.length - 1];
  return last === undefined ? null : last.atMs - tapMs;
}

/** ESC/POS real-time status request `DLE EOT n`, answered at once and never printed. */
export function isStatusQuery(bytes: Uint8Array): boolean {
  return bytes.length === 3 && bytes[0] === 0x10 && bytes[1] === 0x04;
}

export function summarize(samplesMs: readonly number[]): Summary {
  const sorted = Float64Array.from(samplesMs).sort();
  return { count: sorted.length, medianMs: percentileMs(sorted, 0.5), p95Ms: percentileMs(sorted, 0.95), maxMs: percentileMs(sorted, 1) };
}
