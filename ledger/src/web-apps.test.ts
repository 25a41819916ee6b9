// Proves the static apps' headers on a temporary dist/: the kiosk's service worker script under /assets/ carries
// `Service-Worker-Allowed: /kiosk/` and `no-cache` (so updates are seen), other hashed assets are immutable, pages
// are revalidated, and a missing file is a plain 404 without those headers.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from './routes/http.ts';
import { isServiceWorkerPath } from './service-worker-scope.ts';
import { serveWebApps } from './web-apps.ts';

let distDir: string;
const app = new Hono<AppEnv>();

beforeAll(() => {
  distDir = mkdtempSync(join(tmpdir(), 'linli-dist-'));
  for (const folder of ['kiosk', 'admin', 'portal', 'assets']) mkdirSync(join(distDir, folder));
  for (const folder of ['kiosk', 'admin', 'portal']) writeFileSync(join(distDir, folder, 'index.html'), `<!doctype html><title>${folder}</title>`);
  writeFileSync(join(distDir, 'assets', 'sw-B90IsMC2.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(distDir, 'assets', 'kiosk-75JaOaw6.js'), 'console.log("kiosk");');
  serveWebApps(app, distDir);
});
afterAll(() => rmSync(distDir, { recursive: true, force: true }));

describe('serveWebApps', () => {
  it('serves the service worker with Service-Worker-Allowed /kiosk/ and no-cache', async () => {
    const response = await app.request('/assets/sw-B90IsMC2.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('Service-Worker-Allowed')).toBe('/kiosk/');
    expect(response.headers.get('Cache-Control')).toBe('no-cache');
    expect(response.headers.get('Content-Type')).toMatch(/javascript/);
    expect(await response.text()).toContain('addEventListener');
  });

  it('marks other hashed assets immutable, without widening any scope', async () => {
    const response = await app.request('/assets/kiosk-75JaOaw6.js');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('Service-Worker-Allowed')).toBeNull();
  });

  it('revalidates the app pages, so a new build is picked up at once', async () => {
    for (const path of ['/kiosk/', '/admin/', '/me/']) {
      const response = await app.request(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('Cache-Control')).toBe('no-cache');
    }
    expect((await app.request('/kiosk')).status).toBe(308);
  });

  it('answers a missing worker script 404 without the scope header', async () => {
    const response = await app.request('/assets/sw-missing1.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('Service-Worker-Allowed')).toBeNull();
  });

  it('recognises only /assets/sw-<hash>.js as the worker script', () => {
    expect(isServiceWorkerPath('/assets/sw-B90IsMC2.js')).toBe(true);
    for (const path of ['/assets/sw-B90IsMC2.js.map', '/assets/answer-1.js', '/kiosk/sw-1.js', '/assets/sw-../x.js']) expect(isServiceWorkerPath(path)).toBe(false);
  });
});
