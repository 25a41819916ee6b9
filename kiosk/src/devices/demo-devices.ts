// Demo mode's devices: a card reader and a printer emulator behind fake serial ports, so the real drivers run
// unchanged. The demo card is a fictional person; it is lifted again shortly after each tap.

import { createCardReaderEmulator } from '../../../hardware/card-reader/emulator.ts';
import { demoResidentFemale } from '../../../hardware/card-reader/demo-cards.ts';
import { createPrinterEmulator } from '../../../hardware/printer/emulator.ts';
import { createFakeSerialPort } from '../../../hardware/serial/fake-serial.ts';

/** Long enough for the reader's poll to find, select and read the card. */
export const demoCardOnReaderMs = 2_500;

export function createDemoPorts() {
  const reader = createCardReaderEmulator();
  const printer = createPrinterEmulator();
  let liftTimer: ReturnType<typeof setTimeout> | undefined;
  return {
    ports: [createFakeSerialPort(reader), createFakeSerialPort(printer)],
    printer,
    placeCard(): void {
      clearTimeout(liftTimer);
      reader.placeCard(demoResidentFemale);
      liftTimer = setTimeout(() => reader.liftCard(), demoCardOnReaderMs);
    },
  };
}
