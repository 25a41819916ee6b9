// Printer driver: queries DLE EOT 1/2/4 status, refuses to print into an open cover or an empty roll,
// and writes receipt bytes. Moves bytes only; the encoding is escpos.ts and receipt.ts.

import { collectReply, type ByteChannel } from '../serial/byte-channel.ts';
import type { PrinterProfile } from './profiles.ts';
import { encodeReceipt, type Receipt } from './receipt.ts';
import { decodePrinterStatus, encodeStatusQuery, type PrinterStatus, type PrinterStatusCode, type StatusQuery } from './status.ts';

export type PrinterStatusOutcome = { readonly ok: true; readonly value: PrinterStatus } | { readonly ok: false; readonly code: 'printer_timeout' | 'status_byte_invalid' };
export type PrintOutcome =
  | { readonly ok: true; readonly value: { readonly status: PrinterStatusCode } }
  | { readonly ok: false; readonly code: 'printer_timeout' | 'status_byte_invalid' | 'printer_closed' | Exclude<PrinterStatusCode, 'ready' | 'paper_near_end'> };

export type PrinterDriver = {
  readStatus(): Promise<PrinterStatusOutcome>;
  /** Checks status, then writes `bytes`; a near-end roll still prints and is reported in the outcome. */
  print(bytes: Uint8Array): Promise<PrintOutcome>;
  printReceipt(receipt: Receipt): Promise<PrintOutcome>;
};

export function createPrinterDriver(channel: ByteChannel, profile: PrinterProfile, options: { readonly statusTimeoutMs?: number } = {}): PrinterDriver {
  const statusTimeoutMs = options.statusTimeoutMs ?? 1000;
  let queue: Promise<unknown> = Promise.resolve();
  const serialise = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  async function query(which: StatusQuery): Promise<number | undefined> {
    const reply = collectReply(channel, (received) => received.length >= 1, statusTimeoutMs);
    await channel.write(encodeStatusQuery(which));
    return (await reply)?.[0];
  }

  async function readStatusNow(): Promise<PrinterStatusOutcome> {
    const printer = await query(1);
    const offlineCause = printer === undefined ? undefined : await query(2);
    const paper = offlineCause === undefined ? undefined : await query(4);
    if (printer === undefined || offlineCause === undefined || paper === undefined) return { ok: false, code: 'printer_timeout' };
    return decodePrinterStatus({ printer, offlineCause, paper });
  }

  async function printNow(bytes: Uint8Array): Promise<PrintOutcome> {
    const status = await readStatusNow();
    if (!status.ok) return status;
    const code = status.value.code;
    if (code !== 'ready' && code !== 'paper_near_end') return { ok: false, code };
    try {
      await channel.write(bytes);
    } catch {
      return { ok: false, code: 'printer_closed' };
    }
    return { ok: true, value: { status: code } };
  }

  return {
    readStatus: () => serialise(readStatusNow),
    print: (bytes) => serialise(() => printNow(bytes)),
    printReceipt: (receipt) => serialise(() => printNow(encodeReceipt(receipt, profile))),
  };
}
