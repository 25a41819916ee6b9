// The Cloudflare Worker: the same createApp over @libsql/client/web (Turso or sqld), one app per isolate.
// Static apps come from Workers assets; /me/ is served from the portal build. Migrations run from Node first.

import type { App } from './app.ts';
import { createApp, createServiceContext } from './app.ts';
import { parseConfig, type Env } from './config.ts';
import { openWebDatabase } from './db/station/web-client.ts';
import { deriveKeys } from './services/crypto.ts';
import { ensureBootstrapAdmin } from './services/staff-admin.ts';

type AssetFetcher = { fetch(request: Request): Promise<Response> };
export type WorkerEnv = Env & { ASSETS?: AssetFetcher };

let appOnce: Promise<App> | undefined;

export default {
  async fetch(request: Request, env: WorkerEnv): Promise<Response> {
    const url = new URL(request.url);
    if (env.ASSETS && (url.pathname === '/me' || url.pathname.startsWith('/me/'))) {
      return env.ASSETS.fetch(new Request(new URL(`/portal${url.pathname.slice(3) || '/'}${url.search}`, url), request));
    }
    appOnce ??= startApp(env).catch((error: unknown) => {
      appOnce = undefined;
      throw error;
    });
    return (await appOnce).fetch(request, env);
  },
};

async function startApp(env: WorkerEnv): Promise<App> {
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
  return createApp({ database, keys, clientKeyOf: (request) => request.headers.get('cf-connecting-ip') ?? 'unknown' });
}
