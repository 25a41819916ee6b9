// A receipt printer emulator: records printed bytes, answers DLE EOT 1/2/4 from a settable condition, and
// decodes what it printed. Used by tests and by the kiosk's demo mode through a fake serial port.

import type { DeviceEmulator } from '../serial/serial-types.ts';
import { decodePrintout, type Printout } from './printout.ts';
import { encodeStatusReply, type PrinterCondition, type StatusQuery } from './status.ts';

export type PrinterEmulator = DeviceEmulator & {
  setCondition(condition: Partial<PrinterCondition>): void;
  /** Every byte received except real-time status queries. */
  printedBytes(): Uint8Array;
  printout(): Printout;
  clear(): void;
};

const readyCondition: PrinterCondition = { isOffline: false, isCoverOpen: false, isPaperOut: false, isPaperNearEnd: false, hasError: false };

export function createPrinterEmulator(initial: Partial<PrinterCondition> = {}): PrinterEmulator {
  const listeners = new Set<(bytes: Uint8Array) => void>();
  let condition: PrinterCondition = { ...readyCondition, ...initial };
  let printed: number[] = [];
  // Real printers also treat DLE EOT as real-time inside the stream, so it is parsed across chunk boundaries.
  let statusPrefix: number[] = [];

  function reply(query: StatusQuery): void {
    const byte = encodeStatusReply(query, condition);
    setTimeout(() => {
      for (const listener of [...listeners]) listener(Uint8Array.of(byte));
    }, 0);
  }

  function receive(bytes: Uint8Array): void {
    for (const byte of bytes) {
      if (statusPrefix.length === 0 && byte === 0x10) statusPrefix = [byte];
      else if (statusPrefix.length === 1 && byte === 0x04) statusPrefix.push(byte);
      else if (statusPrefix.length === 2 && (byte === 1 || byte === 2 || byte === 4)) {
        statusPrefix = [];
        reply(byte);
      } else {
        printed.push(...statusPrefix, byte);
        statusPrefix = [];
      }
    }
  }

  return {
    receive,
    onOutput(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setCondition(change) {
      condition = { ...condition, ...change };
    },
    printedBytes: () => Uint8Array.from(printed),
    printout: () => decodePrintout(Uint8Array.from(printed)),
    clear() {
      printed = [];
    },
  };
}
