// Proves the device layer finds reader and printer by probing (in any port order) and again after a re-plug, turns
// a card tap into card data, prints through the real driver, and falls back to demo mode when no device answers.
import { afterEach, describe, expect, it } from 'vitest';
import { createCardReaderEmulator } from '../../../hardware/card-reader/emulator.ts';
import { demoNewcomerCard, demoResidentMale, demoVolunteerCard } from '../../../hardware/card-reader/demo-cards.ts';
import { decodePrintout } from '../../../hardware/printer/printout.ts';
import { createPrinterEmulator } from '../../../hardware/printer/emulator.ts';
import { createFakeSerial, createFakeSerialPort } from '../../../hardware/serial/fake-serial.ts';
import { startDevices, type DeviceHub } from './supervisor.ts';
import type { CardData } from '../flow/types.ts';

let hub: DeviceHub | undefined;
afterEach(async () => { await hub?.stop(); hub = undefined; });

function waitFor<T>(check: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const value = check();
      if (value !== undefined) { clearInterval(timer); resolve(value); }
      else if (Date.now() - started > timeoutMs) { clearInterval(timer); reject(new Error('timed out')); }
    }, 20);
  });
}

describe('startDevices', () => {
  it('probes a printer and a reader in either order and reads a tapped card', async () => {
    const reader = createCardReaderEmulator({ chunkBytesMax: 64 });
    const printer = createPrinterEmulator();
    const serial = createFakeSerial([createFakeSerialPort(printer), createFakeSerialPort(reader)]);
    const cards: CardData[] = [];
    hub = await startDevices({ onCard: (card) => cards.push(card), onCardError: () => undefined }, { navigatorLike: { serial } });
    await hub.detect();
    expect(hub.status()).toMatchObject({ reader: 'ready', printer: 'ready', isDemo: false });
    reader.placeCard(demoResidentMale);
    const card = await waitFor(() => cards[0]);
    expect(card).toMatchObject({ idNumber: demoResidentMale.idNumber, name: demoResidentMale.name, birthDate: '1990-03-07' });
    expect(await hub.print({ kind: 'test', kioskId: 'K1', printedAt: '2026-05-12' })).toEqual({ ok: true });
    expect(printer.printout().lines.join('\n')).toContain('邻里服务站');
  });

  it('finds the reader again after its cable is pulled and plugged back', async () => {
    const reader = createCardReaderEmulator();
    const readerPort = createFakeSerialPort(reader);
    const cards: CardData[] = [];
    hub = await startDevices({ onCard: (card) => cards.push(card), onCardError: () => undefined }, { navigatorLike: { serial: createFakeSerial([readerPort]) }, isDemoAllowed: false, rescanIntervalMs: 100 });
    await hub.detect();
    expect(hub.status().reader).toBe('ready');
    readerPort.unplug();
    await waitFor(() => (hub!.status().reader === 'missing' ? true : undefined));
    readerPort.plug();
    await waitFor(() => (hub!.status().reader === 'ready' ? true : undefined));
    reader.placeCard(demoResidentMale);
    expect((await waitFor(() => cards[0])).idNumber).toBe(demoResidentMale.idNumber);
  });

  it('reports a printer out of paper (paper_out) instead of printing', async () => {
    const printer = createPrinterEmulator({ isPaperOut: true });
    hub = await startDevices({ onCard: () => undefined, onCardError: () => undefined }, { navigatorLike: { serial: createFakeSerial([createFakeSerialPort(printer)]) }, isDemoAllowed: false });
    await hub.detect();
    expect(await hub.print({ kind: 'test', kioskId: 'K1', printedAt: 'x' })).toEqual({ ok: false, code: 'paper_out' });
    expect(hub.status().printer).toBe('no_paper');
  });

  it('runs emulated devices in demo mode when nothing is attached', async () => {
    const cards: CardData[] = [];
    hub = await startDevices({ onCard: (card) => cards.push(card), onCardError: () => undefined }, { navigatorLike: {} });
    await hub.detect();
    expect(hub.status()).toMatchObject({ isDemo: true, reader: 'demo', printer: 'demo' });
    hub.demoTap();
    expect((await waitFor(() => cards[0])).name).toBe(demoVolunteerCard.name);
    await hub.print({ kind: 'test', kioskId: 'K1', printedAt: 'x' });
    expect(hub.demoPrintedBytes()?.length).toBeGreaterThan(20);
  });

  it('taps the picked demo card, keeps the last printout for the preview and forgets it at the wipe', async () => {
    const cards: CardData[] = [];
    hub = await startDevices({ onCard: (card) => cards.push(card), onCardError: () => undefined }, { navigatorLike: {} });
    await hub.detect();
    hub.demoTap(demoNewcomerCard);
    expect((await waitFor(() => cards[0])).idNumber).toBe(demoNewcomerCard.idNumber);
    expect(hub.demoLastPrintedBytes()).toBeNull();
    await hub.print({ kind: 'test', kioskId: 'K-first', printedAt: 'x' });
    await hub.print({ kind: 'test', kioskId: 'K-second', printedAt: 'x' });
    const lines = decodePrintout(hub.demoLastPrintedBytes() ?? new Uint8Array()).lines.join('\n');
    expect(lines).toContain('K-second');
    expect(lines).not.toContain('K-first');
    hub.demoForgetPrintout();
    expect(hub.demoLastPrintedBytes()).toBeNull();
  });
});
