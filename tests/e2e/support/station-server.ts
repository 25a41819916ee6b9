// Starts the real station service (`npm start`'s startServer) on a temp database and a free port, with the demo
// seeds and a known admin password; it builds dist/ when stale. Returns its URL and a close function.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../../ledger/src/server.ts';

export type StationServer = { url: string; adminPassword: string; close(): Promise<void> };

export const adminPassword = 'e2e-admin-password-1';
const secret = 'e2e-linli-secret-0123456789abcdef-0123456789';

export async function startStation(): Promise<StationServer> {
  const folder = mkdtempSync(join(tmpdir(), 'linli-e2e-'));
  const env = { DATABASE_URL: `file:${join(folder, 'linli.db')}`, BOOTSTRAP_ADMIN_PASSWORD: adminPassword, LINLI_SECRET: secret };
  const server = await startServer({ port: 0, host: '127.0.0.1', env, log: () => undefined });
  return {
    url: server.url,
    adminPassword,
    close: async () => {
      await server.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
