// `npm start`: starts the station service on Node with the process environment and prints where it listens, and on
// a demo database a ready link to enrol the demo kiosk. A bad environment stops start-up with the full list of what is wrong.

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createServiceContext } from './app.ts';
import { parseConfig, type Env } from './config.ts';
import { openDatabase } from './db/client.ts';
import { deriveKeys } from './services/crypto.ts';
import { demoKioskLine, prepareDemoKiosk } from './demo-kiosk.ts';
import { rootDir, startServer } from './server.ts';

try {
  const server = await startServer({ env: process.env });
  console.log(`Linli (邻里) listening on ${server.url}  (kiosk ${server.url}/kiosk/, admin ${server.url}/admin/, volunteers ${server.url}/me/)`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await printDemoKioskLink(process.env, server.url);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

/**
 * The server keeps its service context to itself, so the demo kiosk is made over a short second connection to the
 * same database (WAL allows it), with the same secret the server uses. An in-memory database is not shared: no link.
 */
async function printDemoKioskLink(env: Env, baseUrl: string): Promise<void> {
  const parsed = parseConfig(env);
  if (!parsed.ok || parsed.value.seed !== 'demo' || parsed.value.databaseUrl === ':memory:') return;
  const config = parsed.value;
  const isFile = config.databaseUrl.startsWith('file:');
  const filePath = isFile ? resolve(rootDir, config.databaseUrl.slice('file:'.length)) : null;
  const secret = config.secret ?? readFileSync(join(filePath ? dirname(filePath) : join(rootDir, 'data'), 'dev-secret.key'), 'utf8').trim();
  const database = await openDatabase({ url: filePath ? `file:${filePath}` : config.databaseUrl, ...(config.databaseAuthToken && { authToken: config.databaseAuthToken }) });
  try {
    const outcome = await prepareDemoKiosk(createServiceContext({ database, keys: await deriveKeys(secret) }), baseUrl, config.seed);
    if (outcome.status === 'created') console.log(demoKioskLine(outcome.link));
  } finally {
    database.close();
  }
}
