// Opens the database from a Cloudflare Worker: @libsql/client/web over HTTP(S) to Turso / sqld. No migrations
// here (they run from Node before deploying) and no pragmas (the server owns durability).

import { createClient } from '@libsql/client/web';
import { drizzle } from 'drizzle-orm/libsql/web';
import type { Database } from '../client.ts';

export function openWebDatabase(options: { url: string; authToken?: string }): Database {
  const client = createClient({ url: options.url, ...(options.authToken ? { authToken: options.authToken } : {}) });
  const db = drizzle(client, { casing: 'snake_case' });
  return { client, db: db as unknown as Database['db'], close: () => client.close() };
}
