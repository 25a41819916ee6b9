// /api/v1/people: kiosk self-registration (idempotent by `id`, consent required), staff registration, masked
// lists and views, the audited reveal, member QR codes and family links.

import { Hono, type Context } from 'hono';
import { familyRelations } from '../../../domain/person.ts';
import { findPersonById, listFamilyLinks, listPeople, type PersonRow } from '../db/station/people.ts';
import { hashRequest, kioskWriteRow, storedOutcome, storeRejection, type KioskWriteKey } from '../services/kiosk-writes.ts';
import { signMemberQr } from '../services/member-qr.ts';
import { linkFamily, personSummary, registerPerson, revealPerson, staffPersonView, type RegistrationCode } from '../services/people.ts';
import { denyUnlessStation, requireKioskOrStaff, requireStaff } from './auth.ts';
import { fail, noStore, statusOfCode, type AppEnv } from './http.ts';
import { calendarDate, idText, integer, isoTime, object, oneOf, optional, queryInteger, readBody, readQuery, text } from './validate.ts';

const peopleListedMax = 200;
const cardShape = object({
  idNumber: text({ max: 40 }), name: text({ max: 60 }), sex: optional(text({ max: 10 })), nation: optional(text({ max: 20 })), birthDate: optional(calendarDate),
  address: optional(text({ max: 200 })), authority: optional(text({ max: 100 })), validFrom: optional(text({ max: 20 })), validTo: optional(text({ max: 20 })),
});
const registrationShape = { card: cardShape, phone: optional(text({ max: 20 })), consentVersion: text({ max: 20 }), workUnit: optional(text({ max: 100 })) };

export function peopleRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/', requireKioskOrStaff('people:write'), async (c) => {
    const principal = c.get('principal');
    if (principal.kind === 'kiosk') return registerFromKiosk(c);
    const body = await readBody(c, { ...registrationShape, stationId: idText });
    if (!body.ok) return fail(c, body.code, body.detail);
    const denial = await denyUnlessStation(c, body.value.stationId);
    if (denial) return denial;
    const result = await registerPerson(c.get('ctx'), { ...body.value, registeredBy: principal.staff.id }, { selfRegistration: false });
    if (!result.ok) return fail(c, result.code === 'kiosk_write_conflict' ? 'kiosk_seq_reused' : result.code, result.detail);
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

  app.get('/:personId', requireStaff('people:read'), async (c) => {
    const person = await personInScope(c);
    if (person instanceof Response) return person;
    const links = await listFamilyLinks(c.get('ctx').database, person.id);
    noStore(c);
    return c.json({ person: await staffPersonView(c.get('ctx'), person), familyLinks: links.map((link) => ({ relativeId: link.relativeId, relation: link.relation })) });
  });

  app.get('/:personId/member-qr', requireStaff('people:read'), async (c) => {
    const person = await personInScope(c);
    if (person instanceof Response) return person;
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

/** Kiosk registration (design §5): idempotent by `id`; the outcome, rejections included, is final. */
async function registerFromKiosk(c: Context<AppEnv>): Promise<Response> {
  const principal = c.get('principal');
  if (principal.kind !== 'kiosk') return fail(c, 'forbidden');
  const body = await readBody(c, { id: idText, kioskSeq: integer(1, Number.MAX_SAFE_INTEGER), occurredAt: isoTime, ...registrationShape });
  if (!body.ok) return fail(c, body.code, body.detail);
  const ctx = c.get('ctx');
  const key: KioskWriteKey = { id: body.value.id, kioskId: principal.kiosk.id, kioskSeq: body.value.kioskSeq, kind: 'registration', requestHash: await hashRequest(await c.req.json()) };
  const stored = await storedOutcome(ctx, key);
  if (stored) return c.json(stored.body, stored.status as 200);
  const input = { card: body.value.card, consentVersion: body.value.consentVersion, stationId: principal.kiosk.stationId, registeredBy: principal.kiosk.id,
    ...(body.value.phone !== undefined && { phone: body.value.phone }), ...(body.value.workUnit !== undefined && { workUnit: body.value.workUnit }) };
  const result = await registerPerson(ctx, input, { selfRegistration: true, kioskWrite: async (person) => kioskWriteRow(ctx, key, { status: 201, body: await registrationResponse(c, person) }) });
  if (result.ok) return c.json(await registrationResponse(c, result.value), 201);
  if (result.code === 'kiosk_write_conflict') {
    const again = await storedOutcome(ctx, key);
    return again ? c.json(again.body, again.status as 200) : fail(c, 'kiosk_seq_reused');
  }
  const rejection = await storeRejection(ctx, key, { status: statusOfCode[result.code as Exclude<RegistrationCode, 'kiosk_write_conflict'>], body: result.detail === undefined ? { code: result.code } : { code: result.code, detail: result.detail } });
  return c.json(rejection.body, rejection.status as 409);
}

async function registrationResponse(c: Context<AppEnv>, person: PersonRow) {
  return { person: personSummary(person, c.get('ctx').nowMs()), memberQr: await signMemberQr(c.get('ctx').keys, person.volunteerNo) };
}

/** The person of the path, when registered at a station the staff member sees (404 / audited 403 otherwise). */
async function personInScope(c: Context<AppEnv>): Promise<PersonRow | Response> {
  const person = await findPersonById(c.get('ctx').database, c.req.param('personId') ?? '');
  if (!person) return fail(c, 'person_not_found');
  return (await denyUnlessStation(c, person.stationId)) ?? person;
}
