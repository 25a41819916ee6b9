// Proves the kiosk journeys' storage check can see what it looks for: a marker put in localStorage, sessionStorage,
// a cookie, an IndexedDB record (as bytes, nested) and a Cache Storage response body is found in the dump, and
// personalDataIn names what it finds (the full ID number in either case of its check letter).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, dumpBrowserStorage, personalDataIn } from './support/kiosk-browser.ts';

let server: Server;
let origin = '';
let browser: Browser;

beforeAll(async () => {
  // Any page on a loopback origin: a secure context, so Cache Storage is there as on the kiosk.
  server = createServer((_request, response) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>probe</title>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('browser storage dump', () => {
  it('finds a marker in each storage area, bytes in IndexedDB and cached bodies included', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.evaluate(async () => {
      localStorage.setItem('probe', 'marker-local');
      sessionStorage.setItem('probe', 'marker-session');
      document.cookie = 'probe=marker-cookie; path=/';
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('probe-db');
        open.onupgradeneeded = () => open.result.createObjectStore('records');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction('records', 'readwrite');
        transaction.objectStore('records').put({ nested: { bytes: new TextEncoder().encode('310104195512310026x') } }, 'key');
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
      db.close();
      await (await caches.open('probe-cache')).put('/probe', new Response('marker-cache-body 李样例'));
    });
    const stored = await dumpBrowserStorage(page);
    await context.close();
    for (const marker of ['marker-local', 'marker-session', 'marker-cookie', '310104195512310026x', 'marker-cache-body 李样例']) expect(stored).toContain(marker);
    expect(personalDataIn(stored, { name: '李样例', idNumber: '310104195512310026X', phone: 'marker-cookie' })).toEqual(['李样例', '310104195512310026x', 'marker-cookie']);
  });

  it('finds nothing in a fresh context, and masked forms are not personal data', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.evaluate(() => localStorage.setItem('masked', '李*例 310***********0026 139****5678'));
    const stored = await dumpBrowserStorage(page);
    await context.close();
    expect(stored).toContain('李*例');
    expect(personalDataIn(stored, { name: '李样例', idNumber: '310104195512310026', phone: '13912345678' })).toEqual([]);
  });
});
