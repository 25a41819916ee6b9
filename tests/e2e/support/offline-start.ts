// Helpers for the offline-start journey: wait until the kiosk's service worker controls the page, restart the kiosk
// as a new page of the same browser context (same origin storage, same fake serial devices), read the manifest, and
// ask Chromium itself whether a page is installable.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, type KioskBrowser } from './kiosk-browser.ts';

/** How long a fresh worker may take to install (it fetches the shell) and claim the page on a busy machine. */
const serviceWorkerReadyTimeoutMs = 30_000;

/** The service worker's state as the page sees it: its ready registration's scope and active script, and the controller. */
export type ServiceWorkerState = { scope: string; activeScriptUrl: string | null; controllerScriptUrl: string | null };

/** Resolves once `navigator.serviceWorker.ready` has an active worker; reports the registration and the controller. */
export async function serviceWorkerState(page: Page): Promise<ServiceWorkerState> {
  return page.evaluate(async (timeoutMs) => {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`service worker not ready within ${timeoutMs} ms`)), timeoutMs));
    const registration = await Promise.race([navigator.serviceWorker.ready, timeout]);
    return { scope: registration.scope, activeScriptUrl: registration.active?.scriptURL ?? null, controllerScriptUrl: navigator.serviceWorker.controller?.scriptURL ?? null };
  }, serviceWorkerReadyTimeoutMs);
}

/**
 * The kiosk restarted: its page is closed and a new one opened in the same context (IndexedDB, Cache Storage and the
 * service worker registration survive, as on a rebooted kiosk). The card reader's and printer's replies go to the new
 * page from now on; the context's fake serial (init script and write binding) serves every page.
 */
export async function restartKioskPage(kiosk: KioskBrowser, url: string): Promise<KioskBrowser> {
  await kiosk.page.close();
  const page = await kiosk.context.newPage();
  for (const [port, emulator] of [kiosk.reader, kiosk.printer].entries()) {
    emulator.onOutput((bytes) => {
      if (page.isClosed()) return;
      void page.evaluate(([index, data]) => (window as unknown as { __linliSerialDeliver(i: number, b: number[]): void }).__linliSerialDeliver(index, data), [port, Array.from(bytes)] as const).catch(() => undefined);
    });
  }
  const restarted = { ...kiosk, page };
  await page.goto(url);
  return restarted;
}

/** The web app manifest the page links to: its absolute URL and the parsed JSON (fetched from Node, like an installer). */
export async function linkedManifest(page: Page): Promise<{ url: string; status: number; manifest: Record<string, unknown> }> {
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  if (href === null) throw new Error('the page links no manifest');
  const url = new URL(href, page.url()).href;
  const response = await fetch(url);
  const text = await response.text();
  return { url, status: response.status, manifest: JSON.parse(text) as Record<string, unknown> };
}

/**
 * Chromium's own installability verdict for `url` (DevTools `Page.getInstallabilityErrors`: empty means installable)
 * and its manifest parser's errors. Needs a persistent profile: every Playwright context is incognito, which Chromium
 * never offers to install from. With `hasServiceWorker`, waits until the page's worker is ready first.
 */
export async function installabilityOf(url: string, hasServiceWorker: boolean): Promise<{ installabilityErrorIds: string[]; manifestErrors: string[] }> {
  const profileFolder = mkdtempSync(join(tmpdir(), 'linli-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profileFolder, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  try {
    const page = await context.newPage();
    await page.goto(url);
    if (hasServiceWorker) await serviceWorkerState(page);
    const devTools = await context.newCDPSession(page);
    const installability = await devTools.send('Page.getInstallabilityErrors');
    const manifest = await devTools.send('Page.getAppManifest');
    return { installabilityErrorIds: installability.installabilityErrors.map((error) => error.errorId), manifestErrors: manifest.errors.map((error) => error.message) };
  } finally {
    await context.close();
    rmSync(profileFolder, { recursive: true, force: true });
  }
}
