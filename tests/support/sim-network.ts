// The simulated network between kiosks and the ledger app: a `fetch` per kiosk that hands requests to
// `app.request()` or, by a seeded roll, drops the request, drops the response (the write commits, the kiosk never
// hears), delivers it twice, or holds it back and delivers it late; partitions cut one kiosk off entirely.

import type { App } from '../../ledger/src/app.ts';
import type { SimRandom } from './sim-random.ts';

/** Probabilities per request while faults are on. */
export type NetworkFaults = { dropRequest: number; dropResponse: number; duplicate: number; delay: number };

export type FaultCounts = {
  requestsDropped: number; responsesDropped: number; duplicated: number; delayed: number; partitioned: number;
  lateDelivered: number; lateAnswered: Record<string, number>;
  /** Statuses of every delivered request (late ones included), whether or not the kiosk heard them. */
  answered: Record<string, number>;
};

type Held = { deliverAtMs: number; order: number; path: string; init: RequestInit };

export const simBaseUrl = 'http://sim.invalid';
/** The latest a held request is delivered after it was sent: past the ±5 min signing window, so some arrive stale. */
export const delayMsMax = 6 * 60_000;

export function createSimNetwork(app: App, clock: { nowMs: number }, rootRandom: SimRandom) {
  let faults: NetworkFaults | null = null;
  const partitioned = new Set<string>();
  const held: Held[] = [];
  let heldOrder = 0;
  const streams = new Map<string, SimRandom>();
  const counts: FaultCounts = { requestsDropped: 0, responsesDropped: 0, duplicated: 0, delayed: 0, partitioned: 0, lateDelivered: 0, lateAnswered: {}, answered: {} };
  const unreachable = () => new TypeError('fetch failed (simulated network)');

  /** What the Node server adds to every answer: a Date header, which the kiosk's signed client resyncs from on 401. */
  async function deliver(path: string, init: RequestInit): Promise<Response> {
    const answer = await app.request(path, { method: init.method ?? 'GET', headers: init.headers ?? {}, ...(init.body !== undefined && { body: init.body }) });
    counts.answered[answer.status] = (counts.answered[answer.status] ?? 0) + 1;
    const headers = new Headers(answer.headers);
    headers.set('Date', new Date(clock.nowMs).toUTCString());
    return new Response(await answer.text(), { status: answer.status, headers });
  }

  function hold(path: string, init: RequestInit, rolls: SimRandom): void {
    held.push({ deliverAtMs: clock.nowMs + rolls.int(1_000, delayMsMax), order: heldOrder++, path, init });
  }

  /** Each kiosk rolls from its own stream, so kiosks acting at once draw the same faults on every run. */
  function fetchFor(kioskId: string): typeof fetch {
    const random = streams.get(kioskId) ?? rootRandom.fork(kioskId);
    streams.set(kioskId, random);
    return async (input, init = {}) => {
      const path = new URL(String(input)).pathname + new URL(String(input)).search;
      const copy: RequestInit = { method: init.method ?? 'GET', headers: { ...(init.headers as Record<string, string>) }, ...(init.body !== undefined && { body: init.body }) };
      if (partitioned.has(kioskId)) { counts.partitioned++; throw unreachable(); }
      if (faults === null) return deliver(path, copy);
      const roll = random.next01();
      if (roll < faults.dropRequest) { counts.requestsDropped++; throw unreachable(); }
      if (roll < faults.dropRequest + faults.delay) { counts.delayed++; hold(path, copy, random); throw unreachable(); }
      const first = await deliver(path, copy);
      let seen = first;
      if (random.chance(faults.duplicate)) {
        counts.duplicated++;
        // The same bytes again (same nonce): now, with the kiosk hearing either copy, or late after later writes.
        if (random.chance(0.5)) hold(path, copy, random);
        else {
          const second = await deliver(path, copy);
          if (random.chance(0.5)) seen = second;
        }
      }
      if (random.chance(faults.dropResponse)) { counts.responsesDropped++; throw unreachable(); }
      return seen;
    };
  }

  /** Delivers held requests that are due (all of them with `everything`), oldest first; their answers reach no one. */
  async function deliverHeld(everything = false): Promise<void> {
    held.sort((a, b) => a.deliverAtMs - b.deliverAtMs || a.order - b.order);
    while (held.length > 0 && (everything || held[0]!.deliverAtMs <= clock.nowMs)) {
      const next = held.shift()!;
      const answer = await deliver(next.path, next.init);
      counts.lateDelivered++;
      counts.lateAnswered[answer.status] = (counts.lateAnswered[answer.status] ?? 0) + 1;
    }
  }

  return {
    fetchFor,
    deliverHeld,
    counts,
    setFaults(next: NetworkFaults | null): void { faults = next; },
    setPartitioned(kioskId: string, isCut: boolean): void { if (isCut) partitioned.add(kioskId); else partitioned.delete(kioskId); },
    isPartitioned: (kioskId: string) => partitioned.has(kioskId),
    heldCount: () => held.length,
  };
}

export type SimNetwork = ReturnType<typeof createSimNetwork>;
