// Self-registration at a kiosk (rule 16): separate consent to the current notice, and a minimum age of 14.
// Pure: the caller passes the card's birth date and today's business date.

import { err, ok, type Result } from './result.ts';
import { ageOn } from './business-date.ts';
import { isCalendarDate, type CalendarDate } from './calendar-date.ts';
import { selfRegistrationAgeMin } from './limits.ts';

export type RegistrationCode =
  | 'consent_missing' // no separate consent (单独同意) was given
  | 'consent_version_outdated' // consent was given to another notice than the current one
  | 'birth_date_invalid' // unknown or after today
  | 'under_self_registration_age'; // under 14: a clerk registers them with a guardian

export type RegistrationInput = {
  readonly consentVersion: string | null;
  readonly currentConsentVersion: string;
  readonly birthDate: CalendarDate | null;
  readonly today: CalendarDate;
};

/** Decides a kiosk self-registration. Rules in order: consent given, to the current version; age ≥ 14 today. */
export function decideSelfRegistration(input: RegistrationInput): Result<{ readonly age: number }, RegistrationCode> {
  if (input.consentVersion === null || input.consentVersion === '') return err('consent_missing');
  if (input.consentVersion !== input.currentConsentVersion) return err('consent_version_outdated');
  const { birthDate, today } = input;
  if (birthDate === null || !isCalendarDate(birthDate) || birthDate > today) return err('birth_date_invalid');
  const age = ageOn(birthDate, today);
  if (age < selfRegistrationAgeMin) return err('under_self_registration_age', `min ${selfRegistrationAgeMin}`);
  return ok({ age });
}
