// /api/v1/people: kiosk self-registration (idempotent by `id`, consent required), staff registration, masked
// lists and views, the audited reveal, member QR codes and family links.

import { Hono, type Context } from 'hono';
import { familyRelations } from '../../../domain/person.ts';
import { findPersonById, listFamilyLinks, listPeople, type PersonRow } from '../db/station/people.ts';
import type { Ledger } from '../db/ledger/ledger.ts';
import { failKioskWrite, readKioskWrite, respondToOutcome, spendWriteNonce, withWriteNonce } from '../operations/kiosk-write.ts';
import { signMemberQr } from '../services/member-qr.ts';
import { auditRegistration, linkFamily, personSummary, prepareRegistration, registerPerson, revealPerson, staffPersonView } from '../services/people.ts';
import { searchPeople } from '../services/people-search.ts';
import { registrationUnit } from '../services/registration-unit.ts';
import { denyUnlessStation, requireKioskOrStaff, requireStaff } from './auth.ts';
import { fail, noStore, type AppEnv } from './http.ts';
import { calendarDate, idText, object, oneOf, optional, queryInteger, readBody, readQuery, text } from './validate.ts';

const peopleListedMax = 200;
const cardShape = object({
  idNumber: text({ max: 40 }), name: text({ max: 60 }), sex: optional(text({ max: 10 })), nation: optional(text({ max: 20 })), birthDate: optional(calendarDate),
  address: optional(text({ max: 200 })), authority: optional(text({ max: 100 })), validFrom: optional(text({ max: 20 })), validTo: optional(text({ max: 20 })),
});
const registrationShape = { card: cardShape, phone: optional(text({ max: 20 })), consentVersion: text({ max: 20 }), workUnit: optional(text({ max: 100 })) };

export function peopleRoutes(engine: Ledger): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/', requireKioskOrStaff('people:write', { nonce: 'defer' }), async (c) => {
    const principal = c.get('principal');
    if (principal.kind === 'kiosk') return registerFromKiosk(c, engine);
    const body = await readBody(c, { ...registrationShape, stationId: idText });
    if (!body.ok) return fail(c, body.code, body.detail);
    const denial = await denyUnlessStation(c, body.value.stationId);
    if (denial) return denial;
    const result = await registerPerson(c.get('ctx'), { ...body.value, registeredBy: principal.staff.id }, { selfRegistration: false });
    if (!result.ok) return fail(c, result.code, result.detail);
    return c.json(await registrationResponse(c, result.value), 201);
  });

  app.get('/', requireStaff('people:read'), async (c) => {
    const query = readQuery(c, { stationId: idText, afterId: optional(idText), limit: optional(queryInteger(1, peopleListedMax)) });
    if (!query.ok) return fail(c, query.code, query.detail);
    const denial = await denyUnlessStation(c, query.value.stationId);
    if (denial) return denial;
    const rows = await listPeople(c.get('ctx').database, [query.value.stationId], query.value.afterId ?? '', query.value.limit ?? 50);
    noStore(c);
    return c.json({ people: await Promise.all(rows.map((row) => staffPersonView(c.get('ctx'), row))), nextAfterId: rows.at(-1)?.id ?? null });
  });

  // A POST so the query (it may be an ID or phone number) travels in the body, not in a URL.
  app.post('/search', requireStaff('people:read'), async (c) => {
    const body = await readBody(c, { stationId: idText, query: text({ max: 40 }) });
    if (!body.ok) return fail(c, body.code, body.detail);
    const denial = await denyUnlessStation(c, body.value.stationId);
    if (denial) return denial;
    const found = await searchPeople(c.get('ctx'), [body.value.stationId], body.value.query);
    noStore(c);
    return c.json({ kind: found.kind, people: await Promise.all(found.people.map((row) => staffPersonView(c.get('ctx'), row))) });
  });

  app.get('/:personId', requireStaff('people:read'), async (c) => {
    const person = await personInScope(c);
    if (person instanceof Response) return person;
    const links = await listFamilyLinks(c.get('ctx').database, person.id);
    noStore(c);
    return c.json({ person: await staffPersonView(c.get('ctx'), person), familyLinks: links.map((link) => ({ relativeId: link.relativeId, relation: link.relation })) });
  });

  // The kiosk of the person's station may print it again (a kiosk elsewhere gets the audited 403).
  app.get('/:personId/member-qr', requireKioskOrStaff('people:read'), async (c) => {
    const person = await personInScope(c);
    if (person instanceof Response) return person;
    noStore(c);
    return c.json({ memberQr: await signMemberQr(c.get('ctx').keys, person.volunteerNo) });
  });

  app.post('/:personId/reveal', requireStaff('people:reveal'), async (c) => {
    const body = await readBody(c, { reason: text({ min: 4, max: 200 }) });
    if (!body.ok) return fail(c, body.code, body.detail);
    const person = await personInScope(c);
    if (person instanceof Response) return person;
    const principal = c.get('principal');
    const revealed = await revealPerson(c.get('ctx'), principal.kind === 'staff' ? principal.staff.id : '', person, body.value.reason);
    noStore(c);
    return c.json({ personId: person.id, ...revealed });
  });

  app.post('/:personId/family-links', requireStaff('people:write'), async (c) => {
    const body = await readBody(c, { relativeId: idText, relation: oneOf(familyRelations) });
    if (!body.ok) return fail(c, body.code, body.detail);
    const person = await personInScope(c);
    if (person instanceof Response) return person;
    const principal = c.get('principal');
    const result = await linkFamily(c.get('ctx'), principal.kind === 'staff' ? principal.staff.id : '', person.id, body.value.relativeId, body.value.relation);
    if (!result.ok) return fail(c, result.code);
    return c.json({ familyLink: result.value }, 201);
  });

  return app;
}

/** Kiosk registration (design §5): a value-free ledger unit, idempotent by `id`; its outcome, rejections included, is final. */
async function registerFromKiosk(c: Context<AppEnv>, engine: Ledger): Promise<Response> {
  const write = await readKioskWrite(c, registrationShape);
  if (!write.ok) return failKioskWrite(c, write);
  const ctx = c.get('ctx');
  const { kiosk, fields } = write.value;
  const input = { card: fields.card, consentVersion: fields.consentVersion, stationId: kiosk.stationId, registeredBy: kiosk.id,
    ...(fields.phone !== undefined && { phone: fields.phone }), ...(fields.workUnit !== undefined && { workUnit: fields.workUnit }) };
  const prepared = await prepareRegistration(ctx, input, { selfRegistration: true });
  // Malformed card data is invalid input (422, nothing stored); an under-age resident is a stored rule outcome.
  if (!prepared.ok && prepared.code !== 'self_registration_too_young') {
    if (!(await spendWriteNonce(c, write.value))) return fail(c, 'kiosk_nonce_reused');
    return fail(c, prepared.code, prepared.detail);
  }
  const outcome = await engine.submit(withWriteNonce(write.value, registrationUnit(write.value, prepared.ok ? prepared.value : 'self_registration_too_young', ctx.keys, ctx.nowMs())));
  if (outcome.status === 'created' && prepared.ok) await auditRegistration(ctx, prepared.value, 'kiosk');
  noStore(c);
  return respondToOutcome(c, outcome);
}

async function registrationResponse(c: Context<AppEnv>, person: PersonRow) {
  return { person: personSummary(person, c.get('ctx').nowMs()), memberQr: await signMemberQr(c.get('ctx').keys, person.volunteerNo) };
}

/** The person of the path, when registered at a station the caller sees (404 / audited 403 otherwise). */
async function personInScope(c: Context<AppEnv>): Promise<PersonRow | Response> {
  const person = await findPersonById(c.get('ctx').database, c.req.param('personId') ?? '');
  if (!person) return fail(c, 'person_not_found');
  return (await denyUnlessStation(c, person.stationId)) ?? person;
}
