// Proves signed check-ins and check-outs stay single-use with the nonce stored in the ledger write's own batch: a
// replay answers 401 kiosk_nonce_reused with nothing written, after a commit, while the first is in flight, for an
// invalid body, and after a restart; and that a cached kiosk's revocation takes effect on its very next request.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createApp } from '../../app.ts';
import { openDatabase } from '../../db/client.ts';
import { kioskCacheTtlMsOf } from '../../db/station/kiosks.ts';
import { rowCounts } from '../../../../tests/support/row-counts.ts';
import { makeAttendanceFixture, type AttendanceFixture } from './attendance-fixture.ts';

let fixture: AttendanceFixture;
let personId: string;
let activityId: string;
beforeEach(async () => {
  fixture = await makeAttendanceFixture();
  personId = (await fixture.person(1)).id;
  activityId = await fixture.activity();
});
afterEach(() => fixture.close());

type Signed = { path: string; headers: Record<string, string>; body: string };
let kioskSeq = 0;
async function signed(path: string, fields: Record<string, unknown>): Promise<Signed> {
  const body = JSON.stringify({ id: fixture.newId(), kioskSeq: ++kioskSeq, occurredAt: new Date(fixture.clock.nowMs).toISOString(), ...fields });
  return { path, body, headers: await fixture.kioskA.sign({ method: 'POST', pathWithQuery: path, body, timestampMs: fixture.clock.nowMs }) };
}
const send = (request: Signed, app = fixture.app) => app.request(request.path, { method: 'POST', headers: { ...request.headers, 'Content-Type': 'application/json' }, body: request.body });

async function expectRefusedReplay(response: Response, before: Record<string, number>, database = fixture.database) {
  expect(response.status).toBe(401);
  expect(await response.json()).toEqual({ code: 'kiosk_nonce_reused' });
  expect(await rowCounts(database)).toEqual(before);
}

describe('signed ledger writes with the nonce in the write batch', () => {
  it('refuses a replayed check-in and check-out after they committed (kiosk_nonce_reused), writing nothing', async () => {
    const checkIn = await signed('/api/v1/check-ins', { personId, activityId });
    expect((await send(checkIn)).status).toBe(201);
    await expectRefusedReplay(await send(checkIn), await rowCounts(fixture.database));
    fixture.at('2026-04-01T10:00:00+08:00');
    const checkOut = await signed('/api/v1/check-outs', { personId, activityId });
    expect((await send(checkOut)).status).toBe(201);
    await expectRefusedReplay(await send(checkOut), await rowCounts(fixture.database));
  });

  it('accepts one of two identical signed check-ins sent together and refuses the other while the first is in flight', async () => {
    const checkIn = await signed('/api/v1/check-ins', { personId, activityId });
    const responses = await Promise.all([send(checkIn), send(checkIn)]);
    expect(responses.map((response) => response.status).sort()).toEqual([201, 401]);
    expect((await fixture.database.client.execute("SELECT count(*) AS n FROM transactions WHERE kind = 'check_in'")).rows[0]!.n).toBe(1);
  });

  it('spends the nonce of a write refused for invalid input, so its replay answers 401', async () => {
    const invalid = await signed('/api/v1/check-outs', { personId, activityId: 42 });
    expect((await send(invalid)).status).toBe(422);
    await expectRefusedReplay(await send(invalid), await rowCounts(fixture.database));
  });

  it('refuses a replayed check-in after a restart on the same database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linli-nonce-'));
    try {
      // The fixture lives in memory: the restart runs on a file copy of it (VACUUM INTO), opened twice.
      await fixture.database.client.execute({ sql: 'VACUUM INTO ?', args: [join(dir, 'copy.db')] });
      const copyUrl = `file:${join(dir, 'copy.db')}`;
      const first = await openDatabase({ url: copyUrl });
      const app = createApp({ database: first, keys: fixture.keys, nowMs: () => fixture.clock.nowMs });
      const checkIn = await signed('/api/v1/check-ins', { personId, activityId });
      expect((await send(checkIn, app)).status).toBe(201);
      first.close();
      const after = await openDatabase({ url: copyUrl });
      try {
        const restarted = createApp({ database: after, keys: fixture.keys, nowMs: () => fixture.clock.nowMs });
        await expectRefusedReplay(await send(checkIn, restarted), await rowCounts(after), after);
      } finally {
        after.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('kiosk cache', () => {
  it('is on for an embedded database and refuses a kiosk on the request right after its revocation (kiosk_revoked)', async () => {
    expect(kioskCacheTtlMsOf(fixture.database)).toBe(Number.POSITIVE_INFINITY);
    expect((await send(await signed('/api/v1/check-ins', { personId, activityId }))).status).toBe(201);
    const revoked = await fixture.call('POST', `/api/v1/kiosks/${fixture.kioskA.kioskId}/revocation`, { token: fixture.tokens.managerA });
    expect(revoked.status).toBe(200);
    const before = await rowCounts(fixture.database);
    const response = await send(await signed('/api/v1/check-outs', { personId, activityId }));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: 'kiosk_revoked' });
    expect(await rowCounts(fixture.database)).toEqual(before);
  });
});
