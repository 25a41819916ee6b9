// Proves the pure half of a person's expiry unit: the amount is the balance above this year's earnings, moved from the
// person's main points to system:expiry; nothing due is a stored refusal; the derived id is a valid, stable id per
// (year, person) that differs between years and people.

import { describe, expect, it } from 'vitest';
import { idTimeMs, isId } from '../../../../domain/ids.ts';
import { isRejection } from '../../core/transaction.ts';
import { yearStartMs } from './expiry-rules.ts';
import { nothingToExpireCode, planPointsExpiry, pointsExpiryTransactionId, pointsExpiryUnit } from './expiry-unit.ts';

const request = { year: 2026, personId: 'P1', stationId: 'S1', nowMs: Date.parse('2027-01-01T00:05:00+08:00') };

describe('points expiry unit', () => {
  it('moves the balance above this year’s earnings to system:expiry', () => {
    const plan = planPointsExpiry(request, 25, 55);
    expect(isRejection(plan)).toBe(false);
    expect(plan).toMatchObject({ kind: 'points_expiry', mode: 'authorize', stationId: 'S1', transfers: [{ from: { ownerId: 'P1', purpose: 'main' }, to: { ownerKind: 'system', purpose: 'expiry' }, asset: 'points', amount: 30 }] });
  });

  it('refuses with points_expiry_nothing_due when the balance is all this year’s', () => {
    expect(planPointsExpiry(request, 55, 55)).toMatchObject({ reject: nothingToExpireCode });
    expect(planPointsExpiry(request, 0, 0)).toMatchObject({ reject: nothingToExpireCode });
  });

  it('derives a valid id per (year, person), stable across calls, dated at the end of the closing year', async () => {
    const id = await pointsExpiryTransactionId(2026, 'P1');
    expect(isId(id)).toBe(true);
    expect(idTimeMs(id)).toBe(yearStartMs(2027));
    expect(await pointsExpiryTransactionId(2026, 'P1')).toBe(id);
    expect(await pointsExpiryTransactionId(2025, 'P1')).not.toBe(id);
    expect(await pointsExpiryTransactionId(2026, 'P2')).not.toBe(id);
  });

  it('hashes the request without the time, so a later run of the same (year, person) replays', () => {
    const early = pointsExpiryUnit('X', request), late = pointsExpiryUnit('X', { ...request, nowMs: request.nowMs + 86_400_000 });
    expect(Buffer.from(late.requestHash).equals(Buffer.from(early.requestHash))).toBe(true);
    expect(early.conflictKeys).toEqual(['person:P1']);
  });
});
