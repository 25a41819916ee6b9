// Proves the demo seeds load through the service's own paths and are deterministic: two databases seeded at the
// same time hold the same stations, activities and (masked) people.

import { describe, expect, it } from 'vitest';
import { createServiceContext } from '../ledger/src/app.ts';
import { openDatabase } from '../ledger/src/db/client.ts';
import { deriveKeys } from '../ledger/src/services/crypto.ts';
import { demoPeopleCount, seedDemo } from './demo.ts';

async function seeded() {
  const database = await openDatabase({ url: ':memory:' });
  const ctx = createServiceContext({ database, keys: await deriveKeys('demo-seed-test-secret-0123456789abcdef'), nowMs: () => Date.parse('2026-04-01T08:00:00+08:00'), passwordIterations: 1_000 });
  const summary = await seedDemo(ctx);
  const rows = async (sql: string) => (await database.client.execute(sql)).rows.map((row) => JSON.stringify(row));
  const snapshot = {
    regions: await rows('SELECT id, level, name, parent_id FROM regions ORDER BY id'),
    stations: await rows('SELECT id, name FROM stations ORDER BY id'),
    activities: await rows('SELECT id, station_id, title, kind, starts_at_ms FROM activities ORDER BY id'),
    services: await rows('SELECT id, name, asset, price FROM services ORDER BY id'),
    people: await rows('SELECT id, volunteer_no, display_name, birth_date, id_number_hash FROM people ORDER BY id'),
    links: await rows('SELECT person_id, relative_id, relation FROM family_links ORDER BY person_id, relative_id'),
  };
  database.close();
  return { summary, snapshot };
}

describe('seedDemo', () => {
  it('loads one district, one street, two communities, three stations, activities, services, 50 people and family links', async () => {
    const { summary, snapshot } = await seeded();
    expect(snapshot.regions).toHaveLength(4);
    expect(summary.stationIds).toHaveLength(3);
    expect(snapshot.activities).toHaveLength(15);
    expect(snapshot.services).toHaveLength(12);
    expect(snapshot.people).toHaveLength(demoPeopleCount);
    expect(snapshot.links).toHaveLength(10);
    expect(snapshot.activities.some((row) => row.includes('"meeting"')) && snapshot.activities.some((row) => row.includes('"household_visit"'))).toBe(true);
  });

  it('produces identical data from the fixed seed', async () => {
    expect((await seeded()).snapshot).toEqual((await seeded()).snapshot);
  });
});
