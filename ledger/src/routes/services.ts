// /api/v1/services: the services catalogue of a station (created and retired by staff in scope, listed by kiosks —
// active services only — and staff).

import { Hono } from 'hono';
import { assets } from '../../../domain/assets.ts';
import { findService, listServices } from '../db/station/catalogue.ts';
import { createService, retireService, serviceView } from '../services/catalogue.ts';
import { denyUnlessStation, requireKioskOrStaff, requireStaff } from './auth.ts';
import { fail, type AppEnv } from './http.ts';
import { idText, integer, oneOf, optional, readBody, readQuery, text } from './validate.ts';

const servicesListedMax = 500;
const priceMax = 1_000_000;

export function serviceRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/', requireStaff('catalogue:write'), async (c) => {
    const body = await readBody(c, { stationId: idText, name: text({ max: 100 }), asset: oneOf(assets), price: integer(1, priceMax), minAge: optional(integer(0, 150)) });
    if (!body.ok) return fail(c, body.code, body.detail);
    const denial = await denyUnlessStation(c, body.value.stationId);
    if (denial) return denial;
    const principal = c.get('principal');
    const row = await createService(c.get('ctx'), principal.kind === 'staff' ? principal.staff.id : principal.kiosk.id, body.value);
    return c.json({ service: serviceView(row) }, 201);
  });

  app.get('/', requireKioskOrStaff('people:read'), async (c) => {
    const query = readQuery(c, { stationId: idText });
    if (!query.ok) return fail(c, query.code, query.detail);
    const denial = await denyUnlessStation(c, query.value.stationId);
    if (denial) return denial;
    const rows = await listServices(c.get('ctx').database, [query.value.stationId], servicesListedMax);
    const listed = c.get('principal').kind === 'kiosk' ? rows.filter((row) => row.status === 'active') : rows;
    return c.json({ services: listed.map(serviceView) });
  });

  app.post('/:serviceId/retirement', requireStaff('catalogue:write'), async (c) => {
    const ctx = c.get('ctx');
    const service = await findService(ctx.database, c.req.param('serviceId'));
    if (!service) return fail(c, 'service_not_found');
    const denial = await denyUnlessStation(c, service.stationId);
    if (denial) return denial;
    const principal = c.get('principal');
    const retired = await retireService(ctx, principal.kind === 'staff' ? principal.staff.id : '', service);
    return c.json({ service: serviceView(retired) });
  });

  return app;
}
