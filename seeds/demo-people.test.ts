// Proves the demo kiosk's 模拟刷卡 cards match the demo seeds: the volunteer card finds a person with a balance and
// ledger history at the first demo station, the elder card a person aged 65+ who can afford the elder-only service,
// and the newcomer card nobody (404 person_not_found, so the kiosk offers 注册).

import { beforeAll, describe, expect, it } from 'vitest';
import { createServiceContext } from '../ledger/src/app.ts';
import { openDatabase, type Database } from '../ledger/src/db/client.ts';
import { createLedger } from '../ledger/src/db/ledger/ledger.ts';
import { deriveKeys } from '../ledger/src/services/crypto.ts';
import { demoElderCard, demoNewcomerCard, demoPickerCards, demoVolunteerCard } from '../hardware/card-reader/demo-cards.ts';
import { parseIdNumber } from '../domain/id-number.ts';
import { maskName } from '../domain/masking.ts';
import { demoStationNames, seedDemo } from './demo.ts';

let database: Database;
let balanceOf: (idNumber: string) => Promise<{ personId: string; time: number; points: number; postings: number } | null>;
let stationIdOf: (idNumber: string) => Promise<string | null>;

beforeAll(async () => {
  database = await openDatabase({ url: ':memory:' });
  const nowMs = () => Date.parse('2026-04-01T08:00:00+08:00');
  const ctx = createServiceContext({ database, keys: await deriveKeys('demo-people-test-secret-0123456789abcdef'), nowMs, passwordIterations: 1_000 });
  await seedDemo(ctx);
  const ledger = createLedger({ client: database.client, db: database.db, nowMs });
  // Names are stored masked and birth dates in the clear, which tells the fictional demo people apart.
  const personOf = async (idNumber: string) => {
    const card = demoPickerCards.find((entry) => entry.card.idNumber === idNumber)!.card;
    const found = await database.client.execute({ sql: 'SELECT id, station_id FROM people WHERE display_name = ? AND birth_date = ?', args: [maskName(card.name), card.birthDate] });
    const row = found.rows[0];
    return row ? { id: String(row.id), stationId: String(row.station_id) } : null;
  };
  balanceOf = async (idNumber) => {
    const person = await personOf(idNumber);
    if (!person) return null;
    const balances = await ledger.getBalances(person.id);
    const postings = await database.client.execute({ sql: 'SELECT count(*) AS n FROM postings WHERE account_key LIKE ?', args: [`%${person.id}%`] });
    return { personId: person.id, time: balances.time, points: balances.points, postings: Number(postings.rows[0]?.n ?? 0) };
  };
  stationIdOf = async (idNumber) => (await personOf(idNumber))?.stationId ?? null;
});

describe('demo card people', () => {
  it('offers a volunteer, an elder and a newcomer, each with a valid id number', () => {
    expect(demoPickerCards.map((entry) => entry.role)).toEqual(['volunteer', 'elder', 'newcomer']);
    for (const { card } of demoPickerCards) expect(parseIdNumber(card.idNumber)).toMatchObject({ ok: true });
  });

  it('registers the volunteer with a balance and history at the first demo station', async () => {
    const volunteer = await balanceOf(demoVolunteerCard.idNumber);
    expect(volunteer?.time).toBeGreaterThan(0);
    expect(volunteer?.postings).toBeGreaterThan(0);
    const station = await database.client.execute({ sql: 'SELECT name FROM stations WHERE id = ?', args: [await stationIdOf(demoVolunteerCard.idNumber)] });
    expect(station.rows[0]?.name).toBe(demoStationNames[0]);
  });

  it('registers the elder aged 65+ with enough time for the 60-minute elder-only service', async () => {
    expect(2026 - Number(demoElderCard.birthDate.slice(0, 4))).toBeGreaterThanOrEqual(65);
    expect((await balanceOf(demoElderCard.idNumber))?.time).toBeGreaterThanOrEqual(60);
  });

  it('leaves the newcomer unregistered', async () => {
    expect(await balanceOf(demoNewcomerCard.idNumber)).toBeNull();
  });
});
