// Proves the merge of units' extra statements: single-row INSERTs with the same text become one multi-row INSERT at
// the first one's place, everything else keeps its place, and the merged statements write the same rows.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../client.ts';
import { mergeSingleRowInserts } from './statements.ts';

const insertA = (id: string, value: number) => ({ sql: 'INSERT INTO a (id, value) VALUES (?, ?)', args: [id, value] });
const other = { sql: 'UPDATE a SET value = value + 1 WHERE id = ?', args: ['x'] };

describe('mergeSingleRowInserts', () => {
  it('merges inserts with the same text at the place of the first and keeps other statements in order', () => {
    expect(mergeSingleRowInserts([insertA('x', 1), other, insertA('y', 2), 'DELETE FROM b', insertA('z', 3)])).toEqual([
      { sql: 'INSERT INTO a (id, value) VALUES (?, ?), (?, ?), (?, ?)', args: ['x', 1, 'y', 2, 'z', 3] }, other, 'DELETE FROM b',
    ]);
  });

  it('leaves an insert with a conflict clause, literals or named arguments as it is', () => {
    const statements = [
      { sql: 'INSERT INTO a (id, value) VALUES (?, ?) ON CONFLICT DO NOTHING', args: ['x', 1] },
      { sql: 'INSERT INTO a (id, value) VALUES (?, 0)', args: ['y'] },
      { sql: 'INSERT INTO a (id, value) VALUES (:id, :value)', args: { id: 'z', value: 2 } },
    ];
    expect(mergeSingleRowInserts(statements)).toEqual(statements);
  });

  it('writes the same rows as the separate statements, in chunks of at most 400 rows', async () => {
    const database = await openDatabase({ url: ':memory:' });
    try {
      await database.client.execute('CREATE TABLE a (id TEXT PRIMARY KEY, value INTEGER NOT NULL)');
      const merged = mergeSingleRowInserts(Array.from({ length: 450 }, (_, index) => insertA(`r${index}`, index)));
      expect(merged).toHaveLength(2);
      await database.client.batch(merged, 'write');
      expect((await database.client.execute('SELECT count(*) AS n, sum(value) AS total FROM a')).rows[0]).toMatchObject({ n: 450, total: (449 * 450) / 2 });
    } finally {
      database.close();
    }
  });
});
