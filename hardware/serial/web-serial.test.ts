// Proves the Web Serial transport: which serial source is chosen (native, lazily imported polyfill, none),
// ordered writes, chunk delivery, and the end reason for close() versus a lost device.

import { describe, expect, it } from 'vitest';
import type { DeviceEmulator } from './serial-types.ts';
import { createFakeSerial, createFakeSerialPort } from './fake-serial.ts';
import { scannerLineSettings } from './line-settings.ts';
import { openWebSerialChannel, resolveSerial } from './web-serial.ts';

function echoEmulator(): DeviceEmulator & { received: number[] } {
  const listeners = new Set<(bytes: Uint8Array) => void>();
  const received: number[] = [];
  return {
    received,
    receive(bytes) {
      received.push(...bytes);
      for (const listener of listeners) listener(bytes);
    },
    onOutput(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

describe('resolveSerial', () => {
  it('uses navigator.serial when it exists', async () => {
    const serial = createFakeSerial();
    await expect(resolveSerial({ serial })).resolves.toEqual({ serial, kind: 'web_serial' });
  });

  it('loads web-serial-polyfill lazily when only WebUSB exists', async () => {
    const source = await resolveSerial({ usb: {} });
    expect(source.kind).toBe('webusb_polyfill');
    expect(typeof source.serial?.requestPort).toBe('function');
  });

  it('reports unsupported with neither', async () => {
    await expect(resolveSerial({})).resolves.toEqual({ serial: undefined, kind: 'unsupported' });
  });
});

describe('openWebSerialChannel', () => {
  it('writes in order and delivers what the device sends', async () => {
    const emulator = echoEmulator();
    const channel = await openWebSerialChannel(createFakeSerialPort(emulator), scannerLineSettings);
    const seen: number[] = [];
    channel.onData((chunk) => seen.push(...chunk));
    await Promise.all([channel.write(Uint8Array.of(1, 2)), channel.write(Uint8Array.of(3))]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(emulator.received).toEqual([1, 2, 3]);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('ends with closed after close() and with lost after an unplug', async () => {
    const closedPort = createFakeSerialPort(echoEmulator());
    const closing = await openWebSerialChannel(closedPort, scannerLineSettings);
    const closedReason = new Promise((resolve) => closing.onEnd(resolve));
    await closing.close();
    await expect(closedReason).resolves.toBe('closed');
    expect(closedPort.isOpen).toBe(false);

    const lostPort = createFakeSerialPort(echoEmulator());
    const losing = await openWebSerialChannel(lostPort, scannerLineSettings);
    const lostReason = new Promise((resolve) => losing.onEnd(resolve));
    lostPort.unplug();
    await expect(lostReason).resolves.toBe('lost');
    await expect(losing.write(Uint8Array.of(1))).rejects.toThrow();
  });
});
