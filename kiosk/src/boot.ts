// Builds a running kiosk from its stored identity: signed client, outbox on IndexedDB, runtime, devices (lazy), the
// camera (found at boot, its QR decoder preloaded in idle time), and the timers for the idle tick, outbox retries,
// heartbeat and today's activities.

import { createIdGenerator } from '../../domain/ids.ts';
import { createKioskApi, type Heartbeat } from './api/kiosk-api.ts';
import type { KioskIdentity } from './api/identity.ts';
import { verifyPin, type PinHash } from './api/maintenance-pin.ts';
import { createSignedClient } from './api/signed-client.ts';
import { createOutbox } from './outbox/outbox.ts';
import { createIdbStore } from './outbox/idb-store.ts';
import { createRuntime } from './runtime.ts';
import { createCacheKey, createResidentCache } from './outbox/resident-cache.ts';
import { createIdbResidentStore } from './outbox/idb-resident-store.ts';
import { readRecord, writeRecord } from './storage/idb.ts';
import type { DeviceHub } from './devices/supervisor.ts';
import { createCamera } from './devices/camera.ts';
import type { PrintJob } from './devices/print-job.ts';
import type { SpeechKey } from './flow/types.ts';

export const stationNameKey = 'station-name';
export const pinHashKey = 'maintenance-pin';
export const cacheKeyKey = 'resident-cache-key';
export const tickIntervalMs = 1_000;
export const drainIntervalMs = 2_000;
export const heartbeatIntervalMs = 60_000;
/** While the service cannot be reached, look for it more often so the banner clears soon after it is back. */
export const heartbeatOfflineIntervalMs = 10_000;
export const activitiesRefreshMs = 5 * 60_000;
export const appVersion = '0.1.0';

export type Kiosk = Awaited<ReturnType<typeof bootKiosk>>;

export async function bootKiosk(db: IDBDatabase, identity: KioskIdentity, baseUrl: string, hooks: { speak: (key: SpeechKey) => void; clearResident: () => void }) {
  let stationName = (await readRecord<string>(db, stationNameKey)) ?? '';
  let devices: DeviceHub | null = null;
  const deviceListeners = new Set<() => void>();
  const client = createSignedClient({ baseUrl, kioskId: identity.kioskId, privateKey: identity.privateKey });
  const api = createKioskApi(client, identity.stationId);
  const randomBytes = (count: number) => crypto.getRandomValues(new Uint8Array(count));
  const outbox = await createOutbox({ store: createIdbStore(db), transport: api.transport, nextId: createIdGenerator(Date.now, randomBytes), nowMs: Date.now, random01: Math.random });

  async function print(job: PrintJob): Promise<boolean> {
    // A missing or empty printer is shown on the status bar and the maintenance screen; the write itself stands.
    return (await devices?.print(job))?.ok === true;
  }

  let cacheKey = await readRecord<CryptoKey>(db, cacheKeyKey);
  if (!cacheKey) {
    cacheKey = await createCacheKey();
    await writeRecord(db, cacheKeyKey, cacheKey);
  }
  const cache = createResidentCache(createIdbResidentStore(db), cacheKey);
  // Where a camera exists, 扫码 is offered; its decoder chunk is fetched at boot so an offline kiosk can still scan.
  const camera = createCamera({ media: typeof navigator === 'undefined' ? undefined : navigator.mediaDevices });
  camera.subscribe(() => deviceListeners.forEach((listener) => listener()));
  void camera.detect();
  const runtime = createRuntime({ api, outbox, cache, print, speak: hooks.speak, clearResident: hooks.clearResident, kioskId: identity.kioskId, baseUrl, stationName: () => stationName || '邻里服务站' });

  async function heartbeat(): Promise<void> {
    const status = devices?.status();
    const report: Heartbeat = {
      printerPaper: status === undefined || status.printer === 'missing' ? 'unknown' : status.printer === 'no_paper' ? 'out' : status.printerCode === 'paper_near_end' ? 'low' : 'ok',
      readerPresent: status !== undefined && status.reader !== 'missing',
      outboxLength: outbox.pendingCount(),
      appVersion,
    };
    try {
      await api.heartbeat(report);
    } catch (error) {
      outbox.noteReachability(false);
      throw error;
    }
    outbox.noteReachability(true);
    const name = await api.stationName();
    if (name && name !== stationName) {
      stationName = name;
      await writeRecord(db, stationNameKey, stationName);
      deviceListeners.forEach((listener) => listener());
    }
    // A heartbeat that got through means the network is back: send what waited.
    await outbox.drain();
  }

  const timers = [
    setInterval(() => runtime.dispatch({ type: 'tick' }), tickIntervalMs),
    // Also runs the day report soon after a write is acknowledged (online only: offline, the heartbeat looks first).
    setInterval(() => {
      const due = outbox.nextAttemptMs();
      if ((due !== null && due <= Date.now()) || (outbox.isOnline() && outbox.isDayReportDue())) void outbox.drain();
    }, drainIntervalMs),
    // Activities are kept from the last refresh that got through; a failed one changes nothing.
    setInterval(() => void runtime.refreshActivities().catch(() => undefined), activitiesRefreshMs),
  ];
  // Offline at start: the attract screen shows no activities until the next refresh reaches the service.
  void runtime.refreshActivities().then(() => deviceListeners.forEach((listener) => listener()), () => undefined);
  let heartbeatTimer: ReturnType<typeof setTimeout> | undefined;
  const beat = (): void => {
    // A failed heartbeat has already marked the outbox offline; the next one is simply sooner.
    void heartbeat().catch(() => undefined).finally(() => {
      heartbeatTimer = setTimeout(beat, outbox.isOnline() ? heartbeatIntervalMs : heartbeatOfflineIntervalMs);
    });
  };
  beat();
  void outbox.drain();

  return {
    identity,
    runtime,
    outbox,
    stationName: () => stationName || '邻里服务站',
    camera: { isAvailable: camera.isAvailable, open: camera.open },
    devices: () => devices,
    setDevices(hub: DeviceHub): void {
      devices = hub;
      hub.subscribe(() => deviceListeners.forEach((listener) => listener()));
      deviceListeners.forEach((listener) => listener());
    },
    onDevicesChange(listener: () => void): () => void {
      deviceListeners.add(listener);
      return () => deviceListeners.delete(listener);
    },
    async checkPin(pin: string): Promise<boolean> {
      const stored = await readRecord<PinHash>(db, pinHashKey);
      return stored !== undefined && (await verifyPin(pin, stored));
    },
    stop(): void {
      timers.forEach((timer) => clearInterval(timer));
      clearTimeout(heartbeatTimer);
    },
  };
}
