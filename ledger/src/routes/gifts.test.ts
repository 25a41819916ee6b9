// Proves POST /api/v1/gifts (rule 10): time moves between registered family members only, within the giver's
// balance and yearly cap (at and beyond the limit), idempotent by id, from a kiosk (with a receipt) or from staff.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeOperationsFixture, type OperationsFixture } from '../operations/redemption/operations-fixture.ts';

let f: OperationsFixture;
let giver: { id: string };
let child: { id: string };
beforeEach(async () => {
  f = await makeOperationsFixture();
  ({ giver, child } = await f.giftFamily({ time: 7_000, points: 0 }));
});
afterEach(() => f.close());

const json = async (response: Response) => (await response.json()) as Record<string, any>;
const gift = (minutes: number, toPersonId = child.id) => f.write('/api/v1/gifts', { fromPersonId: giver.id, toPersonId, minutes });

describe('POST /api/v1/gifts', () => {
  it('moves time to a family member with a receipt, and replays a retry', async () => {
    const { response, body } = await gift(90);
    expect(response.status).toBe(201);
    const answer = await json(response);
    expect(answer).toMatchObject({ giftId: body.id, minutes: 90, fromBalance: { time: 6_910 } });
    expect(answer.receipt).toMatchObject({ kind: 'gift', kioskSeq: body.kioskSeq });
    expect((await f.engine.getBalances(child.id)).time).toBe(90);
    const again = await f.kioskCall(f.kioskA, 'POST', '/api/v1/gifts', body);
    expect(again.status).toBe(200);
    expect((await f.engine.getBalances(child.id)).time).toBe(90);
  });

  it('refuses someone who is not registered family (not_family)', async () => {
    const stranger = await f.person(3);
    const { response } = await gift(10, stranger.id);
    expect(response.status).toBe(409);
    expect(await json(response)).toEqual({ code: 'not_family' });
  });

  it('allows exactly the yearly cap of 100 hours and refuses one minute more', async () => {
    expect((await gift(6_000)).response.status).toBe(201);
    const over = await gift(1);
    expect(over.response.status).toBe(409);
    expect((await json(over.response)).code).toBe('gift_yearly_cap_exceeded');
  });

  it('lets staff record a gift for the giver’s station and refuses another station’s manager', async () => {
    const body = { id: f.newId(), occurredAt: '2026-04-01T09:00:00+08:00', fromPersonId: giver.id, toPersonId: child.id, minutes: 30 };
    const created = await f.call('POST', '/api/v1/gifts', { token: f.tokens.clerkA, body });
    expect(created.status).toBe(201);
    expect(await json(created)).toMatchObject({ minutes: 30, toBalance: { time: 30 } });
    const other = await f.call('POST', '/api/v1/gifts', { token: f.tokens.managerB, body: { ...body, id: f.newId() } });
    expect(other.status).toBe(403);
  });
});
