// The Cloudflare Worker: the same createApp over @libsql/client/web (Turso or sqld), one app and one ledger engine
// per isolate. `scheduled` (cron every minute) runs the forgotten check-out and hold-expiry sweeps. Static apps come
// from Workers assets; /me/ is served from the portal build, the kiosk's service worker with its scope headers.
// Migrations run from Node first.

import type { App } from './app.ts';
import { createApp, createServiceContext } from './app.ts';
import { parseConfig, type Env } from './config.ts';
import type { Database } from './db/client.ts';
import { createLedger, type Ledger } from './db/ledger/ledger.ts';
import { openWebDatabase } from './db/station/web-client.ts';
import { didSweepWork, runMinuteSweeps } from './operations/minute-sweeps.ts';
import { deriveKeys } from './services/crypto.ts';
import { isServiceWorkerPath, withServiceWorkerHeaders } from './service-worker-scope.ts';
import { ensureBootstrapAdmin } from './services/staff-admin.ts';

type AssetFetcher = { fetch(request: Request): Promise<Response> };
export type WorkerEnv = Env & { ASSETS?: AssetFetcher };
type Started = { app: App; ledger: Ledger; database: Database };
type ExecutionContext = { waitUntil(promise: Promise<unknown>): void };

let startedOnce: Promise<Started> | undefined;

export default {
  async fetch(request: Request, env: WorkerEnv): Promise<Response> {
    const url = new URL(request.url);
    if (env.ASSETS && (url.pathname === '/me' || url.pathname.startsWith('/me/'))) {
      return env.ASSETS.fetch(new Request(new URL(`/portal${url.pathname.slice(3) || '/'}${url.search}`, url), request));
    }
    // Reached when wrangler.toml's run_worker_first lists "/assets/sw-*"; otherwise Workers assets answer directly.
    if (env.ASSETS && isServiceWorkerPath(url.pathname)) return withServiceWorkerHeaders(await env.ASSETS.fetch(request));
    return (await started(env)).app.fetch(request, env);
  },

  /** The cron trigger (wrangler.toml `* * * * *`): server time decides what is overdue. Failures throw and are retried next minute. */
  async scheduled(_controller: { scheduledTime: number; cron: string }, env: WorkerEnv, context: ExecutionContext): Promise<void> {
    context.waitUntil((async () => {
      const { ledger, database } = await started(env);
      const result = await runMinuteSweeps({ ledger, database }, Date.now());
      if (didSweepWork(result)) console.log(JSON.stringify({ level: 'info', outcome: 'minute_sweeps', ...result }));
    })());
  },
};

function started(env: WorkerEnv): Promise<Started> {
  startedOnce ??= startApp(env).catch((error: unknown) => {
    startedOnce = undefined;
    throw error;
  });
  return startedOnce;
}

async function startApp(env: WorkerEnv): Promise<Started> {
  const parsed = parseConfig(env);
  if (!parsed.ok) throw new Error(`invalid configuration:\n${parsed.detail}`);
  const config = parsed.value;
  // A Worker has no data folder for a development key: the secret is required.
  if (config.secret === undefined) throw new Error('invalid configuration:\nLINLI_SECRET is required on Workers');
  if (config.databaseUrl.startsWith('file:')) throw new Error('invalid configuration:\nDATABASE_URL must be libsql:, https: or http: on Workers');
  const database = openWebDatabase({ url: config.databaseUrl, ...(config.databaseAuthToken && { authToken: config.databaseAuthToken }) });
  const keys = await deriveKeys(config.secret);
  // On Workers the bootstrap admin needs BOOTSTRAP_ADMIN_PASSWORD: a generated one could not be shown to anyone.
  if (config.bootstrapAdminPassword) await ensureBootstrapAdmin(createServiceContext({ database, keys }), config.bootstrapAdminPassword, null);
  const ledger = createLedger({ client: database.client, db: database.db, nowMs: () => Date.now() });
  const app = createApp({ database, keys, engine: ledger, clientKeyOf: (request) => request.headers.get('cf-connecting-ip') ?? 'unknown' });
  return { app, ledger, database };
}
