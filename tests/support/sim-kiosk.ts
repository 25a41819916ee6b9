// A simulated kiosk process running the real kiosk code (outbox, signed client, kiosk API) on a memory store
// that survives crashes. A crash is armed at one of four points; from then the process writes and sends nothing,
// and a restart loads a new outbox from the same store. Every entry ever stored is kept for the final checks.

import { createIdGenerator } from '../../domain/ids.ts';
import type { Balances } from '../../domain/assets.ts';
import { createKioskApi, type KioskApi } from '../../kiosk/src/api/kiosk-api.ts';
import { createSignedClient } from '../../kiosk/src/api/signed-client.ts';
import { createMemoryStore } from '../../kiosk/src/outbox/memory-store.ts';
import { createOutbox, type Outbox } from '../../kiosk/src/outbox/outbox.ts';
import type { OutboxEntry, OutboxStore, Transport } from '../../kiosk/src/outbox/types.ts';
import { simBaseUrl, type SimNetwork } from './sim-network.ts';
import type { SimRandom } from './sim-random.ts';
import type { SimKioskIdentity } from './sim-world.ts';

export const crashPoints = ['before_store', 'after_store', 'after_send', 'after_ack'] as const;
export type CrashPoint = (typeof crashPoints)[number];

type Incarnation = { isAlive: boolean; outbox: Outbox; api: KioskApi };

export type SimKiosk = Awaited<ReturnType<typeof startSimKiosk>>;

export async function startSimKiosk(identity: SimKioskIdentity, deps: { network: SimNetwork; serverClock: { nowMs: number }; skewMs: number; random: SimRandom }) {
  const store = createMemoryStore();
  /** Every entry a live process stored, at its last stored state (the outbox prunes old done entries). */
  const everStored = new Map<string, OutboxEntry>();
  const crashes: Record<CrashPoint, number> = { before_store: 0, after_store: 0, after_send: 0, after_ack: 0 };
  const lastSeen = new Map<string, Balances>();
  const nowMs = () => deps.serverClock.nowMs + deps.skewMs;
  let armed: CrashPoint | null = null;
  let restarts = 0;

  function die(incarnation: { isAlive: boolean }, point: CrashPoint): void {
    incarnation.isAlive = false;
    armed = null;
    crashes[point]++;
  }

  function storeOf(incarnation: { isAlive: boolean }): OutboxStore {
    return {
      load: () => store.load(),
      async save(change) {
        // A dead process writes nothing: its outbox may still be unwinding, but storage never sees it.
        if (!incarnation.isAlive) return;
        const isNewEntry = (change.put ?? []).some((entry) => !everStored.has(entry.id));
        const isSettled = (change.put ?? []).some((entry) => entry.state !== 'pending');
        if (armed === 'before_store' && isNewEntry) return die(incarnation, 'before_store');
        if (armed === 'after_ack' && isSettled) return die(incarnation, 'after_ack');
        await store.save(change);
        for (const entry of change.put ?? []) everStored.set(entry.id, structuredClone(entry));
        if (armed === 'after_store' && isNewEntry) die(incarnation, 'after_store');
      },
    };
  }

  async function boot(): Promise<Incarnation> {
    const life = { isAlive: true };
    const client = createSignedClient({ baseUrl: simBaseUrl, kioskId: identity.kioskId, privateKey: identity.privateKey, fetch: deps.network.fetchFor(identity.kioskId), nowMs, randomBytes: (count) => deps.random.bytes(count) });
    const api = createKioskApi(client, identity.stationId);
    const transport: Transport = async (path, body) => {
      if (!life.isAlive) throw new TypeError('kiosk process is gone');
      const answer = await api.transport(path, body);
      if (armed === 'after_send' && life.isAlive) {
        die(life, 'after_send');
        throw new TypeError('kiosk process is gone');
      }
      return answer;
    };
    const outbox = await createOutbox({ store: storeOf(life), transport, nextId: createIdGenerator(nowMs, (count) => deps.random.bytes(count)), nowMs, random01: () => deps.random.next01() });
    return Object.assign(life, { outbox, api });
  }

  let current = await boot();
  return {
    identity,
    nowMs,
    store,
    everStored,
    crashes,
    lastSeen,
    outbox: () => current.outbox,
    api: () => current.api,
    arm(point: CrashPoint): void { armed = point; },
    disarm(): void { armed = null; },
    isAlive: () => current.isAlive,
    restarts: () => restarts,
    /** Starts a new process from the same store when the current one crashed. */
    async restartIfCrashed(): Promise<void> {
      if (current.isAlive) return;
      restarts++;
      current = await boot();
    },
    /** A heartbeat through the network; its result tells the outbox whether the service is reachable. */
    async heartbeat(): Promise<void> {
      const outbox = current.outbox;
      try {
        await current.api.heartbeat({ printerPaper: 'ok', readerPresent: true, outboxLength: outbox.pendingCount(), appVersion: 'sim' });
        outbox.noteReachability(true);
      } catch {
        // An unreachable service is the offline case the heartbeat exists to notice.
        outbox.noteReachability(false);
      }
    },
  };
}
