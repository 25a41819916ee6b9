// Launches Debian's Chromium with the kiosk page, a fake navigator.serial wired to the hardware emulators in
// Node (card reader on port 0, printer on port 1), and helpers to read storage and take screenshots.
// Every write a device receives is logged with Node's clock (`performance.timeOrigin + performance.now()`).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createCardReaderEmulator, type CardReaderEmulator } from '../../../hardware/card-reader/emulator.ts';
import { createPrinterEmulator, type PrinterEmulator } from '../../../hardware/printer/emulator.ts';
import type { DeviceEmulator } from '../../../hardware/serial/serial-types.ts';
import { installFakeSerialInPage } from './fake-serial-page.ts';
import { rootDir as projectRoot } from '../../../ledger/src/server.ts';

export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const artifactsFolder = join(projectRoot, 'test-results', 'kiosk-e2e');

/** One chunk a device received from the kiosk: port, the bytes, and when (epoch ms, sub-millisecond). */
export type DeviceWrite = { port: number; bytes: Uint8Array; atMs: number };
export const deviceWritesKept = 500;

export type KioskBrowser = { browser: Browser; context: BrowserContext; page: Page; reader: CardReaderEmulator; printer: PrinterEmulator; writes: DeviceWrite[]; close(): Promise<void> };

export async function openKiosk(options: { viewport?: { width: number; height: number } } = {}): Promise<KioskBrowser> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1080, height: 1920 }, deviceScaleFactor: 0.5, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const reader = createCardReaderEmulator();
  const printer = createPrinterEmulator();
  const emulators: DeviceEmulator[] = [reader, printer];
  const writes: DeviceWrite[] = [];
  let page: Page | undefined;
  await context.exposeBinding('__linliSerialWrite', (_source, index: number, bytes: number[]) => {
    const chunk = Uint8Array.from(bytes);
    writes.push({ port: index, bytes: chunk, atMs: performance.timeOrigin + performance.now() });
    if (writes.length > deviceWritesKept) writes.shift();
    emulators[index]?.receive(chunk);
  });
  emulators.forEach((emulator, index) => emulator.onOutput((bytes) => {
    void page?.evaluate(([port, data]) => (window as unknown as { __linliSerialDeliver(i: number, b: number[]): void }).__linliSerialDeliver(port, data), [index, Array.from(bytes)] as const).catch(() => undefined);
  }));
  // Under tsx (the bench), esbuild's keepNames wraps named functions in `__name(…)`; functions sent to the page as
  // source text (the fake serial, the bench's probes) then need that helper there too.
  await context.addInitScript({ content: 'globalThis.__name ??= (target) => target;' });
  await context.addInitScript(installFakeSerialInPage, { portCount: emulators.length });
  page = await context.newPage();
  return { browser, context, page, reader, printer, writes, close: () => browser.close() };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsFolder, { recursive: true });
  const path = join(artifactsFolder, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Everything the kiosk keeps in the browser: IndexedDB records and entries, localStorage, sessionStorage, caches' URLs. */
export async function dumpBrowserStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: Record<string, unknown> = { local: { ...localStorage }, session: { ...sessionStorage } };
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => { const open = indexedDB.open(info.name!); open.onsuccess = () => resolve(open.result); open.onerror = () => reject(open.error); });
      for (const store of Array.from(db.objectStoreNames)) {
        const transaction = db.transaction(store, 'readonly');
        const [keys, values] = await Promise.all([
          new Promise<unknown[]>((resolve) => { const request = transaction.objectStore(store).getAllKeys(); request.onsuccess = () => resolve(request.result); }),
          new Promise<unknown[]>((resolve) => { const request = transaction.objectStore(store).getAll(); request.onsuccess = () => resolve(request.result); }),
        ]);
        out[`${info.name}/${store}`] = keys.map((key, index) => [key, values[index] instanceof CryptoKey ? 'CryptoKey' : values[index]]);
      }
      db.close();
    }
    return JSON.stringify(out, (_key, value: unknown) => (value instanceof CryptoKey ? `CryptoKey(${value.algorithm.name})` : value));
  });
}
