// The device supervisor: finds reader and printer by probing granted ports, falls back to demo mode (the same
// drivers over emulated devices) when none is attached, turns reader events into card events, and prints jobs.

import { resolveSerial } from '../../../hardware/serial/web-serial.ts';
import { printer58mm, type PrinterProfile } from '../../../hardware/printer/profiles.ts';
import type { SerialPortLike } from '../../../hardware/serial/serial-types.ts';
import type { CardReaderEvent } from '../../../hardware/card-reader/driver.ts';
import type { CardData } from '../flow/types.ts';
import { cardDataOf } from './card-data.ts';
import { encodePrintJob } from './print-documents.ts';
import type { PrintJob } from './print-job.ts';
import { probePorts, type Found } from './probe.ts';

export type DeviceState = 'ready' | 'missing' | 'demo' | 'error' | 'no_paper';
export type DeviceStatus = { reader: DeviceState; printer: DeviceState; scanner: DeviceState; isDemo: boolean; printerCode: string | null };
export type DeviceCallbacks = { onCard(card: CardData): void; onCardError(code: string): void };
export type PrintResult = { ok: true } | { ok: false; code: string };

export type DeviceHub = Awaited<ReturnType<typeof startDevices>>;

export async function startDevices(callbacks: DeviceCallbacks, options: { profile?: PrinterProfile; isDemoAllowed?: boolean; navigatorLike?: { serial?: unknown; usb?: unknown } } = {}) {
  const profile = options.profile ?? printer58mm;
  const listeners = new Set<() => void>();
  let status: DeviceStatus = { reader: 'missing', printer: 'missing', scanner: 'ready', isDemo: false, printerCode: null };
  let found: Found = { reader: null, printer: null };
  let demo: { placeCard(): void } | null = null;
  let demoPrinter: { printedBytes(): Uint8Array } | null = null;
  const setStatus = (change: Partial<DeviceStatus>) => { status = { ...status, ...change }; listeners.forEach((listener) => listener()); };

  function onReaderEvent(event: CardReaderEvent): void {
    const live: DeviceState = status.isDemo ? 'demo' : 'ready';
    switch (event.type) {
      case 'card_read': return callbacks.onCard(cardDataOf(event.card));
      case 'card_read_failed': return callbacks.onCardError(event.code);
      case 'reader_ready': return setStatus({ reader: live });
      case 'reader_unresponsive': return setStatus({ reader: 'error' });
      case 'reader_lost': return setStatus({ reader: 'missing' });
    }
  }

  async function attach(ports: readonly SerialPortLike[], isDemo: boolean): Promise<void> {
    found = await probePorts(ports, profile);
    const live: DeviceState = isDemo ? 'demo' : 'ready';
    setStatus({ isDemo, reader: found.reader ? live : 'missing', printer: found.printer ? live : 'missing' });
    found.reader?.driver.start(onReaderEvent);
    found.reader?.channel.onEnd(() => setStatus({ reader: 'missing' }));
    found.printer?.channel.onEnd(() => setStatus({ printer: 'missing' }));
  }

  async function detect(): Promise<void> {
    const source = await resolveSerial(options.navigatorLike);
    const ports = source.serial ? await source.serial.getPorts() : [];
    await attach(ports, false);
    if (found.reader === null && found.printer === null && options.isDemoAllowed !== false) await startDemo();
  }

  async function startDemo(): Promise<void> {
    // Loaded only when no device answers, so the emulators never weigh on a kiosk with real hardware.
    const { createDemoPorts } = await import('./demo-devices.ts');
    const ports = createDemoPorts();
    demo = ports;
    demoPrinter = ports.printer;
    await attach(ports.ports, true);
  }

  return {
    status: () => status,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    detect,
    /** Asks the person at the kiosk to grant a port (needs a tap: Web Serial's chooser), then probes again. */
    async connect(): Promise<void> {
      const source = await resolveSerial(options.navigatorLike);
      if (!source.serial) return;
      await source.serial.requestPort();
      await stop();
      await detect();
    },
    async print(job: PrintJob): Promise<PrintResult> {
      const printer = found.printer;
      if (!printer) return { ok: false, code: 'printer_missing' };
      const outcome = await printer.driver.print(encodePrintJob(job, profile));
      const code = outcome.ok ? outcome.value.status : outcome.code;
      const live: DeviceState = status.isDemo ? 'demo' : 'ready';
      setStatus({ printer: outcome.ok ? live : code === 'paper_out' ? 'no_paper' : 'error', printerCode: code });
      return outcome.ok ? { ok: true } : { ok: false, code };
    },
    /** Demo mode only: lays the demo card on the emulated reader. */
    demoTap(): void {
      demo?.placeCard();
    },
    /** Demo mode only: every byte the emulated printer received, for the maintenance screen and tests. */
    demoPrintedBytes: (): Uint8Array | null => demoPrinter?.printedBytes() ?? null,
    stop,
  };

  async function stop(): Promise<void> {
    await found.reader?.driver.stop();
    await found.reader?.channel.close();
    await found.printer?.channel.close();
    found = { reader: null, printer: null };
  }
}
