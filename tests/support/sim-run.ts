// One seed of the kiosk ↔ ledger simulation: a faulty phase (drops, lost answers, duplicates, late deliveries,
// partitions, crashes at each of four points, concurrent bursts) running a seeded workload of check-ins, check-outs,
// redemptions and registrations; then a healthy phase that must drain every outbox in bounded simulated time; then the
// checks, and a close of every date from the kiosks' own day reports.

import { makeIdNumber } from '../../domain/id-number.ts';
import { draftFor } from '../../kiosk/src/submit.ts';
import type { Operation } from '../../kiosk/src/flow/types.ts';
import { checkSimulation, type SimVerdict } from './sim-checks.ts';
import { checkDayCloses } from './sim-day-close.ts';
import { crashPoints, startSimKiosk, type CrashPoint, type SimKiosk } from './sim-kiosk.ts';
import { createSimNetwork, type FaultCounts, type NetworkFaults } from './sim-network.ts';
import { createSimRandom, type SimRandom } from './sim-random.ts';
import { makeSimWorld, type SimWorld } from './sim-world.ts';

export type SimOptions = {
  seed: number;
  operations: number;
  /** Kiosk clock minus server clock, per kiosk; must stay inside the ±5 min signing window. */
  skewMs?: number[];
  faults?: NetworkFaults;
  crashProbability?: number;
  /** Chance per step that several kiosks act at once. Their requests then race inside the app (WebCrypto and the
   * group-commit writer), which a seed does not order, so only runs without bursts replay bit for bit. */
  burstProbability?: number;
};

export type SimReport = SimVerdict & {
  seed: number; submitted: number; stored: number; network: FaultCounts; crashes: Record<CrashPoint, number>; restarts: number;
  partitions: number; simulatedMs: number; healMs: number;
  /** Closes made after healing from the kiosks' own day reports (sim-day-close.ts), and the reports stored. */
  dayCloses: number; dayReportsStored: number;
};

export const defaultFaults: NetworkFaults = { dropRequest: 0.1, dropResponse: 0.1, duplicate: 0.1, delay: 0.05 };
/** After the network heals, every outbox must be empty within this much simulated time (G6). */
export const healMsMax = 3 * 60_000;
const healStepMs = 5_000;
/** Share of workload steps that register a new resident at the kiosk (online only: the card is never stored). */
const registrationShare = 0.1;

export async function runSimulation(options: SimOptions): Promise<SimReport> {
  const random = createSimRandom(options.seed);
  const world = await makeSimWorld(random.fork('world'), { kioskStations: ['A', 'A', 'B'], peopleCount: 6, startingCredits: () => ({ time: random.int(0, 4) * 30, points: random.int(0, 8) * 5 }) });
  try {
    const network = createSimNetwork(world.fixture.app, world.clock, random.fork('network'));
    const kiosks: SimKiosk[] = [];
    for (const [index, identity] of world.kiosks.entries()) {
      const skewMs = options.skewMs?.[index] ?? random.int(-30_000, 30_000);
      kiosks.push(await startSimKiosk(identity, { network, serverClock: world.clock, skewMs, random: random.fork(`kiosk${index}`) }));
    }
    const startMs = world.clock.nowMs;
    const workload = createWorkload(world, random.fork('workload'));
    const partitionEndMs = new Map<string, number>();
    let partitions = 0;
    network.setFaults(options.faults ?? defaultFaults);

    for (let step = 0; step < options.operations; step++) {
      world.clock.nowMs += random.chance(0.1) ? random.int(3, 15) * 60_000 : random.int(2_000, 90_000);
      for (const kiosk of kiosks) {
        const kioskId = kiosk.identity.kioskId;
        const endMs = partitionEndMs.get(kioskId);
        if (endMs !== undefined && endMs <= world.clock.nowMs) { network.setPartitioned(kioskId, false); partitionEndMs.delete(kioskId); }
        if (endMs === undefined && random.chance(0.04)) {
          partitions++;
          network.setPartitioned(kioskId, true);
          partitionEndMs.set(kioskId, world.clock.nowMs + random.int(1, 40) * 60_000);
        }
      }
      await network.deliverHeld();
      for (const kiosk of kiosks) {
        if (random.chance(0.3)) await kiosk.heartbeat();
        await kiosk.outbox().drain();
        await kiosk.restartIfCrashed();
      }
      if (random.chance(options.crashProbability ?? 0.1)) random.pick(kiosks).arm(random.pick(crashPoints));
      const actors = random.chance(options.burstProbability ?? 0.15) ? kiosks.filter(() => random.chance(0.7)) : [random.pick(kiosks)];
      const runs = actors.map((kiosk) => workload.plan(kiosk));
      await Promise.all(runs.map((run) => run()));
      for (const kiosk of kiosks) await kiosk.restartIfCrashed();
    }

    const healStartMs = world.clock.nowMs;
    network.setFaults(null);
    for (const kiosk of kiosks) { network.setPartitioned(kiosk.identity.kioskId, false); kiosk.disarm(); await kiosk.restartIfCrashed(); }
    await network.deliverHeld(true);
    while (kiosks.some((kiosk) => kiosk.outbox().pendingCount() > 0) && world.clock.nowMs - healStartMs <= healMsMax) {
      world.clock.nowMs += healStepMs;
      for (const kiosk of kiosks) { await kiosk.heartbeat(); await kiosk.outbox().drain(); }
    }
    await world.engine.drain();
    const verdict = await checkSimulation(world, kiosks);
    // After the other checks (closing changes no transaction): every date a kiosk wrote on closes with check 5 ok.
    const day = await checkDayCloses(world, kiosks);
    return {
      ...verdict, violations: [...verdict.violations, ...day.violations], dayCloses: day.closes, dayReportsStored: day.reportsStored, seed: options.seed, submitted: workload.submitted(), stored: kiosks.reduce((sum, kiosk) => sum + kiosk.everStored.size, 0), network: network.counts,
      crashes: sumCrashes(kiosks), restarts: kiosks.reduce((sum, kiosk) => sum + kiosk.restarts(), 0),
      partitions, simulatedMs: world.clock.nowMs - startMs, healMs: world.clock.nowMs - healStartMs,
    };
  } finally {
    world.close();
  }
}

function sumCrashes(kiosks: readonly SimKiosk[]): Record<CrashPoint, number> {
  const sums = Object.fromEntries(crashPoints.map((point) => [point, 0])) as Record<CrashPoint, number>;
  for (const kiosk of kiosks) for (const point of crashPoints) sums[point] += kiosk.crashes[point];
  return sums;
}

/**
 * The residents' side: who comes to which kiosk to do what. `plan` draws every random choice synchronously, so a
 * burst of kiosks acting at once draws in the same order on every run; `run` only talks to the kiosk.
 */
function createWorkload(world: SimWorld, random: SimRandom) {
  const checkedIn = new Set<string>();
  const cards: string[] = [];
  let submitted = 0;

  function plan(kiosk: SimKiosk): () => Promise<void> {
    if (random.chance(registrationShare)) {
      // A new resident (born 1950–1969, so old enough to self-register); now and then a card registered before.
      const isRepeat = cards.length > 0 && random.chance(0.2);
      const idNumber = isRepeat ? random.pick(cards) : makeIdNumber(`11010219${50 + random.int(0, 19)}0${random.int(1, 9)}${random.int(10, 28)}${String(cards.length).padStart(3, '0')}`);
      if (!isRepeat) cards.push(idNumber);
      return () => submit(kiosk, null, { kind: 'registration', card: { idNumber, name: '模拟新居民' }, phone: null, consentVersion: 'v1' });
    }
    const person = random.pick(world.people);
    const stationId = kiosk.identity.stationId;
    const activityId = world.activityIdOf[stationId]!;
    const attendanceKey = `${person.id}@${activityId}`;
    const roll = random.next01();
    if (roll < 0.3 || (roll < 0.55 && checkedIn.has(attendanceKey))) {
      const kind = checkedIn.has(attendanceKey) && random.chance(0.8) ? 'check-out' : 'check-in';
      if (kind === 'check-in') checkedIn.add(attendanceKey); else checkedIn.delete(attendanceKey);
      return () => submit(kiosk, person.id, { kind, personId: person.id, activityId });
    }
    const service = random.pick(world.services.filter((candidate) => candidate.stationId === stationId));
    return async () => {
      // The kiosk identifies the resident first; offline it falls back to the balance it saw last.
      const identified = await kiosk.api().identify({ card: { idNumber: person.idNumber, name: '' } }).catch(() => null);
      if (identified?.ok) kiosk.lastSeen.set(person.id, identified.resident.balances);
      const balances = kiosk.lastSeen.get(person.id);
      if (!balances) return;
      await submit(kiosk, person.id, { kind: 'redemption', personId: person.id, serviceId: service.id, asset: service.asset, price: service.price, lastSeenBalance: balances[service.asset] });
    };
  }

  async function submit(kiosk: SimKiosk, personId: string | null, operation: Operation): Promise<void> {
    submitted++;
    const result = await kiosk.outbox().submit(draftFor(operation));
    const answer = result.status === 'done' ? (result.response as { balances?: { time: number; points: number } } | null) : null;
    if (answer?.balances && personId !== null) kiosk.lastSeen.set(personId, answer.balances);
  }

  return { plan, submitted: () => submitted };
}
