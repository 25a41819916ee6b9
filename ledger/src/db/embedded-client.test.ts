// Proves the embedded client with kept statements behaves like the library's: the same SQL runs again after a
// constraint failure and after a schema change (kept statements are dropped then), batches roll back whole, and a file it cannot open fails at once.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmbeddedClient, preparedStatementsMax } from './embedded-client.ts';

const dir = mkdtempSync(join(tmpdir(), 'linli-embedded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createEmbeddedClient', () => {
  it('runs a kept INSERT again after it failed on a constraint, and keeps no half batch', async () => {
    const client = createEmbeddedClient(`file:${join(dir, 'constraint.db')}`);
    await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const insert = 'INSERT INTO t (id, v) VALUES (?, ?)';
    await client.execute({ sql: insert, args: [1, 'a'] });
    await expect(client.execute({ sql: insert, args: [1, 'again'] })).rejects.toThrow(/UNIQUE|constraint/i);
    await expect(client.batch([{ sql: insert, args: [2, 'b'] }, { sql: insert, args: [1, 'c'] }], 'write')).rejects.toThrow(/UNIQUE|constraint/i);
    await client.execute({ sql: insert, args: [3, 'd'] });
    expect((await client.execute('SELECT id, v FROM t ORDER BY id')).rows.map((row) => [row.id, row.v])).toEqual([[1, 'a'], [3, 'd']]);
    client.close();
  });

  it('reads new columns through a kept SELECT * after the table changes', async () => {
    const client = createEmbeddedClient(':memory:');
    await client.execute('CREATE TABLE t (a INTEGER)');
    await client.execute('INSERT INTO t VALUES (1)');
    expect((await client.execute('SELECT * FROM t')).columns).toEqual(['a']);
    await client.execute('ALTER TABLE t ADD COLUMN b TEXT DEFAULT \'x\'');
    const after = await client.execute('SELECT * FROM t');
    expect(after.columns).toEqual(['a', 'b']);
    expect(after.rows[0]?.b).toBe('x');
    await client.executeMultiple('ALTER TABLE t ADD COLUMN c INTEGER DEFAULT 7;');
    expect((await client.execute('SELECT * FROM t')).rows[0]?.c).toBe(7);
    client.close();
  });

  it('answers correctly past its statement limit (the oldest kept statements are dropped)', async () => {
    const client = createEmbeddedClient(':memory:');
    for (let index = 0; index < preparedStatementsMax + 20; index++) {
      expect(Number((await client.execute(`SELECT ${index} AS n`)).rows[0]?.n)).toBe(index);
    }
    expect(Number((await client.execute('SELECT 0 AS n')).rows[0]?.n)).toBe(0);
    client.close();
  });

  it('fails at once on a file it cannot open and refuses remote URLs', () => {
    expect(() => createEmbeddedClient(`file:${join(dir, 'missing-folder', 'x.db')}`)).toThrow();
    expect(() => createEmbeddedClient('http://127.0.0.1:1')).toThrow(/file: URL/);
  });
});
