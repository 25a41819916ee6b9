// Demo mode and browser tests: a fake `navigator.serial` with an emulated card reader and printer granted,
// so the kiosk runs its real probing and drivers with no device attached. Browser-safe.

import { createCardReaderEmulator, type CardReaderEmulator, type CardReaderEmulatorOptions } from '../card-reader/emulator.ts';
import { createPrinterEmulator, type PrinterEmulator } from '../printer/emulator.ts';
import { createFakeSerial, createFakeSerialPort, type FakeSerial, type FakeSerialPort } from './fake-serial.ts';

export type DemoDevices = {
  readonly serial: FakeSerial;
  readonly reader: CardReaderEmulator;
  readonly printer: PrinterEmulator;
  readonly readerPort: FakeSerialPort;
  readonly printerPort: FakeSerialPort;
};

/** Replies arrive in small, slightly delayed chunks by default, as they do from a USB-serial bridge. */
export function createDemoDevices(readerOptions: CardReaderEmulatorOptions = { chunkBytesMax: 64, chunkDelayMs: 1 }): DemoDevices {
  const reader = createCardReaderEmulator(readerOptions);
  const printer = createPrinterEmulator();
  const readerPort = createFakeSerialPort(reader, { usbVendorId: 0x0400, usbProductId: 0xc35a });
  const printerPort = createFakeSerialPort(printer, { usbVendorId: 0x0483, usbProductId: 0x5720 });
  return { serial: createFakeSerial([readerPort, printerPort]), reader, printer, readerPort, printerPort };
}
