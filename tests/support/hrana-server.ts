// TEST STAND-IN FOR sqld: a small Hrana-over-HTTP v2 server (POST /v2/pipeline) backed by a libSQL file through
// the `libsql` package, so the Worker in workerd (@libsql/client/web) can reach a local database. Not for production.
// It implements the subset @libsql/client uses: execute, batch (with conditions), sequence, store_sql, close_sql,
// get_autocommit and close; one connection per baton so interactive transactions work.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import Database from 'libsql';

type Value = { type: 'null' } | { type: 'integer'; value: string } | { type: 'float'; value: number } | { type: 'text'; value: string } | { type: 'blob'; base64: string };
type Stmt = { sql?: string; sql_id?: number; args?: Value[]; named_args?: { name: string; value: Value }[]; want_rows?: boolean };
type Condition = { type: 'ok' | 'error'; step: number } | { type: 'not'; cond: Condition } | { type: 'and' | 'or'; conds: Condition[] } | { type: 'is_autocommit' };
type Request =
  | { type: 'execute'; stmt: Stmt } | { type: 'batch'; batch: { steps: { stmt: Stmt; condition?: Condition | null }[] } }
  | { type: 'sequence'; sql?: string; sql_id?: number } | { type: 'store_sql'; sql_id: number; sql: string }
  | { type: 'close_sql'; sql_id: number } | { type: 'get_autocommit' } | { type: 'close' };
type Stream = { connection: InstanceType<typeof Database>; sqls: Map<number, string>; lastUsedMs: number };

const streamIdleMsMax = 30_000;

export type HranaServer = { url: string; close(): Promise<void> };

/** Serves the libSQL file at `path` on 127.0.0.1 (port 0 = a free port). */
export async function startHranaServer(path: string, port = 0): Promise<HranaServer> {
  const streams = new Map<string, Stream>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'GET' && (request.url === '/v2' || request.url === '/health')) return void response.writeHead(200).end();
      if (request.method !== 'POST' || request.url !== '/v2/pipeline') return void response.writeHead(404).end();
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { baton: string | null; requests: Request[] };
        const result = pipeline(streams, path, body);
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(result));
      } catch (error) {
        response.writeHead(400, { 'Content-Type': 'text/plain' }).end(String(error));
      }
    });
  });
  const sweep = setInterval(() => {
    for (const [baton, stream] of streams) if (Date.now() - stream.lastUsedMs > streamIdleMsMax) { stream.connection.close(); streams.delete(baton); }
  }, 5_000);
  sweep.unref();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => {
      clearInterval(sweep);
      for (const stream of streams.values()) stream.connection.close();
      streams.clear();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function pipeline(streams: Map<string, Stream>, path: string, body: { baton: string | null; requests: Request[] }) {
  let baton = body.baton;
  let stream = baton ? streams.get(baton) : undefined;
  if (baton && !stream) throw new Error('unknown baton');
  if (!stream) stream = { connection: new Database(path), sqls: new Map(), lastUsedMs: Date.now() };
  if (baton) streams.delete(baton);
  stream.lastUsedMs = Date.now();
  let closed = false;
  const results = body.requests.map((request) => {
    try {
      if (request.type === 'close') { closed = true; return ok({ type: 'close' }); }
      return ok(handle(stream!, request));
    } catch (error) {
      return { type: 'error', error: hranaError(error) };
    }
  });
  if (closed) { stream.connection.close(); baton = null; } else { baton = randomBytes(16).toString('hex'); streams.set(baton, stream); }
  return { baton, base_url: null, results };
}

function ok(response: Record<string, unknown>) {
  return { type: 'ok', response };
}

function handle(stream: Stream, request: Request): Record<string, unknown> {
  switch (request.type) {
    case 'execute': return { type: 'execute', result: execute(stream, request.stmt) };
    case 'batch': return { type: 'batch', result: batch(stream, request.batch.steps) };
    case 'sequence': stream.connection.exec(sqlOf(stream, request)); return { type: 'sequence' };
    case 'store_sql': stream.sqls.set(request.sql_id, request.sql); return { type: 'store_sql' };
    case 'close_sql': stream.sqls.delete(request.sql_id); return { type: 'close_sql' };
    case 'get_autocommit': return { type: 'get_autocommit', is_autocommit: !stream.connection.inTransaction };
    default: throw new Error(`unsupported request ${(request as { type: string }).type}`);
  }
}

function batch(stream: Stream, steps: { stmt: Stmt; condition?: Condition | null }[]) {
  const stepResults: unknown[] = [];
  const stepErrors: unknown[] = [];
  const holds = (condition: Condition): boolean => {
    switch (condition.type) {
      case 'ok': return stepResults[condition.step] != null;
      case 'error': return stepErrors[condition.step] != null;
      case 'not': return !holds(condition.cond);
      case 'and': return condition.conds.every(holds);
      case 'or': return condition.conds.some(holds);
      case 'is_autocommit': return !stream.connection.inTransaction;
    }
  };
  for (const step of steps) {
    if (step.condition && !holds(step.condition)) { stepResults.push(null); stepErrors.push(null); continue; }
    try {
      stepResults.push(execute(stream, step.stmt));
      stepErrors.push(null);
    } catch (error) {
      stepResults.push(null);
      stepErrors.push(hranaError(error));
    }
  }
  return { step_results: stepResults, step_errors: stepErrors };
}

function execute(stream: Stream, stmt: Stmt) {
  const statement = stream.connection.prepare(sqlOf(stream, stmt));
  const args = stmt.named_args && stmt.named_args.length > 0
    ? Object.fromEntries(stmt.named_args.map((arg) => [arg.name.replace(/^[:@$]/, ''), fromValue(arg.value)]))
    : (stmt.args ?? []).map(fromValue);
  if (statement.reader) {
    statement.safeIntegers(true).raw(true);
    const rows = statement.all(args) as unknown[][];
    const columns = statement.columns() as { name: string; type: string | null }[];
    return { cols: columns.map((column) => ({ name: column.name, decltype: column.type ?? null })), rows: rows.map((row) => row.map(toValue)), affected_row_count: 0, last_insert_rowid: null, rows_read: rows.length, rows_written: 0 };
  }
  const info = statement.run(args) as { changes: number; lastInsertRowid: number | bigint };
  return { cols: [], rows: [], affected_row_count: info.changes, last_insert_rowid: String(info.lastInsertRowid), rows_read: 0, rows_written: info.changes };
}

function sqlOf(stream: Stream, stmt: { sql?: string; sql_id?: number }): string {
  const sql = stmt.sql ?? (stmt.sql_id === undefined ? undefined : stream.sqls.get(stmt.sql_id));
  if (sql === undefined) throw new Error('statement has no sql');
  return sql;
}

function fromValue(value: Value): unknown {
  switch (value.type) {
    case 'null': return null;
    case 'integer': return BigInt(value.value);
    case 'float': return value.value;
    case 'text': return value.value;
    case 'blob': return Buffer.from(value.base64, 'base64');
  }
}

function toValue(value: unknown): Value {
  if (value === null || value === undefined) return { type: 'null' };
  if (typeof value === 'bigint') return { type: 'integer', value: value.toString() };
  // With safeIntegers on, integers arrive as bigint: a number is always a REAL.
  if (typeof value === 'number') return { type: 'float', value };
  if (typeof value === 'string') return { type: 'text', value };
  if (value instanceof Uint8Array) return { type: 'blob', base64: Buffer.from(value).toString('base64') };
  throw new Error(`unsupported value ${typeof value}`);
}

function hranaError(error: unknown): { message: string; code: string } {
  const item = error as { message?: string; code?: string };
  return { message: String(item.message ?? error), code: String(item.code ?? 'UNKNOWN') };
}
