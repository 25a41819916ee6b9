// /api/v1/reconciliation: items a close lists until resolved (offline shortfalls, late uploads, failed checks).
// Staff in scope list them; a station manager resolves one once with a note (audited).

import { Hono } from 'hono';
import { listItems } from '../db/operations/close-reconciliation.ts';
import { itemWithResolutionView, reconciliationItem, resolveItem } from '../operations/close/reconciliation.ts';
import { denyUnlessStation, requireStaff } from './auth.ts';
import { fail, type AppEnv } from './http.ts';
import { idText, oneOf, optional, readBody, readQuery, text } from './validate.ts';

const itemsListedMax = 500;

export function reconciliationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', requireStaff(), async (c) => {
    const query = readQuery(c, { stationId: idText, status: optional(oneOf(['open', 'resolved', 'all'] as const)) });
    if (!query.ok) return fail(c, query.code, query.detail);
    const denial = await denyUnlessStation(c, query.value.stationId);
    if (denial) return denial;
    const items = await listItems(c.get('ctx').database, [query.value.stationId], query.value.status ?? 'open', itemsListedMax);
    return c.json({ items: items.map(itemWithResolutionView) });
  });

  app.post('/:itemId/resolve', requireStaff('reconciliation:resolve'), async (c) => {
    const principal = c.get('principal');
    if (principal.kind !== 'staff') return fail(c, 'forbidden');
    const body = await readBody(c, { note: text({ min: 2, max: 500 }), resolutionTransactionId: optional(idText) });
    if (!body.ok) return fail(c, body.code, body.detail);
    const ctx = c.get('ctx');
    const item = await reconciliationItem(ctx, c.req.param('itemId'));
    if (!item) return fail(c, 'reconciliation_item_not_found');
    const denial = await denyUnlessStation(c, item.stationId);
    if (denial) return denial;
    const result = await resolveItem(ctx, { item, note: body.value.note, resolutionTransactionId: body.value.resolutionTransactionId ?? null, staffId: principal.staff.id });
    if (!result.ok) return fail(c, result.code);
    return c.json({ item: result.value });
  });

  return app;
}
