// Proves the card driver end to end over the Web Serial transport and a fake port wired to the reader
// emulator: one card_read per placement, split and slow chunks, retries, failures, silence and unplugging.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeSerialPort } from '../serial/fake-serial.ts';
import { cardReaderLineSettings } from '../serial/line-settings.ts';
import { openWebSerialChannel } from '../serial/web-serial.ts';
import { demoForeign2023, demoResidentFemale, demoResidentMale } from './demo-cards.ts';
import { createCardReaderDriver, type CardReaderDriver, type CardReaderEvent } from './driver.ts';
import { createCardReaderEmulator, type CardReaderEmulatorOptions } from './emulator.ts';

const fastOptions = { pollIntervalMs: 5, commandTimeoutMs: 60, commandAttemptsMax: 2, readAttemptsMax: 3 };
let running: CardReaderDriver | undefined;

async function startReader(emulatorOptions: CardReaderEmulatorOptions = {}) {
  const emulator = createCardReaderEmulator(emulatorOptions);
  const port = createFakeSerialPort(emulator);
  const channel = await openWebSerialChannel(port, cardReaderLineSettings);
  const driver = createCardReaderDriver(channel, fastOptions);
  const events: CardReaderEvent[] = [];
  running = driver;
  return { emulator, port, channel, driver, events, start: () => driver.start((event) => events.push(event)) };
}

const reads = (events: CardReaderEvent[]) => events.flatMap((event) => (event.type === 'card_read' ? [event.card] : []));
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe('createCardReaderDriver', () => {
  it('opens the port at 115200 8N1 with every line setting spelled out', async () => {
    const { port } = await startReader();
    expect(port.openedWith).toEqual({ baudRate: 115_200, dataBits: 8, stopBits: 1, parity: 'none', flowControl: 'none', bufferSize: 4096 });
  });

  it('reports one card_read per placement, and reads again only after the card is lifted', async () => {
    const { emulator, events, start } = await startReader();
    emulator.placeCard(demoResidentMale);
    start();
    await vi.waitFor(() => expect(reads(events)).toHaveLength(1));
    await settle(80);
    expect(reads(events)).toEqual([demoResidentMale]);
    emulator.liftCard();
    await settle(30);
    emulator.placeCard(demoResidentFemale);
    await vi.waitFor(() => expect(reads(events)).toEqual([demoResidentMale, demoResidentFemale]));
  });

  it('reassembles replies sent in 7-byte chunks on a slow line', async () => {
    const { emulator, driver } = await startReader({ chunkBytesMax: 7, chunkDelayMs: 0 });
    emulator.placeCard(demoForeign2023);
    await expect(driver.readCard()).resolves.toEqual({ ok: true, value: demoForeign2023 });
  });

  it('retries the whole sequence after a select failure and still reads the card once', async () => {
    const { emulator, events, start } = await startReader();
    emulator.injectStatus('selectCard', 0x81, 2);
    emulator.placeCard(demoResidentMale);
    start();
    await vi.waitFor(() => expect(reads(events)).toHaveLength(1));
    expect(events.filter((event) => event.type === 'card_read_failed')).toEqual([]);
  });

  it('reports card_read_failed once when every attempt fails (SW3 41), then waits for the card to leave', async () => {
    const { emulator, events, start } = await startReader();
    emulator.injectStatus('readBasicInfo', 0x41, 3);
    emulator.placeCard(demoResidentMale);
    start();
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'card_read_failed', code: 'card_read_failed' }));
    await settle(60);
    expect(events.filter((event) => event.type !== 'reader_ready')).toEqual([{ type: 'card_read_failed', code: 'card_read_failed' }]);
  });

  it('re-sends a command whose reply arrived with a bad checksum and still reads the card', async () => {
    const { emulator, driver } = await startReader({ chunkBytesMax: 100 });
    emulator.placeCard(demoResidentMale);
    emulator.corruptReplies(1);
    await expect(driver.readCard()).resolves.toEqual({ ok: true, value: demoResidentMale });
    expect(emulator.receivedCommands).toEqual(['findCard', 'findCard', 'selectCard', 'readBasicInfo']);
  });

  it('reports frame_checksum_mismatch when every attempt arrives damaged', async () => {
    const { emulator, driver } = await startReader();
    emulator.placeCard(demoResidentMale);
    emulator.corruptReplies(2);
    await expect(driver.readCard()).resolves.toEqual({ ok: false, code: 'frame_checksum_mismatch' });
  });

  it('answers card_absent when no card is in the field', async () => {
    const { driver } = await startReader();
    await expect(driver.readCard()).resolves.toEqual({ ok: false, code: 'card_absent' });
  });

  it('reports reader_unresponsive while the reader is silent and reader_ready when it answers again', async () => {
    const { emulator, events, start } = await startReader();
    emulator.setSilent(true);
    start();
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'reader_unresponsive' }), { timeout: 2000 });
    emulator.setSilent(false);
    emulator.placeCard(demoResidentMale);
    await vi.waitFor(() => expect(reads(events)).toHaveLength(1), { timeout: 2000 });
    expect(events.map((event) => event.type)).toEqual(['reader_unresponsive', 'reader_ready', 'card_read']);
  });

  it('reports reader_lost when the device is unplugged', async () => {
    const { port, events, start } = await startReader();
    start();
    await settle(20);
    port.unplug();
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'reader_lost' }));
  });

  it('checks SAM status (11 FF) and names a failed self-test (SW3 60)', async () => {
    const healthy = await startReader();
    await expect(healthy.driver.checkStatus()).resolves.toEqual({ ok: true });
    const broken = await startReader({ samStatus: 0x60 });
    await expect(broken.driver.checkStatus()).resolves.toEqual({ ok: false, code: 'sam_self_test_failed' });
  });
});
