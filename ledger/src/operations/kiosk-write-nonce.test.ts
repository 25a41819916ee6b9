// Proves every signed kiosk ledger write (redemption, gift, booking, registration) stores its nonce in the write's own
// engine batch: the write leaves exactly one nonce row, and a replay of the same signed request answers
// 401 kiosk_nonce_reused with nothing written, after a success, after a stored rejection and after invalid card data.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../domain/id-number.ts';
import { rowCounts } from '../../../tests/support/row-counts.ts';
import { makeOperationsFixture, type OperationsFixture } from './redemption/operations-fixture.ts';

let f: OperationsFixture;
let giver: { id: string };
let child: { id: string };
let kioskSeq = 200;
beforeEach(async () => {
  f = await makeOperationsFixture();
  ({ giver, child } = await f.giftFamily());
});
afterEach(() => f.close());

type Signed = { path: string; headers: Record<string, string>; body: string };
async function signed(path: string, fields: Record<string, unknown>): Promise<Signed> {
  const body = JSON.stringify({ id: f.newId(), kioskSeq: ++kioskSeq, occurredAt: new Date(f.clock.nowMs).toISOString(), ...fields });
  return { path, body, headers: await f.kioskA.sign({ method: 'POST', pathWithQuery: path, body, timestampMs: f.clock.nowMs }) };
}
const send = (request: Signed) => f.app.request(request.path, { method: 'POST', headers: { ...request.headers, 'Content-Type': 'application/json' }, body: request.body });
const nonceRows = async () => Number((await f.database.client.execute('SELECT count(*) AS n FROM kiosk_nonces')).rows[0]!.n);

/** Sends the request, expects `status`, then proves its replay is refused with nothing written. */
async function expectSingleUse(request: Signed, status: number) {
  const noncesBefore = await nonceRows();
  expect((await send(request)).status).toBe(status);
  expect(await nonceRows()).toBe(noncesBefore + 1);
  const before = await rowCounts(f.database);
  const replay = await send(request);
  expect(replay.status).toBe(401);
  expect(await replay.json()).toEqual({ code: 'kiosk_nonce_reused' });
  expect(await rowCounts(f.database)).toEqual(before);
}

describe('one nonce path for signed kiosk writes', () => {
  it('refuses a replayed redemption (kiosk_nonce_reused), writing nothing', async () => {
    const serviceId = await f.service({ asset: 'time', price: 30 });
    await expectSingleUse(await signed('/api/v1/redemptions', { personId: giver.id, serviceId }), 201);
  });

  it('refuses a replayed redemption that was rejected by a rule (insufficient_balance)', async () => {
    const serviceId = await f.service({ asset: 'time', price: 500 });
    await expectSingleUse(await signed('/api/v1/redemptions', { personId: giver.id, serviceId }), 409);
  });

  it('refuses a replayed gift', async () => {
    await expectSingleUse(await signed('/api/v1/gifts', { fromPersonId: giver.id, toPersonId: child.id, minutes: 30 }), 201);
  });

  it('refuses a replayed booking', async () => {
    const serviceId = await f.service({ asset: 'time', price: 60 });
    await expectSingleUse(await signed('/api/v1/bookings', { personId: giver.id, serviceId }), 201);
  });

  it('refuses a replayed registration', async () => {
    const card = { idNumber: makeIdNumber('11010119800101123'), name: '张小三' };
    await expectSingleUse(await signed('/api/v1/people', { card, phone: '13812345678', consentVersion: 'v1' }), 201);
  });

  it('spends the nonce of a registration with invalid card data (422), so its replay answers 401', async () => {
    await expectSingleUse(await signed('/api/v1/people', { card: { idNumber: '110101198001011230', name: '张小三' }, consentVersion: 'v1' }), 422);
  });
});
