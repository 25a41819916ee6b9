// POST /api/v1/check-ins (signed kiosk): opens an attendance through the ledger engine; idempotent by `id`.

import { Hono } from 'hono';
import type { Ledger } from '../db/ledger/ledger.ts';
import { checkInUnit } from '../operations/attendance/check-in.ts';
import { failKioskWrite, readKioskWrite, respondToOutcome, withWriteNonce } from '../operations/kiosk-write.ts';
import { requireKiosk } from './auth.ts';
import { noStore, type AppEnv } from './http.ts';
import { idText } from './validate.ts';

export const attendanceShape = { personId: idText, activityId: idText };

export function checkInRoutes(ledger: Ledger): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/', requireKiosk({ nonce: 'defer' }), async (c) => {
    const write = await readKioskWrite(c, attendanceShape);
    if (!write.ok) return failKioskWrite(c, write);
    noStore(c);
    return respondToOutcome(c, await ledger.submit(withWriteNonce(write.value, checkInUnit(write.value, { origin: new URL(c.req.url).origin }))));
  });
  return app;
}
