// POST /api/v1/check-outs (signed kiosk): closes the open attendance and credits it through the ledger engine.

import { Hono } from 'hono';
import type { Ledger } from '../db/ledger/ledger.ts';
import { checkOutUnit } from '../operations/attendance/check-out.ts';
import { failKioskWrite, readKioskWrite, respondToOutcome, withWriteNonce } from '../operations/kiosk-write.ts';
import { attendanceShape } from './check-ins.ts';
import { requireKiosk } from './auth.ts';
import { noStore, type AppEnv } from './http.ts';

export function checkOutRoutes(ledger: Ledger): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/', requireKiosk({ nonce: 'defer' }), async (c) => {
    const write = await readKioskWrite(c, attendanceShape);
    if (!write.ok) return failKioskWrite(c, write);
    noStore(c);
    return respondToOutcome(c, await ledger.submit(withWriteNonce(write.value, checkOutUnit(write.value, { origin: new URL(c.req.url).origin }))));
  });
  return app;
}
