// Proves startServer does what `npm start` does on a temp database: migrate, seed, bootstrap admin printed once,
// health, login over real HTTP, static admin page, the kiosk's service worker served for the /kiosk/ scope, and a bad
// environment refused with every problem listed.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootDir, startServer, type RunningServer } from './server.ts';

let folder: string;
let server: RunningServer;
const lines: string[] = [];

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'linli-server-'));
  server = await startServer({ port: 0, env: { DATABASE_URL: `file:${join(folder, 'linli.db')}` }, log: (line) => lines.push(line) });
});
afterAll(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('startServer', () => {
  it('answers /health on a free port of 127.0.0.1', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${server.url}/health`);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('seeds the demo data, prints a generated admin password once, and that password logs in', async () => {
    const printed = lines.filter((line) => line.includes('bootstrap admin'));
    expect(printed).toHaveLength(1);
    const password = /password "([^"]+)"/.exec(printed[0]!)![1]!;
    const login = await fetch(`${server.url}/api/v1/staff/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
    expect(login.status).toBe(201);
    const { token } = (await login.json()) as { token: string };
    const stations = (await (await fetch(`${server.url}/api/v1/stations`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { stations: unknown[] };
    expect(stations.stations).toHaveLength(3);
    expect(lines.some((line) => line.includes('LINLI_SECRET is not set'))).toBe(true);
  });

  it('serves the admin page from dist/ with the security headers', async () => {
    const response = await fetch(`${server.url}/admin/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('邻里');
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
  });

  it('serves the worker script the kiosk bundle registers with Service-Worker-Allowed /kiosk/', async () => {
    const assets = readdirSync(join(rootDir, 'dist', 'assets'));
    const worker = assets.find((name) => /^sw-[A-Za-z0-9_-]+\.js$/.test(name));
    expect(worker).toBeDefined();
    const kioskPage = await (await fetch(`${server.url}/kiosk/`)).text();
    const entry = /src="\/assets\/(kiosk-[^"]+\.js)"/.exec(kioskPage)?.[1];
    expect(readFileSync(join(rootDir, 'dist', 'assets', entry!), 'utf8')).toContain(`/assets/${worker}`);
    const response = await fetch(`${server.url}/assets/${worker}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Service-Worker-Allowed')).toBe('/kiosk/');
    expect(response.headers.get('Cache-Control')).toBe('no-cache');
  });

  it('refuses a bad environment listing every problem', async () => {
    await expect(startServer({ port: 0, env: { PORT: 'x', SEED: 'some', LINLI_SECRET: 'short' }, buildWebApps: false })).rejects.toThrow(/PORT[\s\S]*LINLI_SECRET[\s\S]*SEED/);
  });
});
