// /api/v1/kiosks: create (with a one-time enrolment code), enrol a public key, list with device status,
// revoke, and the signed heartbeat.

import { Hono } from 'hono';
import { listKiosks, type KioskRow } from '../db/station/kiosks.ts';
import { createKiosk, enrollWithCode, heartbeat, kioskById, revoke } from '../services/kiosks.ts';
import { denyUnlessStation, requireKiosk, requireStaff } from './auth.ts';
import { fail, noStore, type AppEnv } from './http.ts';
import { boolean, idText, integer, oneOf, optional, readBody, readQuery, text } from './validate.ts';

/** The last kioskSeq the service has seen from a kiosk (the ledger engine's, once wired). */
export type LastKioskSeqOf = (kioskId: string) => Promise<number>;

export function kioskRoutes(lastKioskSeqOf: LastKioskSeqOf): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/', requireStaff('kiosks:manage'), async (c) => {
    const body = await readBody(c, { stationId: idText, name: text({ max: 60 }) });
    if (!body.ok) return fail(c, body.code, body.detail);
    const denial = await denyUnlessStation(c, body.value.stationId);
    if (denial) return denial;
    const principal = c.get('principal');
    const created = await createKiosk(c.get('ctx'), principal.kind === 'staff' ? principal.staff.id : '', body.value.stationId, body.value.name);
    noStore(c);
    return c.json({ kioskId: created.kioskId, enrollmentCode: created.enrollmentCode, expiresAt: new Date(created.expiresAtMs).toISOString() }, 201);
  });

  app.get('/', requireStaff('kiosks:read'), async (c) => {
    // `?stationId=` narrows the list to one station the caller may see; without it, every station they may see.
    const query = readQuery(c, { stationId: optional(idText) });
    if (!query.ok) return fail(c, query.code, query.detail);
    const { stationId } = query.value;
    if (stationId !== undefined) {
      const denial = await denyUnlessStation(c, stationId);
      if (denial) return denial;
    }
    const rows = await listKiosks(c.get('ctx').database, stationId === undefined ? c.get('principal').stationIds : [stationId]);
    return c.json({ kiosks: await Promise.all(rows.map(async (row) => ({ ...kioskView(row), lastKioskSeq: await lastKioskSeqOf(row.id) }))) });
  });

  app.post('/enroll', async (c) => {
    const body = await readBody(c, { enrollmentCode: text({ max: 64 }), publicKeyJwk: (value) => ({ ok: true, value }) });
    if (!body.ok) return fail(c, body.code, body.detail);
    const result = await enrollWithCode(c.get('ctx'), body.value.enrollmentCode, body.value.publicKeyJwk);
    if (!result.ok) return fail(c, result.code);
    return c.json({ kioskId: result.value.id, stationId: result.value.stationId }, 201);
  });

  app.post('/heartbeat', requireKiosk(), async (c) => {
    const body = await readBody(c, {
      printerPaper: oneOf(['ok', 'low', 'out', 'unknown'] as const), readerPresent: boolean,
      outboxLength: integer(0, 1_000_000), appVersion: text({ max: 40 }),
    });
    if (!body.ok) return fail(c, body.code, body.detail);
    const principal = c.get('principal');
    if (principal.kind !== 'kiosk') return fail(c, 'forbidden');
    const ctx = c.get('ctx');
    await heartbeat(ctx, principal.kiosk.id, body.value);
    return c.json({ serverTimeMs: ctx.nowMs(), lastKioskSeq: await lastKioskSeqOf(principal.kiosk.id) });
  });

  app.post('/:kioskId/revocation', requireStaff('kiosks:manage'), async (c) => {
    const kiosk = await kioskById(c.get('ctx'), c.req.param('kioskId'));
    if (!kiosk) return fail(c, 'kiosk_not_found');
    const denial = await denyUnlessStation(c, kiosk.stationId);
    if (denial) return denial;
    const principal = c.get('principal');
    await revoke(c.get('ctx'), principal.kind === 'staff' ? principal.staff.id : '', kiosk);
    return c.json({ kiosk: kioskView({ ...kiosk, revokedAtMs: kiosk.revokedAtMs ?? c.get('ctx').nowMs() }) });
  });

  return app;
}

function kioskView(row: KioskRow) {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    id: row.id, stationId: row.stationId, name: row.name, enrolledAt: iso(row.enrolledAtMs), revokedAt: iso(row.revokedAtMs),
    enrollmentExpiresAt: iso(row.enrollmentExpiresAtMs), lastHeartbeatAt: iso(row.lastHeartbeatAtMs),
    deviceStatus: row.deviceStatus === null ? null : (JSON.parse(row.deviceStatus) as unknown),
  };
}
