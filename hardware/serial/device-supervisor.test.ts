// Proves role discovery and recovery over a fake navigator.serial: ports are told apart by probing alone,
// a silent port stays unknown, an unplugged reader disappears and comes back when plugged in again, with
// connect events (Web Serial) and by polling (the polyfill has none).

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCardReaderEmulator } from '../card-reader/emulator.ts';
import { createPrinterEmulator } from '../printer/emulator.ts';
import { createDeviceSupervisor, type DeviceSupervisor } from './device-supervisor.ts';
import { createFakeSerial, createFakeSerialPort } from './fake-serial.ts';
import { isPrinterProbeReply, isReaderProbeReply, probeDevice } from './probe.ts';
import { openWebSerialChannel } from './web-serial.ts';

const probe = { probeTimeoutMs: 40 };
let supervisor: DeviceSupervisor | undefined;

afterEach(async () => {
  await supervisor?.stop();
  supervisor = undefined;
});

function kiosk() {
  const silent = { receive: () => undefined, onOutput: () => () => undefined };
  const printer = createPrinterEmulator();
  const readerPort = createFakeSerialPort(createCardReaderEmulator(), { usbVendorId: 0x0400 });
  const printerPort = createFakeSerialPort(printer, { usbVendorId: 0x0483 });
  const scannerPort = createFakeSerialPort(silent);
  return { printer, readerPort, printerPort, scannerPort, serial: createFakeSerial([scannerPort, readerPort, printerPort]) };
}

describe('probeDevice', () => {
  it('classifies replies: one status byte is a printer, a GA 467 frame is a reader', () => {
    expect(isPrinterProbeReply(Uint8Array.of(0x12))).toBe(true);
    expect(isPrinterProbeReply(Uint8Array.of(0xaa))).toBe(false);
    expect(isReaderProbeReply(Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x04, 0x00, 0x00, 0x90, 0x94))).toBe(true);
    expect(isReaderProbeReply(Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x04, 0x00, 0x00, 0x90, 0x95))).toBe(false);
  });

  it('never sends SAM bytes to a printer', async () => {
    const { printer, printerPort } = kiosk();
    const result = await probeDevice((settings) => openWebSerialChannel(printerPort, settings), probe);
    expect(result.role).toBe('printer');
    expect(printer.printedBytes()).toHaveLength(0);
    expect(printerPort.openedWith?.baudRate).toBe(9600);
  });
});

describe('createDeviceSupervisor', () => {
  it('finds the reader and the printer among granted ports and leaves the silent one alone', async () => {
    const { serial, readerPort, printerPort } = kiosk();
    supervisor = createDeviceSupervisor({ serial, onChange: () => undefined, probe });
    await supervisor.start();
    expect(supervisor.devices().get('card_reader')?.port).toBe(readerPort);
    expect(supervisor.devices().get('printer')?.port).toBe(printerPort);
    expect(readerPort.openedWith?.baudRate).toBe(115_200);
  });

  it('drops an unplugged reader and reconnects it on the connect event', async () => {
    const { serial, readerPort } = kiosk();
    const changes: string[][] = [];
    supervisor = createDeviceSupervisor({ serial, onChange: (devices) => changes.push([...devices.keys()].sort()), probe, rescanIntervalMs: 60_000 });
    await supervisor.start();
    readerPort.unplug();
    await vi.waitFor(() => expect(supervisor!.devices().has('card_reader')).toBe(false));
    readerPort.plug();
    await vi.waitFor(() => expect(supervisor!.devices().get('card_reader')?.port).toBe(readerPort));
    expect(changes.at(-2)).toEqual(['printer']);
    expect(changes.at(-1)).toEqual(['card_reader', 'printer']);
  });

  it('recovers by polling when the serial object has no events (web-serial-polyfill)', async () => {
    const { serial, readerPort } = kiosk();
    const polyfillLike = { getPorts: () => serial.getPorts(), requestPort: () => serial.requestPort() };
    supervisor = createDeviceSupervisor({ serial: polyfillLike, onChange: () => undefined, probe, rescanIntervalMs: 20 });
    await supervisor.start();
    readerPort.unplug();
    await vi.waitFor(() => expect(supervisor!.devices().has('card_reader')).toBe(false));
    readerPort.plug();
    await vi.waitFor(() => expect(supervisor!.devices().has('card_reader')).toBe(true));
  });
});
