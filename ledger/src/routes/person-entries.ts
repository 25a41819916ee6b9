// GET /api/v1/people/{personId}/entries?limit=N: a person's most recent ledger entries for the kiosk's 查询 (signed
// kiosk of the person's station, or staff in scope). Amounts are signed from the person's side; no personal data.

import { Hono } from 'hono';
import { listPersonEntries } from '../db/operations/person-entries.ts';
import { findPersonById } from '../db/station/people.ts';
import { denyUnlessStation, requireKioskOrStaff } from './auth.ts';
import { fail, noStore, type AppEnv } from './http.ts';
import { optional, queryInteger, readQuery } from './validate.ts';

/** Most entries one request may ask for. */
export const personEntriesMax = 50;
const personEntriesDefault = 5;

export function personEntryRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/:personId/entries', requireKioskOrStaff('ledger:read'), async (c) => {
    const query = readQuery(c, { limit: optional(queryInteger(1, personEntriesMax)) });
    if (!query.ok) return fail(c, query.code, query.detail);
    const database = c.get('ctx').database;
    const person = await findPersonById(database, c.req.param('personId'));
    if (!person) return fail(c, 'person_not_found');
    const denial = await denyUnlessStation(c, person.stationId);
    if (denial) return denial;
    const entries = await listPersonEntries(database, person.id, query.value.limit ?? personEntriesDefault);
    noStore(c);
    return c.json({ entries: entries.map((entry) => ({ ledgerSeq: entry.ledgerSeq, kind: entry.kind, occurredAt: new Date(entry.occurredAtMs).toISOString(), time: entry.time, points: entry.points })) });
  });
  return app;
}
