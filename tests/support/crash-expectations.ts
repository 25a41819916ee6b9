// Checks of the crash test that speak HTTP or read the kiosks' outboxes: a re-sent write answers its stored outcome
// (201 becomes 200, never a second 201), and each person's chain of answers adds up.

import { expect } from 'vitest';
import type { CrashKiosk, OutboxEntry } from './crash-kiosk.ts';

const resendsInFlightMax = 4;

/** Re-sends every answered write not in `resent` yet and expects the first answer again (a 201 as 200). */
export async function resendAndCompare(baseUrl: string, kiosks: CrashKiosk[], resent: Set<string>, context: string): Promise<void> {
  const due = kiosks.flatMap((kiosk) => kiosk.entries.filter((entry) => entry.answer !== undefined && !resent.has(entry.id)).map((entry) => ({ kiosk, entry })));
  for (let start = 0; start < due.length; start += resendsInFlightMax) {
    await Promise.all(due.slice(start, start + resendsInFlightMax).map(async ({ kiosk, entry }) => {
      const first = entry.answer!;
      const delivery = await kiosk.send(baseUrl, entry);
      expect(delivery.kind, `${context}: re-send of ${entry.path} seq ${entry.kioskSeq} is answered`).toBe('answer');
      if (delivery.kind !== 'answer') return;
      expect(delivery.answer, `${context}: re-send of ${entry.path} seq ${entry.kioskSeq} (first ${first.status})`).toEqual({ status: first.status === 201 ? 200 : first.status, body: first.body });
      resent.add(entry.id);
    }));
  }
}

/**
 * Per person (registration → … → last haircut): steps 0–5 answer 2xx, the check-out credits at least an hour, the
 * balances after step 5 are the credits less 60 minutes and 10 points, and step 6 is refused as insufficient_balance.
 * A write applied twice or lost would break one of these.
 */
export function checkPersonChains(kiosks: CrashKiosk[], context: string): void {
  for (const kiosk of kiosks) {
    const chains = new Map<string, OutboxEntry[]>();
    for (const entry of kiosk.entries) {
      if (entry.answer === undefined) continue;
      const personId = entry.step === 0 ? String(entry.answer.body.person?.id) : String(entry.body.personId);
      chains.set(personId, [...(chains.get(personId) ?? []), entry]);
    }
    for (const [personId, chain] of chains) {
      const label = `${context}: person ${personId}`;
      expect(chain.map((entry) => entry.step), `${label}: one write per step, in order`).toEqual(chain.map((_, index) => index));
      for (const entry of chain) {
        if (entry.step < 6) expect([200, 201], `${label}: step ${entry.step} ${JSON.stringify(entry.answer)}`).toContain(entry.answer!.status);
        else expect(entry.answer, `${label}: step 6 is refused`).toMatchObject({ status: 409, body: { code: 'insufficient_balance' } });
      }
      const checkOut = chain[2]?.answer?.body;
      const afterLastHaircut = chain[5]?.answer?.body;
      if (checkOut !== undefined) expect(checkOut.credited.time, `${label}: an hour is credited`).toBeGreaterThanOrEqual(60);
      if (checkOut !== undefined && afterLastHaircut !== undefined) {
        expect(afterLastHaircut.balances, `${label}: balances after three redemptions`).toEqual({ time: checkOut.balances.time - 60, points: checkOut.balances.points - 10 });
      }
    }
  }
}
