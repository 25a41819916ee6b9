// The ledger side of the kiosk ↔ ledger simulation: the real app on in-memory libSQL with real migrations, a
// virtual server clock, seeded server randomness, kiosks enrolled with their own P-256 keys, an all-day activity
// and a small catalogue per station, and seeded fictional people with starting credits.

import { createIdGenerator } from '../../domain/ids.ts';
import { makeIdNumber } from '../../domain/id-number.ts';
import { createLedger, type Ledger } from '../../ledger/src/db/ledger/ledger.ts';
import { sampleUnit } from '../../ledger/src/db/ledger/sample-units.ts';
import { makeFixture, type Fixture } from './station-fixture.ts';
import type { SimRandom } from './sim-random.ts';

export type SimService = { id: string; stationId: string; asset: 'time' | 'points'; price: number };
export type SimPerson = { id: string; idNumber: string };
export type SimKioskIdentity = { kioskId: string; stationId: string; privateKey: CryptoKey };

export type SimWorld = {
  fixture: Fixture;
  engine: Ledger;
  /** Virtual server time; the app and the kiosks' clocks read it. */
  clock: { nowMs: number };
  activityIdOf: Record<string, string>;
  services: SimService[];
  people: SimPerson[];
  kiosks: SimKioskIdentity[];
  close(): void;
};

export type SimWorldOptions = { kioskStations: ('A' | 'B')[]; peopleCount: number; startingCredits: (index: number) => { time: number; points: number } };

const dayStart = '2026-04-01T08:00:00+08:00';
const dayEnd = '2026-04-01T22:00:00+08:00';

export async function makeSimWorld(random: SimRandom, options: SimWorldOptions): Promise<SimWorld> {
  const holder: { engine?: Ledger } = {};
  // createApp needs the engine before the database exists; the proxy forwards to the one made right after.
  const forward = new Proxy({} as Ledger, { get: (_target, name) => (holder.engine as unknown as Record<string | symbol, unknown>)[name] });
  const serverRandom = random.fork('server');
  const fixture = await makeFixture({ engine: forward, randomBytes: (count) => serverRandom.bytes(count) });
  const engine = createLedger({ client: fixture.database.client, db: fixture.database.db, nowMs: () => fixture.clock.nowMs });
  holder.engine = engine;
  const stationOf = { A: fixture.stationA, B: fixture.stationB };
  const managerOf = { [fixture.stationA]: fixture.tokens.managerA, [fixture.stationB]: fixture.tokens.managerB };

  const staffPost = async (path: string, token: string, body: unknown) => {
    const response = await fixture.call('POST', path, { token, body });
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, any>;
  };
  const activityIdOf: Record<string, string> = {};
  const services: SimService[] = [];
  for (const stationId of [fixture.stationA, fixture.stationB]) {
    const token = managerOf[stationId]!;
    const activity = await staffPost('/api/v1/activities', token, { stationId, title: '全天志愿服务', startsAt: dayStart, endsAt: dayEnd, rounding: { mode: 'exact' } });
    activityIdOf[stationId] = activity.activity.id as string;
    for (const [asset, price] of [['points', 5], ['points', 15], ['points', 30], ['time', 30], ['time', 60], ['time', 90]] as const) {
      const created = await staffPost('/api/v1/services', token, { stationId, name: `服务${asset}${price}`, asset, price });
      services.push({ id: created.service.id as string, stationId, asset, price });
    }
  }

  const people: SimPerson[] = [];
  const newId = createIdGenerator(() => fixture.clock.nowMs, (count) => serverRandom.bytes(count));
  for (let index = 0; index < options.peopleCount; index++) {
    const idNumber = makeIdNumber(`11010119${50 + (index % 40)}0${1 + (index % 9)}${String(10 + (index % 18))}${String(100 + index).slice(-3)}`);
    const created = await staffPost('/api/v1/people', fixture.tokens.clerkA, { stationId: fixture.stationA, card: { idNumber, name: `模拟居民${index + 1}` }, consentVersion: 'v1' });
    const person = { id: created.person.id as string, idNumber };
    people.push(person);
    const credits = options.startingCredits(index);
    for (const asset of ['time', 'points'] as const) {
      if (credits[asset] === 0) continue;
      const outcome = await engine.submit(sampleUnit(newId(), { type: 'credit', personId: person.id, asset, amount: credits[asset] }, { stationId: fixture.stationA, occurredAtMs: fixture.clock.nowMs }));
      if (outcome.status !== 'created') throw new Error(`starting credit: ${outcome.status}`);
    }
  }

  const kiosks: SimKioskIdentity[] = [];
  for (const [index, station] of options.kioskStations.entries()) {
    const stationId = stationOf[station];
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    const publicKeyJwk = await crypto.subtle.exportKey('jwk', keys.publicKey);
    const created = await staffPost('/api/v1/kiosks', managerOf[stationId]!, { stationId, name: `模拟一体机${index + 1}` });
    const enrolled = await fixture.call('POST', '/api/v1/kiosks/enroll', { body: { enrollmentCode: created.enrollmentCode, publicKeyJwk } });
    if (enrolled.status !== 201) throw new Error(`enroll: ${enrolled.status} ${await enrolled.text()}`);
    kiosks.push({ kioskId: created.kioskId as string, stationId, privateKey: keys.privateKey });
  }
  return { fixture, engine, clock: fixture.clock, activityIdOf, services, people, kiosks, close: () => fixture.close() };
}
