// Parses and checks identity numbers from the four card kinds the reader sees (GB 11643 resident cards,
// HK/Macao/Taiwan residence permits, foreigners' permanent residence cards 2017 and 2023). Pure.

import { err, ok, type Result } from './result.ts';
import { assert } from './assert.ts';
import { calendarDateFromCompact, type CalendarDate } from './calendar-date.ts';
import { idNumberBirthYearMin, idNumberInputCharsMax } from './limits.ts';
import type { Sex } from './person.ts';

export type IdNumberKind = 'resident' | 'foreign_permanent_2017' | 'foreign_permanent_2023' | 'hmt_residence';

export type IdNumber = {
  /** Normalised: ASCII, no spaces, upper-case `X`. */
  readonly value: string;
  readonly kind: IdNumberKind;
  readonly birthDate: CalendarDate | null;
  readonly sex: Sex | null;
  /** The 6-digit GB/T 2260 address code (resident, HMT); null for foreigners' cards. */
  readonly regionCode: string | null;
};

export type IdNumberCode =
  | 'id_number_format' // wrong length or characters for every kind
  | 'id_number_region' // resident number whose province code does not exist
  | 'id_number_date' // birth date is no real date, too early, or after `today`
  | 'id_number_checksum'; // ISO 7064 MOD 11-2 check character wrong

export type ParseIdNumberOptions = {
  /** Business date of the check; a birth date after it is rejected (`id_number_date`). */
  readonly today?: CalendarDate;
};

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const checkChars = '10X98765432';
// GB/T 2260 province-level codes, plus 71 Taiwan, 81 Hong Kong, 82 Macao (83 is used by HMT permits).
const provinceCodes = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);
const hmtRegionCodes = new Set(['810000', '820000', '830000']);

/**
 * Parses a card's ID number. Accepts surrounding spaces, full-width digits and a lower-case `x`.
 * 18-character numbers (resident, HMT permit, 2023 foreign card starting with `9`) are checked for a
 * real birth date (YYYYMMDD at characters 7–14) and the MOD 11-2 check character; sex is the parity of
 * character 17 for resident and HMT numbers. 2017 foreign cards (3 Latin letters + 12 digits) are
 * checked for shape only: their check algorithm is not published in our sources.
 */
export function parseIdNumber(raw: string, options: ParseIdNumberOptions = {}): Result<IdNumber, IdNumberCode> {
  if (typeof raw !== 'string' || raw.length > idNumberInputCharsMax) return err('id_number_format');
  const value = normaliseIdNumber(raw);
  if (/^[A-Z]{3}\d{12}$/.test(value)) {
    return ok({ value, kind: 'foreign_permanent_2017', birthDate: null, sex: null, regionCode: null });
  }
  if (!/^\d{17}[\dX]$/.test(value)) return err('id_number_format');
  const foreign = value.startsWith('9');
  if (!foreign && !provinceCodes.has(value.slice(0, 2))) return err('id_number_region');
  const birthDate = calendarDateFromCompact(value.slice(6, 14));
  if (birthDate === null || Number(birthDate.slice(0, 4)) < idNumberBirthYearMin) return err('id_number_date');
  if (options.today !== undefined && birthDate > options.today) return err('id_number_date');
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) return err('id_number_checksum');
  if (foreign) return ok({ value, kind: 'foreign_permanent_2023', birthDate, sex: null, regionCode: null });
  const regionCode = value.slice(0, 6);
  const kind = hmtRegionCodes.has(regionCode) ? 'hmt_residence' : 'resident';
  const sex: Sex = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return ok({ value, kind, birthDate, sex, regionCode });
}

/** The ISO 7064 MOD 11-2 check character (`0`–`9` or `X`) for 17 digits. Asserts the input is 17 digits. */
export function idNumberCheckChar(first17: string): string {
  assert(/^\d{17}$/.test(first17), 'idNumberCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let index = 0; index < 17; index++) sum += Number(first17[index]) * weights[index]!;
  return checkChars[sum % 11]!;
}

/** A complete 18-character number from 17 digits, for fictional test and seed data. */
export function makeIdNumber(first17: string): string {
  return first17 + idNumberCheckChar(first17);
}

function normaliseIdNumber(raw: string): string {
  // Full-width forms (U+FF01–U+FF5E) map to ASCII by subtracting 0xFEE0.
  const ascii = raw.replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
  return ascii.replace(/[\s\u3000]/g, '').toUpperCase();
}
