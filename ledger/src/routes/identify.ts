// POST /api/v1/identify: find a person by ID card, member QR or phone (with the optional birthYear check question;
// phone misses are throttled per caller). Answers the pseudonymous summary, balances and open attendances; unknown
// people are 404 (no auto-registration).

import { Hono } from 'hono';
import { readPersonBalances } from '../db/station/person-balances.ts';
import { isPhoneIdentifyThrottled, recordPhoneMiss } from '../services/identify-throttle.ts';
import { identifyPerson, personSummary } from '../services/people.ts';
import { requireKioskOrStaff } from './auth.ts';
import { fail, noStore, type AppEnv, type Principal } from './http.ts';
import { integer, object, optional, readBody, text } from './validate.ts';

/** Open attendances of a person; the check-in phase supplies the real reader through createApp's deps. */
export type OpenAttendancesOf = (personId: string) => Promise<{ attendanceId: string; activityId: string; checkedInAt: string }[]>;

export function identifyRoutes(openAttendancesOf: OpenAttendancesOf): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/', requireKioskOrStaff('people:read'), async (c) => {
    const body = await readBody(c, {
      card: optional(object({ idNumber: text({ max: 40 }) })), qr: optional(text({ max: 200 })), phone: optional(text({ max: 20 })), birthYear: optional(integer(1900, 2100)),
    });
    if (!body.ok) return fail(c, body.code, body.detail);
    if (!body.value.card && body.value.qr === undefined && body.value.phone === undefined) return fail(c, 'invalid_input', 'one of card, qr, phone is required');
    const ctx = c.get('ctx');
    const byPhone = !body.value.card && body.value.qr === undefined;
    const callerKey = callerKeyOf(c.get('principal'));
    if (byPhone && (await isPhoneIdentifyThrottled(ctx, callerKey))) {
      const principal = c.get('principal');
      await ctx.audit.append({ actorType: principal.kind, actorId: principal.kind === 'kiosk' ? principal.kiosk.id : principal.staff.id, event: 'identify_throttled', outcome: 'denied' });
      return fail(c, 'too_many_attempts');
    }
    const result = await identifyPerson(ctx, body.value);
    if (!result.ok && byPhone && result.code === 'person_not_found') await recordPhoneMiss(ctx, callerKey);
    if (!result.ok) return fail(c, result.code, result.detail);
    const [balances, openAttendances] = await Promise.all([readPersonBalances(ctx.database, result.value.id), openAttendancesOf(result.value.id)]);
    noStore(c);
    return c.json({ person: personSummary(result.value, ctx.nowMs()), balances, openAttendances });
  });
  return app;
}

function callerKeyOf(principal: Principal): string {
  return principal.kind === 'kiosk' ? `kiosk:${principal.kiosk.id}` : `staff:${principal.staff.id}`;
}
