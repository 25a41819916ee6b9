// The embedded (file: and in-memory) libSQL client, with each connection keeping its prepared statements.
// @libsql/client's embedded client prepares every statement anew on each call; on the ledger's hot path that was
// about a tenth of a signed check-out's CPU (the group statements are long multi-row VALUES). This is the library's
// own client and connection pool (`@libsql/client/sqlite3`), built the way its `createClient` builds them, with a
// pool that hands out connections whose `prepare` returns a kept statement for SQL it has seen.

import type { Client } from '@libsql/client';
import { ConnectionPool, Sqlite3Client } from '@libsql/client/sqlite3';
import { expandConfig, isInMemoryConfig } from '@libsql/core/config';

/** Distinct SQL texts kept per connection; the least recently used goes first. Group statements vary by group size. */
export const preparedStatementsMax = 512;

type Connection = ReturnType<ConnectionPool['acquireSync']>;
type Statement = ReturnType<Connection['prepare']>;
const keeping = new WeakSet<Connection>();

class StatementKeepingPool extends ConnectionPool {
  override acquireSync(forTransaction?: boolean): Connection {
    const connection = super.acquireSync(forTransaction);
    keepStatements(connection);
    return connection;
  }
}

/** One-connection embedded client for a `file:` URL or `:memory:`, as `createClient({url, concurrency: 1})` makes it. */
export function createEmbeddedClient(url: string): Client {
  const config = expandConfig({ url, concurrency: 1 }, true);
  if (config.scheme !== 'file') throw new Error(`createEmbeddedClient takes a file: URL or :memory:, not ${config.scheme}:`);
  const path = isInMemoryConfig(config) ? `${config.scheme}:${config.path}` : config.path;
  const pool = new StatementKeepingPool(path, { timeout: config.timeout }, 1);
  // Fail at once when the file cannot be opened, as the library's own createClient does.
  const probe = pool.acquireSync();
  try {
    probe.prepare('SELECT 1').get();
  } catch (error) {
    pool.close();
    throw error;
  } finally {
    pool.release(probe);
  }
  return new Sqlite3Client(pool, config.intMode);
}

/** SQL that changes the schema: a kept statement's column list would go stale, so these clear what is kept. */
const schemaChange = /^\s*(CREATE|ALTER|DROP)\b/i;

/**
 * Wraps one connection's `prepare` (and `exec`, which runs scripts). Reusing a statement is safe because the client
 * runs each one to completion synchronously (`all` or `run`) before anything else can use the connection. Schema
 * changes (migrations) drop every kept statement: SQLite re-prepares a statement after one, but the driver would
 * still report the old column list.
 */
function keepStatements(connection: Connection): void {
  if (keeping.has(connection)) return;
  keeping.add(connection);
  const prepare = connection.prepare.bind(connection);
  const statements = new Map<string, Statement>();
  const exec = connection.exec.bind(connection);
  connection.exec = ((sql: string) => {
    statements.clear();
    return exec(sql);
  }) as Connection['exec'];
  connection.prepare = ((sql: string): Statement => {
    if (schemaChange.test(sql)) {
      statements.clear();
      return prepare(sql);
    }
    const kept = statements.get(sql);
    if (kept !== undefined) {
      statements.delete(sql);
      statements.set(sql, kept);
      return kept;
    }
    const statement = prepare(sql);
    if (statements.size >= preparedStatementsMax) statements.delete(statements.keys().next().value!);
    statements.set(sql, statement);
    return statement;
  }) as Connection['prepare'];
}
