// Proves the demo seeds load through the service's own paths and are deterministic: two databases seeded at the
// same time hold the same stations, activities, (masked) people and ledger history, and the history balances.

import { describe, expect, it } from 'vitest';
import { createServiceContext } from '../ledger/src/app.ts';
import { openDatabase } from '../ledger/src/db/client.ts';
import { createLedger } from '../ledger/src/db/ledger/ledger.ts';
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
    transactions: await rows('SELECT ledger_seq, id, kind, status, kiosk_id, kiosk_seq, occurred_at_ms, recorded_at_ms, hex(hash) AS hash FROM transactions ORDER BY ledger_seq'),
    redemptions: await rows('SELECT id, person_id, service_id, pickup_code, business_date FROM redemptions ORDER BY id'),
  };
  const ledger = createLedger({ client: database.client, db: database.db, nowMs: () => Date.parse('2026-04-01T08:00:00+08:00') });
  const checks = { trialBalance: await ledger.trialBalance(), chain: await ledger.verifyChain(), balancesMatch: await ledger.checkBalancesMatchPostings(),
    balances: await Promise.all(summary.personIds.map((personId) => ledger.getBalances(personId))) };
  await ledger.close();
  database.close();
  return { summary, snapshot, checks };
}

describe('seedDemo', () => {
  it('loads one district, one street, two communities, three stations, activities, services, 50 people and family links', async () => {
    const { summary, snapshot } = await seeded();
    expect(snapshot.regions).toHaveLength(4);
    expect(summary.stationIds).toHaveLength(3);
    expect(snapshot.activities).toHaveLength(15 + 3 * 3);
    expect(snapshot.services).toHaveLength(12);
    expect(snapshot.people).toHaveLength(demoPeopleCount);
    expect(snapshot.links).toHaveLength(10);
    expect(snapshot.activities.some((row) => row.includes('"meeting"')) && snapshot.activities.some((row) => row.includes('"household_visit"'))).toBe(true);
  });

  it('produces identical data from the fixed seed', async () => {
    expect((await seeded()).snapshot).toEqual((await seeded()).snapshot);
  });

  it('posts three days of check-ins, check-outs and redemptions through the ledger, balanced and chained', async () => {
    const { summary, snapshot, checks } = await seeded();
    const kinds = (kind: string) => snapshot.transactions.filter((row) => row.includes(`"kind":"${kind}"`)).length;
    expect(kinds('check_in')).toBeGreaterThan(10);
    expect(kinds('check_out')).toBe(kinds('check_in'));
    expect(kinds('redemption')).toBeGreaterThanOrEqual(3);
    expect(snapshot.redemptions).toHaveLength(kinds('redemption'));
    expect(summary.transactions).toBe(snapshot.transactions.length);
    expect(snapshot.transactions.every((row) => row.includes('"status":"posted"'))).toBe(true);
    expect(checks.trialBalance).toEqual({ time: 0, points: 0 });
    expect(checks.chain.ok).toBe(true);
    expect(checks.balancesMatch.mismatches).toEqual([]);
    expect(checks.balances.filter((balance) => balance.time > 0).length).toBeGreaterThan(5);
    expect(checks.balances.every((balance) => balance.time >= 0 && balance.points >= 0)).toBe(true);
    // Every history event happened before "now" (2026-04-01 08:00 Shanghai), within the last three days.
    const occurred = snapshot.transactions.map((row) => (JSON.parse(row) as { occurred_at_ms: number }).occurred_at_ms);
    expect(Math.max(...occurred)).toBeLessThan(Date.parse('2026-04-01T00:00:00+08:00'));
    expect(Math.min(...occurred)).toBeGreaterThanOrEqual(Date.parse('2026-03-29T00:00:00+08:00'));
  });
});
