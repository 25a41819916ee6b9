// Launches Debian's Chromium with the kiosk page, a fake navigator.serial wired to the hardware emulators in
// Node (card reader on port 0, printer on port 1), and helpers to read storage and take screenshots.
// Every write a device receives is logged with Node's clock (`performance.timeOrigin + performance.now()`).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createCardReaderEmulator, type CardReaderEmulator } from '../../../hardware/card-reader/emulator.ts';
import { createPrinterEmulator, type PrinterEmulator } from '../../../hardware/printer/emulator.ts';
import type { DeviceEmulator } from '../../../hardware/serial/serial-types.ts';
import type { IdCard } from '../../../hardware/card-reader/card-text.ts';
import { installFakeSerialInPage } from './fake-serial-page.ts';
import { rootDir as projectRoot } from '../../../ledger/src/server.ts';

export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const artifactsFolder = join(projectRoot, 'test-results', 'kiosk-e2e');

/** One chunk a device received from the kiosk: port, the bytes, and when (epoch ms, sub-millisecond). */
export type DeviceWrite = { port: number; bytes: Uint8Array; atMs: number };
export const deviceWritesKept = 500;

export type KioskBrowser = { browser: Browser; context: BrowserContext; page: Page; reader: CardReaderEmulator; printer: PrinterEmulator; writes: DeviceWrite[]; close(): Promise<void> };

/** `extraArgs` are added to chromiumArgs (e.g. a fake camera: `--use-fake-device-for-media-stream`). */
export async function openKiosk(options: { viewport?: { width: number; height: number }; extraArgs?: readonly string[] } = {}): Promise<KioskBrowser> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...chromiumArgs, ...(options.extraArgs ?? [])] });
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

/**
 * Everything the kiosk keeps in the browser, as JSON text: localStorage, sessionStorage, cookies (the page's and the
 * context's, HttpOnly included), every IndexedDB database → store → record (binary values decoded as UTF-8 text),
 * and every Cache Storage response with its body.
 */
export async function dumpBrowserStorage(page: Page): Promise<string> {
  const inPage = await page.evaluate(async () => {
    const asText = (value: unknown): unknown => {
      if (value instanceof CryptoKey) return `CryptoKey(${value.algorithm.name})`;
      if (value instanceof ArrayBuffer) return new TextDecoder().decode(value);
      if (ArrayBuffer.isView(value)) return new TextDecoder().decode(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      return value;
    };
    const indexedDb: Record<string, unknown[]> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => { const open = indexedDB.open(info.name!); open.onsuccess = () => resolve(open.result); open.onerror = () => reject(open.error); });
      for (const store of Array.from(db.objectStoreNames)) {
        const records = await new Promise<unknown[]>((resolve, reject) => {
          const found: unknown[] = [];
          const cursor = db.transaction(store, 'readonly').objectStore(store).openCursor();
          cursor.onerror = () => reject(cursor.error);
          cursor.onsuccess = () => {
            const at = cursor.result;
            if (at === null) return resolve(found);
            found.push([asText(at.key), asText(at.value)]);
            at.continue();
          };
        });
        indexedDb[`${info.name}/${store}`] = records;
      }
      db.close();
    }
    const cacheStorage: Record<string, [string, string][]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      const entries: [string, string][] = [];
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        entries.push([request.url, response ? await response.text() : '']);
      }
      cacheStorage[name] = entries;
    }
    return JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, documentCookie: document.cookie, indexedDb, cacheStorage }, (_key, value: unknown) => asText(value));
  });
  const cookies = await page.context().cookies();
  return JSON.stringify({ ...(JSON.parse(inPage) as Record<string, unknown>), cookies });
}

/** Which of a resident's personal data appear in `stored` (masked forms such as 李*例 or 138****5678 do not count). */
export function personalDataIn(stored: string, resident: { name: string; idNumber: string; address?: string; phone?: string }): string[] {
  const secrets = [resident.name, resident.idNumber, resident.idNumber.toLowerCase(), resident.address, resident.phone];
  return secrets.filter((secret): secret is string => secret !== undefined && secret !== '' && stored.includes(secret));
}

/** Lifts the card, waits until the reader has been polled without it (so the driver sees it go), and lays `card` on. */
export async function tapCard(kiosk: KioskBrowser, card: IdCard, timeoutMs = 5_000): Promise<void> {
  kiosk.reader.liftCard();
  const commandsBefore = kiosk.reader.receivedCommands.length;
  const deadlineMs = Date.now() + timeoutMs;
  while (!kiosk.reader.receivedCommands.slice(commandsBefore).includes('findCard')) {
    if (Date.now() > deadlineMs) throw new Error(`card reader not polled within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, readerPollCheckMs));
  }
  kiosk.reader.placeCard(card);
}

/** How often `tapCard` looks at the reader's received commands. */
const readerPollCheckMs = 20;
