// GET /api/v1/receipts/{kioskId}/{kioskSeq} (public): verifies a printed receipt against the ledger, without
// personal data: `{valid:true, kind, occurredAt, amounts, hashPrefix}` or 404 `receipt_not_found`.

import { Hono } from 'hono';
import { verifyReceipt } from '../operations/receipts.ts';
import { fail, type AppEnv } from './http.ts';

export function receiptRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/:kioskId/:kioskSeq', async (c) => {
    const kioskId = c.req.param('kioskId');
    const seqText = c.req.param('kioskSeq');
    if (!/^[0-9A-Za-z_-]{1,64}$/.test(kioskId) || !/^[1-9]\d{0,14}$/.test(seqText)) return fail(c, 'receipt_not_found');
    const verification = await verifyReceipt(c.get('ctx').database, kioskId, Number(seqText));
    if (!verification) return fail(c, 'receipt_not_found');
    return c.json(verification);
  });
  return app;
}
