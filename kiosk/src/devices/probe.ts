// Finds which granted serial port is the card reader and which the printer: each port is opened with the
// reader's line settings and asked for SAM status, else with the printer's and asked DLE EOT status.

import type { ByteChannel } from '../../../hardware/serial/byte-channel.ts';
import { cardReaderLineSettings, printerLineSettings } from '../../../hardware/serial/line-settings.ts';
import type { SerialPortLike } from '../../../hardware/serial/serial-types.ts';
import { openWebSerialChannel } from '../../../hardware/serial/web-serial.ts';
import { createCardReaderDriver, type CardReaderDriver } from '../../../hardware/card-reader/driver.ts';
import { createPrinterDriver, type PrinterDriver } from '../../../hardware/printer/driver.ts';
import type { PrinterProfile } from '../../../hardware/printer/profiles.ts';

export type Found = { reader: { driver: CardReaderDriver; channel: ByteChannel } | null; printer: { driver: PrinterDriver; channel: ByteChannel } | null };

/** A probe answer must come quickly; a silent port is not the device asked about. */
export const probeTimeoutMs = 700;

export async function probePorts(ports: readonly SerialPortLike[], profile: PrinterProfile): Promise<Found> {
  const found: Found = { reader: null, printer: null };
  for (const port of ports) {
    if (found.reader === null) {
      const reader = await tryReader(port);
      if (reader) {
        found.reader = reader;
        continue;
      }
    }
    if (found.printer === null) found.printer = await tryPrinter(port, profile);
  }
  return found;
}

async function tryReader(port: SerialPortLike): Promise<Found['reader']> {
  const channel = await openQuietly(port, cardReaderLineSettings);
  if (!channel) return null;
  const driver = createCardReaderDriver(channel, { commandTimeoutMs: probeTimeoutMs, commandAttemptsMax: 1 });
  const status = await driver.checkStatus();
  if (status.ok) return { driver: createCardReaderDriver(channel), channel };
  await channel.close();
  return null;
}

async function tryPrinter(port: SerialPortLike, profile: PrinterProfile): Promise<Found['printer']> {
  const channel = await openQuietly(port, printerLineSettings);
  if (!channel) return null;
  const driver = createPrinterDriver(channel, profile, { statusTimeoutMs: probeTimeoutMs });
  const status = await driver.readStatus();
  if (status.ok) return { driver: createPrinterDriver(channel, profile), channel };
  await channel.close();
  return null;
}

async function openQuietly(port: SerialPortLike, settings: typeof cardReaderLineSettings): Promise<ByteChannel | null> {
  try {
    return await openWebSerialChannel(port, settings);
  } catch {
    // A port that will not open (held by another program, unplugged) is simply not a device we can use.
    return null;
  }
}
