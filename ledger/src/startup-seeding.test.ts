// Proves the demo load is bracketed by a marker: a start that finds an interrupted load (a previous start killed
// while seeding) refuses with a message saying what to do, a finished load is recorded and not repeated, and the
// bootstrap admin made after the seeds belongs to the seeded district even when the seeds came from an earlier start.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './db/client.ts';
import { readMeta, writeMeta } from './db/meta.ts';
import { findStaffByUsername } from './db/station/staff.ts';
import { listRegions } from './db/station/stations.ts';
import { startServer } from './server.ts';

let folder: string;
const secret = 'startup-seeding-secret-0123456789abcdefgh';

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'linli-seeding-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function env(databasePath: string, seed: 'demo' | 'none') {
  return { DATABASE_URL: `file:${databasePath}`, LINLI_SECRET: secret, BOOTSTRAP_ADMIN_PASSWORD: 'seeding-admin-1', SEED: seed };
}

describe('demo seeding at start-up', () => {
  it('refuses to start on a database whose demo load was interrupted, and says what to do', async () => {
    const databasePath = join(folder, 'linli.db');
    const database = await openDatabase({ url: `file:${databasePath}` });
    await writeMeta(database, 'demo_seed', 'started');
    database.close();

    await expect(startServer({ port: 0, env: env(databasePath, 'demo'), buildWebApps: false, log: () => {} }))
      .rejects.toThrow(/interrupted.*delete the database file/);
  });

  it('records a finished load, does not load again, and gives the admin the seeded district', async () => {
    const databasePath = join(folder, 'linli.db');
    const first = await startServer({ port: 0, env: env(databasePath, 'demo'), buildWebApps: false, log: () => {} });
    await first.close();
    const second = await startServer({ port: 0, env: env(databasePath, 'demo'), buildWebApps: false, log: () => {} });
    await second.close();

    const database = await openDatabase({ url: `file:${databasePath}` });
    expect(await readMeta(database, 'demo_seed')).toBe('completed');
    const districts = (await listRegions(database)).filter((region) => region.level === 'district');
    expect(districts).toHaveLength(1);
    expect((await findStaffByUsername(database, 'admin'))?.regionId).toBe(districts[0]!.id);
    database.close();
  });

  it('leaves a database started with SEED=none empty and unmarked', async () => {
    const databasePath = join(folder, 'linli.db');
    const server = await startServer({ port: 0, env: env(databasePath, 'none'), buildWebApps: false, log: () => {} });
    await server.close();
    const database = await openDatabase({ url: `file:${databasePath}` });
    expect(await readMeta(database, 'demo_seed')).toBeNull();
    expect(await listRegions(database)).toEqual([]);
    expect(await readMeta(database, 'last_opened_at')).not.toBeNull();
    database.close();
  });
});
