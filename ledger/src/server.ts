// startServer: everything `npm start` does — parse the environment, build the web apps if stale, open and migrate
// the database, seed an empty one, create the bootstrap admin, and serve the API plus /kiosk/, /admin/, /me/.

import { serve } from '@hono/node-server';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, createServiceContext } from './app.ts';
import type { ServiceContext } from './services/context.ts';
import { parseConfig, type Env } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { readMeta, writeMeta } from './db/meta.ts';
import { createLedger } from './db/ledger/ledger.ts';
import { startMinuteSweeps } from './operations/minute-sweeps.ts';
import { countStaff } from './db/station/staff.ts';
import { listRegions, listStationPlaces } from './db/station/stations.ts';
import { deriveKeys, randomToken } from './services/crypto.ts';
import { ensureBootstrapAdmin } from './services/staff-admin.ts';
import { buildWebAppsIfStale } from './web-build.ts';
import { serveWebApps } from './web-apps.ts';
import { seedDemo } from '../../seeds/demo.ts';

export const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export type StartOptions = { port?: number; host?: string; env: Env; log?: (line: string) => void; buildWebApps?: boolean };
export type RunningServer = { url: string; close(): Promise<void> };

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const parsed = parseConfig(options.env);
  if (!parsed.ok) throw new Error(`invalid configuration:\n${parsed.detail}`);
  const config = parsed.value;
  const dataDir = config.databaseUrl.startsWith('file:') ? dirname(resolve(rootDir, config.databaseUrl.slice('file:'.length))) : join(rootDir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const secret = config.secret ?? developmentSecret(dataDir, log);
  if (options.buildWebApps !== false) await buildWebAppsIfStale(rootDir, log);

  const databaseUrl = config.databaseUrl.startsWith('file:') ? `file:${resolve(rootDir, config.databaseUrl.slice('file:'.length))}` : config.databaseUrl;
  const database = await openDatabase({ url: databaseUrl, ...(config.databaseAuthToken && { authToken: config.databaseAuthToken }) });
  const keys = await deriveKeys(secret);
  const ctx = createServiceContext({ database, keys });
  await loadDemoSeedsIfEmpty(ctx, config.seed, log);
  const bootstrap = await ensureBootstrapAdmin(ctx, config.bootstrapAdminPassword, await topDistrictId(database));
  if (bootstrap.generatedPassword) log(`bootstrap admin created: username "admin", password "${bootstrap.generatedPassword}" (shown once)`);

  const engine = createLedger({ client: database.client, db: database.db, nowMs: () => Date.now() });
  const app = createApp({ database, keys, engine });
  const stopMinuteSweeps = startMinuteSweeps({ ledger: engine, database, nowMs: () => Date.now(), log });
  serveWebApps(app, join(rootDir, 'dist'));
  const port = options.port ?? config.port;
  const host = options.host ?? config.host;
  const server = await new Promise<ReturnType<typeof serve>>((resolveListening, reject) => {
    const listening = serve({ fetch: app.fetch, port, hostname: host }, () => resolveListening(listening));
    listening.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  return {
    url,
    close: () => new Promise<void>((resolveClosed, reject) => {
      stopMinuteSweeps();
      server.close((error) => {
        database.close();
        if (error) reject(error);
        else resolveClosed();
      });
    }),
  };
}

/**
 * Seeds an empty database with the demo data. The load takes a few seconds and is not one transaction, so it is
 * bracketed by a marker: a start that finds the load begun but not finished refuses to run on the partial data.
 */
async function loadDemoSeedsIfEmpty(ctx: ServiceContext, seed: 'demo' | 'none', log: (line: string) => void): Promise<void> {
  const seedState = await readMeta(ctx.database, 'demo_seed');
  if (seedState === 'started') {
    throw new Error('the demo data load of an earlier start was interrupted, so this database holds only part of it: '
      + 'delete the database file (DATABASE_URL) and start again, or start with SEED=none on a new database');
  }
  const isEmpty = (await countStaff(ctx.database)) === 0 && (await listStationPlaces(ctx.database)).length === 0;
  if (!isEmpty || seed !== 'demo' || seedState === 'completed') return;
  await writeMeta(ctx.database, 'demo_seed', 'started');
  await seedDemo(ctx);
  await writeMeta(ctx.database, 'demo_seed', 'completed');
  log('loaded the demo seeds (fictional people and stations)');
}

/** The bootstrap admin's region: the first district, when there is one. */
async function topDistrictId(database: Database): Promise<string | null> {
  const districts = (await listRegions(database)).filter((region) => region.level === 'district');
  return districts[0]?.id ?? null;
}

/** A per-installation development key in the data folder, made once; production sets LINLI_SECRET. */
function developmentSecret(dataDir: string, log: (line: string) => void): string {
  const file = join(dataDir, 'dev-secret.key');
  if (!existsSync(file)) {
    writeFileSync(file, randomToken((count) => crypto.getRandomValues(new Uint8Array(count)), 48), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  log(`warning: LINLI_SECRET is not set; using the development key in ${file} (set LINLI_SECRET in production)`);
  return readFileSync(file, 'utf8').trim();
}
