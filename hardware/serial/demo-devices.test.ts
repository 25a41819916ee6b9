// Proves the demo wiring a kiosk uses without devices: the supervisor finds both emulators through the fake
// navigator.serial, a placed card is read, and a receipt comes out of the emulated printer.

import { describe, expect, it, vi } from 'vitest';
import { demoResidentFemale } from '../card-reader/demo-cards.ts';
import { createCardReaderDriver, type CardReaderEvent } from '../card-reader/driver.ts';
import { createPrinterDriver } from '../printer/driver.ts';
import { printer80mm } from '../printer/profiles.ts';
import { createDemoDevices } from './demo-devices.ts';
import { createDeviceSupervisor } from './device-supervisor.ts';
import { installFakeSerial } from './fake-serial.ts';
import { resolveSerial } from './web-serial.ts';

describe('createDemoDevices', () => {
  it('runs discovery, a card read and a receipt print against the emulators', async () => {
    const demo = createDemoDevices();
    const navigatorLike = {};
    installFakeSerial(navigatorLike, demo.serial);
    const source = await resolveSerial(navigatorLike);
    if (source.serial === undefined) throw new Error('fake serial not installed');
    const supervisor = createDeviceSupervisor({ serial: source.serial, onChange: () => undefined, probe: { probeTimeoutMs: 50 } });
    await supervisor.start();
    const reader = supervisor.devices().get('card_reader');
    const printer = supervisor.devices().get('printer');
    expect(reader?.port).toBe(demo.readerPort);
    expect(printer?.port).toBe(demo.printerPort);

    const events: CardReaderEvent[] = [];
    const driver = createCardReaderDriver(reader!.channel, { pollIntervalMs: 5 });
    driver.start((event) => events.push(event));
    demo.reader.placeCard(demoResidentFemale);
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'card_read', card: demoResidentFemale }));
    await driver.stop();

    const printed = await createPrinterDriver(printer!.channel, printer80mm).printReceipt({
      kioskId: 'K-DEMO', kioskSeq: 3, ledgerSeq: null, kind: '签到', occurredAt: '2024-05-01T00:00:00Z', stationName: '演示站',
      lines: ['李*例 签到成功'], verifyUrl: 'https://linli.example.cn/v/K-DEMO/3', pending: true,
    });
    expect(printed).toEqual({ ok: true, value: { status: 'ready' } });
    expect(demo.printer.printout().lines).toContain('【待同步】');
    await supervisor.stop();
  });
});
