// Proves G8: two kiosks at one station redeem the same resident's points at the same moment when the balance covers
// only one. Online, exactly one succeeds and the other is refused (insufficient_balance), never a negative balance.
// Offline, both facts are recorded on upload and the overdraft is in suspense with a reconciliation item.

import { afterEach, describe, expect, it } from 'vitest';
import { draftFor } from '../../kiosk/src/submit.ts';
import { sampleUnit } from '../../ledger/src/db/ledger/sample-units.ts';
import { createIdGenerator } from '../../domain/ids.ts';
import { checkSimulation } from '../support/sim-checks.ts';
import { startSimKiosk, type SimKiosk } from '../support/sim-kiosk.ts';
import { createSimNetwork } from '../support/sim-network.ts';
import { createSimRandom } from '../support/sim-random.ts';
import { makeSimWorld, type SimWorld } from '../support/sim-world.ts';

const racesOnline = Number(process.env.SIM_RACES ?? 300);
const racesOffline = Math.ceil(racesOnline / 3);
const price = 30;

let world: SimWorld;
afterEach(() => world.close());

async function setup(seed: number) {
  const random = createSimRandom(seed);
  world = await makeSimWorld(random.fork('world'), { kioskStations: ['A', 'A'], peopleCount: 1, startingCredits: () => ({ time: 0, points: 0 }) });
  const network = createSimNetwork(world.fixture.app, world.clock, random.fork('network'));
  const kiosks: SimKiosk[] = [
    await startSimKiosk(world.kiosks[0]!, { network, serverClock: world.clock, skewMs: 0, random: random.fork('k0') }),
    await startSimKiosk(world.kiosks[1]!, { network, serverClock: world.clock, skewMs: 0, random: random.fork('k1') }),
  ];
  const personId = world.people[0]!.id;
  const service = world.services.find((candidate) => candidate.stationId === world.kiosks[0]!.stationId && candidate.asset === 'points' && candidate.price === price)!;
  const newId = createIdGenerator(() => world.clock.nowMs, (count) => random.bytes(count));
  return {
    network, kiosks, personId,
    async credit(points: number) {
      const outcome = await world.engine.submit(sampleUnit(newId(), { type: 'credit', personId, asset: 'points', amount: points }, { stationId: world.kiosks[0]!.stationId, occurredAtMs: world.clock.nowMs }));
      expect(outcome.status).toBe('created');
    },
    // Both kiosks saw the same balance when the resident was identified: exactly the price.
    redeem: (kiosk: SimKiosk) => () => kiosk.outbox().submit(draftFor({ kind: 'redemption', personId, serviceId: service.id, asset: 'points', price, lastSeenBalance: price })),
  };
}

const pointsOf = async (personId: string) => (await world.engine.getBalances(personId)).points;

describe('two kiosks redeem the same resident at once', () => {
  it(`online: exactly one of two succeeds, the other is insufficient_balance, never below zero (${racesOnline} races)`, async () => {
    const { kiosks, personId, credit, redeem } = await setup(8);
    for (let race = 0; race < racesOnline; race++) {
      await credit(price);
      world.clock.nowMs += 20_000;
      const results = await Promise.all(kiosks.map((kiosk) => redeem(kiosk)()));
      const outcomes = results.map((result) => (result.status === 'rejected' ? result.code : result.status)).sort();
      expect(outcomes, `race ${race}`).toEqual(['done', 'insufficient_balance']);
      expect(await pointsOf(personId)).toBe(0);
    }
    const verdict = await checkSimulation(world, kiosks);
    expect(verdict.violations).toEqual([]);
    expect(verdict.outcomes).toEqual({ 'redemption done': racesOnline, 'redemption rejected:insufficient_balance': racesOnline });
    expect(verdict.overdrafts).toBe(0);
  }, 120_000);

  it(`offline: both are recorded on upload, the overdraft goes to suspense with a reconciliation item (${racesOffline} races)`, async () => {
    const { network, kiosks, personId, credit, redeem } = await setup(9);
    for (let race = 0; race < racesOffline; race++) {
      await credit(price);
      for (const kiosk of kiosks) { network.setPartitioned(kiosk.identity.kioskId, true); await kiosk.heartbeat(); }
      const results = await Promise.all(kiosks.map((kiosk) => redeem(kiosk)()));
      expect(results.map((result) => result.status), `race ${race}`).toEqual(['queued', 'queued']);
      world.clock.nowMs += 60_000;
      for (const kiosk of kiosks) { network.setPartitioned(kiosk.identity.kioskId, false); await kiosk.heartbeat(); }
      await Promise.all(kiosks.map((kiosk) => kiosk.outbox().drain()));
      expect(kiosks.map((kiosk) => kiosk.outbox().pendingCount())).toEqual([0, 0]);
      expect(await pointsOf(personId)).toBe(0);
    }
    const verdict = await checkSimulation(world, kiosks);
    expect(verdict.violations).toEqual([]);
    expect(verdict.outcomes).toEqual({ 'redemption done': 2 * racesOffline });
    expect(verdict.overdrafts).toBe(racesOffline);
    const items = await world.fixture.database.client.execute("SELECT count(*) AS n, SUM(amount) AS total FROM reconciliation_items WHERE kind = 'offline_shortfall'");
    expect({ n: Number(items.rows[0]!.n), total: Number(items.rows[0]!.total) }).toEqual({ n: racesOffline, total: racesOffline * price });
  }, 120_000);
});
