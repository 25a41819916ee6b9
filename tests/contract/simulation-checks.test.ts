// Proves the simulation's verdict is not vacuous: a clean healthy run passes, and each kind of damage — an entry
// the ledger never got, a response that differs, a ledger row no outbox stored, an entry still waiting, an overdraft
// whose reconciliation item is gone — is reported by name.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftFor } from '../../kiosk/src/submit.ts';
import { checkSimulation } from '../support/sim-checks.ts';
import { startSimKiosk, type SimKiosk } from '../support/sim-kiosk.ts';
import { createSimNetwork, type SimNetwork } from '../support/sim-network.ts';
import { createSimRandom } from '../support/sim-random.ts';
import { makeSimWorld, type SimWorld } from '../support/sim-world.ts';

let world: SimWorld;
let network: SimNetwork;
let kiosk: SimKiosk;

beforeEach(async () => {
  const random = createSimRandom(5);
  world = await makeSimWorld(random.fork('world'), { kioskStations: ['A'], peopleCount: 2, startingCredits: () => ({ time: 60, points: 20 }) });
  network = createSimNetwork(world.fixture.app, world.clock, random.fork('network'));
  kiosk = await startSimKiosk(world.kiosks[0]!, { network, serverClock: world.clock, skewMs: 0, random: random.fork('kiosk') });
  const activityId = world.activityIdOf[kiosk.identity.stationId]!;
  for (const person of world.people) {
    expect((await kiosk.outbox().submit(draftFor({ kind: 'check-in', personId: person.id, activityId }))).status).toBe('done');
  }
});
afterEach(() => world.close());

const entries = () => [...kiosk.everStored.values()];
const violationsNow = async () => (await checkSimulation(world, [kiosk])).violations;

describe('the simulation verdict', () => {
  it('finds nothing wrong with a clean run', async () => {
    expect(await violationsNow()).toEqual([]);
  });

  it('reports an entry the outbox stored but the ledger never got (lost) and the sequence gap it leaves', async () => {
    const stored = entries()[0]!;
    kiosk.everStored.set('LOST', { ...stored, id: 'LOST', kioskSeq: 99 });
    const violations = await violationsNow();
    expect(violations).toContainEqual(expect.stringMatching(/^lost: .* seq 99 /));
    expect(violations).toContainEqual(expect.stringMatching(/^ledger has 2 kiosk rows, outboxes stored 3/));
  });

  it('reports an outcome the outbox and the ledger disagree on', async () => {
    const stored = entries()[0]!;
    kiosk.everStored.set(stored.id, { ...stored, response: { attendanceId: 'OTHER' } });
    expect(await violationsNow()).toContainEqual(expect.stringMatching(/^outbox done, ledger done or another response/));
    kiosk.everStored.set(stored.id, { ...stored, state: 'rejected', lastCode: 'already_checked_in' });
    expect(await violationsNow()).toContainEqual(expect.stringMatching(/^outbox rejected already_checked_in, ledger done/));
  });

  it('reports a ledger row that no outbox stored', async () => {
    kiosk.everStored.delete(entries()[1]!.id);
    expect(await violationsNow()).toContainEqual(expect.stringMatching(/^ledger row no outbox stored: .*#2 /));
  });

  it('reports an entry still waiting after healing and its kioskSeq missing from the ledger', async () => {
    network.setPartitioned(kiosk.identity.kioskId, true);
    const person = world.people[0]!;
    expect((await kiosk.outbox().submit(draftFor({ kind: 'check-out', personId: person.id, activityId: world.activityIdOf[kiosk.identity.stationId]! }))).status).toBe('queued');
    const violations = await violationsNow();
    expect(violations).toContainEqual(expect.stringMatching(/^not drained: .* seq 3 \(check-out/));
    expect(violations).toContainEqual(expect.stringMatching(/^lost: .* seq 3 /));
    expect(violations).toContainEqual(expect.stringMatching(/sequence .* but outbox kioskSeqLast 3/));
  });

  it('reports an offline overdraft whose reconciliation item is missing', async () => {
    const person = world.people[0]!;
    const service = world.services.find((candidate) => candidate.stationId === kiosk.identity.stationId && candidate.asset === 'time' && candidate.price === 90)!;
    network.setPartitioned(kiosk.identity.kioskId, true);
    await kiosk.heartbeat();
    const queued = await kiosk.outbox().submit(draftFor({ kind: 'redemption', personId: person.id, serviceId: service.id, asset: 'time', price: 90, lastSeenBalance: 120 }));
    expect(queued.status).toBe('queued');
    network.setPartitioned(kiosk.identity.kioskId, false);
    world.clock.nowMs += 60_000;
    await kiosk.outbox().drain();
    expect(await violationsNow()).toEqual([]);
    await world.fixture.database.client.execute("DELETE FROM reconciliation_items WHERE kind = 'offline_shortfall'");
    expect(await violationsNow()).toContainEqual(expect.stringMatching(/^overdraft without its reconciliation item: /));
  });
});
