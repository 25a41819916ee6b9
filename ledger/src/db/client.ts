// Opens the one libSQL client a process uses (Node: embedded file or remote; tests: in-memory),
// applies and checks the durability settings, and runs the drizzle migrations.
// Rule for every caller: writes go through `client.batch` or single statements, never interactive transactions.

import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { fileURLToPath } from 'node:url';
import { createEmbeddedClient } from './embedded-client.ts';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export type DatabaseOptions = { url: string; authToken?: string };

export type Database = {
  client: Client;
  db: ReturnType<typeof drizzle>;
  close: () => void;
};

/** Opens, configures (WAL, synchronous=FULL for files) and migrates a database. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const isFile = options.url.startsWith('file:') || options.url === ':memory:';
  // One connection: the embedded driver is synchronous, so one connection is also one writer.
  const client = isFile
    ? createEmbeddedClient(options.url)
    : createClient({ url: options.url, ...(options.authToken ? { authToken: options.authToken } : {}), concurrency: 1 });
  if (isFile) await configureEmbedded(client, options.url === ':memory:' || options.url === 'file::memory:');
  const db = drizzle(client, { casing: 'snake_case' });
  await migrate(db, { migrationsFolder });
  await checkWritable(client);
  return { client, db, close: () => client.close() };
}

async function configureEmbedded(client: Client, isMemory: boolean): Promise<void> {
  await client.execute('PRAGMA foreign_keys = ON');
  await client.execute('PRAGMA busy_timeout = 5000');
  const foreignKeys = Number((await client.execute('PRAGMA foreign_keys')).rows[0]?.[0]);
  if (foreignKeys !== 1) {
    client.close();
    throw new Error(`database check failed: foreign_keys=${foreignKeys} (want 1)`);
  }
  if (isMemory) return;
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute('PRAGMA synchronous = FULL');
  const journal = await client.execute('PRAGMA journal_mode');
  const synchronous = await client.execute('PRAGMA synchronous');
  const journalMode = String(journal.rows[0]?.[0]).toLowerCase();
  const synchronousLevel = Number(synchronous.rows[0]?.[0]);
  // 2 = FULL. A ledger that silently runs with weaker durability must not start.
  if (journalMode !== 'wal' || synchronousLevel !== 2) {
    client.close();
    throw new Error(`database durability check failed: journal_mode=${journalMode}, synchronous=${synchronousLevel} (want wal, 2)`);
  }
}

/**
 * A durable write at start-up. A database that opens but cannot be written (a read-only file system, a
 * read-only replica) must stop the service here, not fail the first resident's check-in.
 */
async function checkWritable(client: Client): Promise<void> {
  try {
    await client.execute({
      sql: "INSERT INTO app_meta (key, value) VALUES ('last_opened_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      args: [new Date().toISOString()],
    });
  } catch (error) {
    client.close();
    throw new Error(`database is not writable: ${(error as Error).message}`);
  }
}
