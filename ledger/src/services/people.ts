// The people registry (rules 15–17): registration with consent, lookup by card, member QR or phone, masked
// views, the audited reveal, and family links. ID numbers, names and phones are stored only encrypted + hashed.

import { ageOn, businessDateOf } from '../../../domain/business-date.ts';
import { parseIdNumber } from '../../../domain/id-number.ts';
import { maskIdNumber, maskName, maskPhone } from '../../../domain/masking.ts';
import { inverseRelation, type FamilyRelation } from '../../../domain/person.ts';
import { selfRegistrationAgeMin } from '../../../domain/limits.ts';
import { err, ok, type Result } from '../../../domain/result.ts';
import { isUniqueViolation } from '../db/station/errors.ts';
import { countPeople, findPeopleByPhoneHash, findPersonByIdNumberHash, findPersonById, findPersonByVolunteerNo, insertFamilyLink, insertPerson, type PersonRow } from '../db/station/people.ts';
import type { ServiceContext } from './context.ts';
import { decryptText, encryptText, hmacText } from './crypto.ts';
import { formatVolunteerNo } from '../../../domain/volunteer-no.ts';
import { verifyMemberQr } from './member-qr.ts';
import { normaliseWorkUnit } from './work-units.ts';

export type CardInput = { idNumber: string; name: string; sex?: string; birthDate?: string };
export type RegistrationInput = { card: CardInput; phone?: string; consentVersion: string; workUnit?: string; stationId: string; registeredBy: string };
export type RegistrationCode = 'invalid_id_number' | 'invalid_phone' | 'self_registration_too_young' | 'already_registered';
export type IdentifyCode = 'person_not_found' | 'member_qr_invalid' | 'invalid_id_number' | 'invalid_phone' | 'phone_ambiguous';

const volunteerNoAttemptsMax = 5;
const phoneMatchesMax = 2;
/** A household may share a phone; with the check question, this many sharers are told apart by birth year. */
const phoneMatchesWithBirthYearMax = 20;

/** A registration checked and sealed (encrypted, hashed, masked), ready to be written once a volunteer number is chosen. */
export type PreparedPerson = Omit<PersonRow, 'id' | 'volunteerNo'> & { id: string };

/** Checks a registration and seals its personal data; pure apart from the clock, randomness and keys. */
export async function prepareRegistration(ctx: ServiceContext, input: RegistrationInput, options: { selfRegistration: boolean }): Promise<Result<PreparedPerson, 'invalid_id_number' | 'invalid_phone' | 'self_registration_too_young'>> {
  const nowMs = ctx.nowMs();
  const parsed = parseIdNumber(input.card.idNumber, { today: businessDateOf(nowMs) });
  if (!parsed.ok) return err('invalid_id_number', parsed.code);
  const birthDate = parsed.value.birthDate ?? input.card.birthDate;
  if (!birthDate) return err('invalid_id_number', 'birth_date_unknown');
  const phone = input.phone === undefined ? undefined : normalisePhone(input.phone);
  if (phone === null) return err('invalid_phone');
  if (options.selfRegistration && ageOn(birthDate, businessDateOf(nowMs)) < selfRegistrationAgeMin) return err('self_registration_too_young');
  return ok({
    id: ctx.newId(),
    idNumberHash: await idNumberLookupHash(ctx, parsed.value.value),
    idNumberCipher: await encryptText(ctx.keys.dataKey, parsed.value.value, ctx.randomBytes),
    nameCipher: await encryptText(ctx.keys.dataKey, input.card.name, ctx.randomBytes),
    phoneCipher: phone === undefined ? null : await encryptText(ctx.keys.dataKey, phone, ctx.randomBytes),
    phoneHash: phone === undefined ? null : await phoneLookupHash(ctx, phone),
    displayName: maskName(input.card.name), sex: parsed.value.sex ?? input.card.sex ?? null, birthDate,
    consentVersion: input.consentVersion, consentAtMs: nowMs, workUnit: normaliseWorkUnit(input.workUnit),
    stationId: input.stationId, registeredBy: input.registeredBy, createdAtMs: nowMs,
  });
}

/** Registers directly (staff and seeds); kiosk registrations go through the ledger as a unit (registration-unit.ts). */
export async function registerPerson(ctx: ServiceContext, input: RegistrationInput, options: { selfRegistration: boolean }): Promise<Result<PersonRow, RegistrationCode>> {
  const prepared = await prepareRegistration(ctx, input, options);
  if (!prepared.ok) return prepared;
  if (await findPersonByIdNumberHash(ctx.database, prepared.value.idNumberHash)) return err('already_registered');
  for (let attempt = 1; ; attempt++) {
    const row: PersonRow = { ...prepared.value, volunteerNo: formatVolunteerNo((await countPeople(ctx.database)) + attempt) };
    try {
      await insertPerson(ctx.database, row);
      await auditRegistration(ctx, row, options.selfRegistration ? 'kiosk' : 'staff');
      return ok(row);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (await findPersonByIdNumberHash(ctx.database, prepared.value.idNumberHash)) return err('already_registered');
      if (attempt >= volunteerNoAttemptsMax) throw error;
    }
  }
}

export async function auditRegistration(ctx: ServiceContext, row: Pick<PersonRow, 'id' | 'stationId' | 'registeredBy'>, actorType: 'kiosk' | 'staff'): Promise<void> {
  await ctx.audit.append({ actorType, actorId: row.registeredBy, stationId: row.stationId, event: 'person_registered', outcome: 'success', target: row.id });
}

export type IdentifyQuery = { card?: { idNumber: string }; qr?: string; phone?: string; birthYear?: number };

/**
 * Finds one person by ID card, member QR or phone (in that order of preference). With `birthYear` (the check
 * question), a phone match must also have that birth year; a wrong year is `person_not_found`, like a wrong phone.
 */
export async function identifyPerson(ctx: ServiceContext, query: IdentifyQuery): Promise<Result<PersonRow, IdentifyCode>> {
  let person: PersonRow | undefined;
  if (query.card) {
    const parsed = parseIdNumber(query.card.idNumber);
    if (!parsed.ok) return err('invalid_id_number', parsed.code);
    person = await findPersonByIdNumberHash(ctx.database, await idNumberLookupHash(ctx, parsed.value.value));
  } else if (query.qr !== undefined) {
    const volunteerNo = await verifyMemberQr(ctx.keys, query.qr);
    if (volunteerNo === null) return err('member_qr_invalid');
    person = await findPersonByVolunteerNo(ctx.database, volunteerNo);
  } else if (query.phone !== undefined) {
    const phone = normalisePhone(query.phone);
    if (phone === null) return err('invalid_phone');
    const hash = await phoneLookupHash(ctx, phone);
    const { birthYear } = query;
    const matches = birthYear === undefined
      ? await findPeopleByPhoneHash(ctx.database, hash, phoneMatchesMax)
      : (await findPeopleByPhoneHash(ctx.database, hash, phoneMatchesWithBirthYearMax)).filter((row) => Number(row.birthDate.slice(0, 4)) === birthYear);
    if (matches.length > 1) return err('phone_ambiguous');
    person = matches[0];
  }
  return person ? ok(person) : err('person_not_found');
}

/** What a kiosk may show: pseudonymous and masked. */
export function personSummary(row: PersonRow, nowMs: number): { id: string; volunteerNo: string; displayName: string; age: number } {
  return { id: row.id, volunteerNo: row.volunteerNo, displayName: row.displayName, age: ageOn(row.birthDate, businessDateOf(nowMs)) };
}

/** What staff see without a reveal: every personal field masked. */
export async function staffPersonView(ctx: ServiceContext, row: PersonRow) {
  const idNumber = await decryptText(ctx.keys.dataKey, row.idNumberCipher);
  const phone = row.phoneCipher === null ? null : await decryptText(ctx.keys.dataKey, row.phoneCipher);
  return {
    ...personSummary(row, ctx.nowMs()), idNumberMasked: maskIdNumber(idNumber), phoneMasked: phone === null ? null : maskPhone(phone),
    sex: row.sex, workUnit: row.workUnit, stationId: row.stationId, consentVersion: row.consentVersion, consentAt: new Date(row.consentAtMs).toISOString(),
  };
}

/** The full ID number, name and phone, for a manager who gives a reason; always audited. */
export async function revealPerson(ctx: ServiceContext, staffId: string, row: PersonRow, reason: string): Promise<{ idNumber: string; name: string; phone: string | null }> {
  await ctx.audit.append({ actorType: 'staff', actorId: staffId, stationId: row.stationId, event: 'personal_data_reveal', outcome: 'success', target: row.id, detail: { reason } });
  return {
    idNumber: await decryptText(ctx.keys.dataKey, row.idNumberCipher),
    name: await decryptText(ctx.keys.dataKey, row.nameCipher),
    phone: row.phoneCipher === null ? null : await decryptText(ctx.keys.dataKey, row.phoneCipher),
  };
}

export type FamilyLinkCode = 'person_not_found' | 'family_link_self' | 'family_link_exists';

/** Links two people both ways (`relation` is how the relative relates to the person), for gifts of time. */
export async function linkFamily(ctx: ServiceContext, staffId: string, personId: string, relativeId: string, relation: FamilyRelation): Promise<Result<{ personId: string; relativeId: string; relation: FamilyRelation }, FamilyLinkCode>> {
  if (personId === relativeId) return err('family_link_self');
  const [person, relative] = await Promise.all([findPersonById(ctx.database, personId), findPersonById(ctx.database, relativeId)]);
  if (!person || !relative) return err('person_not_found');
  const createdAtMs = ctx.nowMs();
  try {
    await insertFamilyLink(ctx.database, { personId, relativeId, relation, createdBy: staffId, createdAtMs }, { personId: relativeId, relativeId: personId, relation: inverseRelation(relation), createdBy: staffId, createdAtMs });
  } catch (error) {
    if (isUniqueViolation(error)) return err('family_link_exists');
    throw error;
  }
  await ctx.audit.append({ actorType: 'staff', actorId: staffId, stationId: person.stationId, event: 'family_link_created', outcome: 'success', target: personId, detail: { relativeId, relation } });
  return ok({ personId, relativeId, relation });
}

/** Mainland mobile numbers: 11 digits starting with 1, after dropping spaces, dashes and +86/0086. */
export function normalisePhone(text: string): string | null {
  const digits = text.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  return /^1\d{10}$/.test(digits) ? digits : null;
}

export async function idNumberLookupHash(ctx: ServiceContext, idNumber: string): Promise<string> {
  return hmacText(ctx.keys.lookupKey, `id:${idNumber}`);
}

export async function phoneLookupHash(ctx: ServiceContext, phone: string): Promise<string> {
  return hmacText(ctx.keys.lookupKey, `phone:${phone}`);
}
