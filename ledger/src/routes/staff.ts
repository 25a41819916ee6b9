// /api/v1/staff: log in and out, who am I, and staff management (list, create, change role) within scope.

import { Hono } from 'hono';
import type { StaffWithStations } from '../db/station/staff.ts';
import { listStaff } from '../db/station/staff.ts';
import { listRegions } from '../db/station/stations.ts';
import { passwordLengthMax, passwordLengthMin } from '../services/passwords.ts';
import { isRegionWithin, staffRoles } from '../services/scope.ts';
import { changeRole, createStaff } from '../services/staff-admin.ts';
import { logIn, logOut } from '../services/staff-auth.ts';
import { requireStaff } from './auth.ts';
import { fail, noStore, type AppEnv } from './http.ts';
import { arrayOf, idText, optional, readBody, text, oneOf } from './validate.ts';

const usernameText = text({ max: 64, pattern: /^[a-z0-9_.-]+$/ });
const assignmentShape = { role: oneOf(staffRoles), regionId: optional(idText), stationIds: optional(arrayOf(idText, 50)) };

export function staffRoutes(clientKeyOf: (request: Request, env: unknown) => string): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/sessions', async (c) => {
    const body = await readBody(c, { username: text({ max: 64 }), password: text({ max: passwordLengthMax }) });
    if (!body.ok) return fail(c, body.code, body.detail);
    const result = await logIn(c.get('ctx'), body.value.username, body.value.password, clientKeyOf(c.req.raw, c.env));
    if (!result.ok) return fail(c, result.code);
    noStore(c);
    return c.json({ token: result.value.token, staff: staffView(result.value.staff) }, 201);
  });

  app.delete('/sessions/current', requireStaff(), async (c) => {
    const principal = c.get('principal');
    if (principal.kind !== 'staff') return fail(c, 'unauthenticated');
    await logOut(c.get('ctx'), principal.staff.id, principal.tokenHash);
    return c.json({ ok: true });
  });

  app.get('/me', requireStaff(), (c) => {
    const principal = c.get('principal');
    if (principal.kind !== 'staff') return fail(c, 'unauthenticated');
    return c.json({ staff: staffView(principal.staff), stationIds: principal.stationIds });
  });

  app.get('/', requireStaff('staff:read'), async (c) => {
    const principal = c.get('principal');
    if (principal.kind !== 'staff') return fail(c, 'unauthenticated');
    const [all, regions] = await Promise.all([listStaff(c.get('ctx').database), listRegions(c.get('ctx').database)]);
    const visible = all.filter((member) => member.regionId !== null
      ? isRegionWithin(member.regionId, principal.staff.regionId, regions)
      : member.stationIds.length === 0 ? principal.staff.regionId === null : member.stationIds.every((stationId) => principal.stationIds.includes(stationId)));
    return c.json({ staff: visible.map(staffView) });
  });

  app.post('/', requireStaff('staff:manage'), async (c) => {
    const principal = c.get('principal');
    if (principal.kind !== 'staff') return fail(c, 'unauthenticated');
    const body = await readBody(c, { username: usernameText, displayName: optional(text({ max: 64 })), password: text({ min: passwordLengthMin, max: passwordLengthMax }), ...assignmentShape });
    if (!body.ok) return fail(c, body.code, body.detail);
    const result = await createStaff(c.get('ctx'), principal.staff, { ...body.value, displayName: body.value.displayName ?? '', regionId: body.value.regionId ?? null, stationIds: body.value.stationIds ?? [] });
    if (!result.ok) return fail(c, result.code);
    return c.json({ staff: staffView(result.value) }, 201);
  });

  app.put('/:staffId/role', requireStaff('staff:manage'), async (c) => {
    const principal = c.get('principal');
    if (principal.kind !== 'staff') return fail(c, 'unauthenticated');
    const body = await readBody(c, assignmentShape);
    if (!body.ok) return fail(c, body.code, body.detail);
    const result = await changeRole(c.get('ctx'), principal.staff, c.req.param('staffId'), { role: body.value.role, regionId: body.value.regionId ?? null, stationIds: body.value.stationIds ?? [] });
    if (!result.ok) return fail(c, result.code);
    return c.json({ staff: staffView(result.value) });
  });

  return app;
}

export function staffView(staff: StaffWithStations) {
  return { id: staff.id, username: staff.username, displayName: staff.displayName, role: staff.role, regionId: staff.regionId, stationIds: staff.stationIds };
}
