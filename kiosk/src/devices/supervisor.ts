// The kiosk's device layer: the hardware's device supervisor finds reader and printer by probing (and finds them
// again after a re-plug); with nothing attached it runs the same drivers over emulated devices (演示模式).
// Reader events become card events; print jobs become ESC/POS bytes through the printer driver.

import { resolveSerial } from '../../../hardware/serial/web-serial.ts';
import { createDeviceSupervisor, type ConnectedDevice, type DeviceSupervisor } from '../../../hardware/serial/device-supervisor.ts';
import type { DeviceRole } from '../../../hardware/serial/probe.ts';
import type { SerialLike } from '../../../hardware/serial/serial-types.ts';
import { createCardReaderDriver, type CardReaderDriver, type CardReaderEvent } from '../../../hardware/card-reader/driver.ts';
import { createPrinterDriver, type PrinterDriver } from '../../../hardware/printer/driver.ts';
import { printer58mm, type PrinterProfile } from '../../../hardware/printer/profiles.ts';
import type { ByteChannel } from '../../../hardware/serial/byte-channel.ts';
import type { IdCard } from '../../../hardware/card-reader/card-text.ts';
import type { CardData } from '../flow/types.ts';
import { cardDataOf } from './card-data.ts';
import { encodePrintJob } from './print-documents.ts';
import type { PrintJob } from './print-job.ts';

export type DeviceState = 'ready' | 'missing' | 'demo' | 'error' | 'no_paper';
export type DeviceStatus = { reader: DeviceState; printer: DeviceState; scanner: DeviceState; isDemo: boolean; printerCode: string | null };
export type DeviceCallbacks = { onCard(card: CardData): void; onCardError(code: string): void };
export type PrintResult = { ok: true } | { ok: false; code: string };
export type DeviceOptions = { profile?: PrinterProfile; isDemoAllowed?: boolean; navigatorLike?: { serial?: unknown; usb?: unknown }; rescanIntervalMs?: number };

export type DeviceHub = Awaited<ReturnType<typeof startDevices>>;

/** The demo card stays on the emulated reader long enough for one find → select → read. */
export const demoCardOnReaderMs = 2_500;
/** Longer than two polls of the reader driver (300 ms each), so a second tap of a card still lying there reads again. */
export const demoCardLiftGapMs = 800;

export async function startDevices(callbacks: DeviceCallbacks, options: DeviceOptions = {}) {
  const profile = options.profile ?? printer58mm;
  const listeners = new Set<() => void>();
  let status: DeviceStatus = { reader: 'missing', printer: 'missing', scanner: 'ready', isDemo: false, printerCode: null };
  let supervisor: DeviceSupervisor | null = null;
  let reader: { channel: ByteChannel; driver: CardReaderDriver } | null = null;
  let printer: { channel: ByteChannel; driver: PrinterDriver } | null = null;
  let demo: Awaited<ReturnType<typeof loadDemo>> | null = null;
  /** Demo mode only: the bytes of the last print job, for the on-screen receipt preview; forgotten at each wipe. */
  let demoLastPrint: Uint8Array | null = null;
  let demoPrintTurn = 0;
  const setStatus = (change: Partial<DeviceStatus>) => { status = { ...status, ...change }; listeners.forEach((listener) => listener()); };
  const live = (): DeviceState => (status.isDemo ? 'demo' : 'ready');

  function onReaderEvent(event: CardReaderEvent): void {
    switch (event.type) {
      case 'card_read': return callbacks.onCard(cardDataOf(event.card));
      case 'card_read_failed': return callbacks.onCardError(event.code);
      case 'reader_ready': return setStatus({ reader: live() });
      case 'reader_unresponsive': return setStatus({ reader: 'error' });
      case 'reader_lost': return setStatus({ reader: 'missing' });
    }
  }

  /** Keeps one driver per connected channel: a re-plugged device gets a fresh driver on its new channel. */
  function apply(devices: ReadonlyMap<DeviceRole, ConnectedDevice>): void {
    const readerDevice = devices.get('card_reader');
    if (reader && reader.channel !== readerDevice?.channel) { void reader.driver.stop(); reader = null; }
    if (readerDevice && !reader) {
      reader = { channel: readerDevice.channel, driver: createCardReaderDriver(readerDevice.channel) };
      reader.driver.start(onReaderEvent);
    }
    const printerDevice = devices.get('printer');
    if (printer && printer.channel !== printerDevice?.channel) printer = null;
    if (printerDevice && !printer) printer = { channel: printerDevice.channel, driver: createPrinterDriver(printerDevice.channel, profile) };
    setStatus({ reader: reader ? live() : 'missing', printer: printer ? (status.printer === 'no_paper' ? 'no_paper' : live()) : 'missing' });
  }

  async function supervise(serial: SerialLike, isDemo: boolean): Promise<void> {
    status = { ...status, isDemo };
    supervisor = createDeviceSupervisor({ serial, onChange: apply, ...(options.rescanIntervalMs ? { rescanIntervalMs: options.rescanIntervalMs } : {}) });
    await supervisor.start();
  }

  async function detect(): Promise<void> {
    const source = await resolveSerial(options.navigatorLike);
    if (source.serial) await supervise(source.serial, false);
    if (reader || printer || options.isDemoAllowed === false) return;
    await supervisor?.stop();
    demo = await loadDemo();
    await supervise(demo.serial, true);
  }

  async function stop(): Promise<void> {
    await reader?.driver.stop();
    reader = null;
    printer = null;
    await supervisor?.stop();
  }

  return {
    status: () => status,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    detect,
    /** Asks staff to grant a port (Web Serial's chooser needs a tap), then probes again. */
    async connect(): Promise<void> {
      const source = await resolveSerial(options.navigatorLike);
      if (!source.serial) return;
      await source.serial.requestPort();
      await stop();
      demo = null;
      await detect();
    },
    async print(job: PrintJob): Promise<PrintResult> {
      if (!printer) return { ok: false, code: 'printer_missing' };
      const printedBefore = demo?.printer.printedBytes().length ?? 0;
      const turn = demoPrintTurn;
      const outcome = await printer.driver.print(encodePrintJob(job, profile));
      // A job that finishes after a wipe stays off the preview: it belonged to the resident who left.
      if (demo && status.isDemo && turn === demoPrintTurn) demoLastPrint = demo.printer.printedBytes().slice(printedBefore);
      const code = outcome.ok ? outcome.value.status : outcome.code;
      setStatus({ printer: outcome.ok ? live() : code === 'paper_out' ? 'no_paper' : 'error', printerCode: code });
      return outcome.ok ? { ok: true } : { ok: false, code };
    },
    /** Demo mode only: lays a fictional demo card (the demo volunteer's unless named) on the emulated reader, lifted again shortly after. */
    demoTap(card?: IdCard): void {
      demo?.placeCard(card);
    },
    /** Demo mode only: every byte the emulated printer received. */
    demoPrintedBytes: (): Uint8Array | null => demo?.printer.printedBytes() ?? null,
    /** Demo mode only: the bytes of the last print job since the last wipe, or null. */
    demoLastPrintedBytes: (): Uint8Array | null => demoLastPrint,
    /** Demo mode only: the idle wipe forgets the receipt preview along with the resident. */
    demoForgetPrintout(): void {
      demoPrintTurn += 1;
      if (demoLastPrint === null) return;
      demoLastPrint = null;
      listeners.forEach((listener) => listener());
    },
    stop,
  };
}

/** Loaded only when no device answers, so the emulators never weigh on a kiosk with real hardware. */
async function loadDemo() {
  const [{ createDemoDevices }, { demoVolunteerCard }] = await Promise.all([import('../../../hardware/serial/demo-devices.ts'), import('../../../hardware/card-reader/demo-cards.ts')]);
  const devices = createDemoDevices();
  let liftTimer: ReturnType<typeof setTimeout> | undefined;
  let placeTimer: ReturnType<typeof setTimeout> | undefined;
  let isOnReader = false;
  const place = (card: IdCard) => {
    devices.reader.placeCard(card);
    isOnReader = true;
    liftTimer = setTimeout(() => { devices.reader.liftCard(); isOnReader = false; }, demoCardOnReaderMs);
  };
  return {
    serial: devices.serial,
    printer: devices.printer,
    placeCard(card: IdCard = demoVolunteerCard): void {
      clearTimeout(liftTimer);
      clearTimeout(placeTimer);
      if (!isOnReader) return place(card);
      // A card still lying there is read only once: lift it long enough for the reader's polling to notice.
      devices.reader.liftCard();
      isOnReader = false;
      placeTimer = setTimeout(() => place(card), demoCardLiftGapMs);
    },
  };
}
