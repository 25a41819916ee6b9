// Parses the 256-byte UCS-2LE text block of a `30 01` read into a typed card (reference/hardware.md §1.7-1.8).
// Pure: never sees the photo or fingerprint bytes, keeps nothing.

import { cardLayouts, cardTextBytes, cardTypeFlagOffset, type FieldSpan } from './card-layouts.ts';
import { nationNames, sexCodes, type Sex } from './code-tables.ts';

/** Dates are ISO `YYYY-MM-DD`; a card valid for life (长期) has `validTo: 'long_term'`. */
export type ResidentCard = {
  readonly kind: 'resident'; readonly name: string; readonly sex: Sex; readonly nationCode: string; readonly nation: string;
  readonly birthDate: string; readonly address: string; readonly idNumber: string; readonly authority: string;
  readonly validFrom: string; readonly validTo: string;
};
export type HmtPermitCard = {
  readonly kind: 'hmt_permit'; readonly name: string; readonly sex: Sex; readonly birthDate: string; readonly address: string;
  readonly idNumber: string; readonly authority: string; readonly validFrom: string; readonly validTo: string;
  readonly travelPermitNumber: string; readonly issueCount: string;
};
export type Foreign2017Card = {
  readonly kind: 'foreign_2017'; readonly englishName: string; readonly chineseName: string; readonly sex: Sex;
  readonly permitNumber: string; readonly nationality: string; readonly validFrom: string; readonly validTo: string;
  readonly birthDate: string; readonly cardVersion: string; readonly authorityCode: string;
};
export type Foreign2023Card = {
  readonly kind: 'foreign_2023'; readonly chineseName: string; readonly englishName: string; readonly sex: Sex;
  readonly renewalCount: string; readonly birthDate: string; readonly idNumber: string; readonly validFrom: string;
  readonly validTo: string; readonly nationality: string; readonly previousNumberLink: string;
};
export type IdCard = ResidentCard | HmtPermitCard | Foreign2017Card | Foreign2023Card;

export type CardTextErrorCode = 'card_text_length_invalid' | 'card_type_unknown' | 'card_date_invalid' | 'card_sex_invalid' | 'card_nation_invalid';
export type CardTextResult = { readonly ok: true; readonly value: IdCard } | { readonly ok: false; readonly code: CardTextErrorCode; readonly detail?: string };

class CardTextError extends Error {
  constructor(readonly code: CardTextErrorCode, readonly detail: string) {
    super(code);
  }
}

/** Parses the text block; returns a named code for a wrong length, unknown type flag, bad date, sex or nation code. */
export function parseCardText(bytes: Uint8Array): CardTextResult {
  if (bytes.length !== cardTextBytes) return { ok: false, code: 'card_text_length_invalid', detail: `${bytes.length} bytes` };
  const flag = readField(bytes, [cardTypeFlagOffset, 2]);
  try {
    if (flag === ' ') return { ok: true, value: parseResident(bytes) };
    if (flag === 'J') return { ok: true, value: parseHmtPermit(bytes) };
    if (flag === 'I') return { ok: true, value: parseForeign2017(bytes) };
    if (flag === 'Y') return { ok: true, value: parseForeign2023(bytes) };
  } catch (error) {
    if (error instanceof CardTextError) return { ok: false, code: error.code, detail: error.detail };
    throw error;
  }
  return { ok: false, code: 'card_type_unknown', detail: `flag U+${flag.charCodeAt(0).toString(16).padStart(4, '0')}` };
}

function parseResident(bytes: Uint8Array): ResidentCard {
  const layout = cardLayouts.resident;
  const nationCode = trimmed(bytes, layout.nationCode);
  const nation = nationNames[nationCode];
  if (nation === undefined) throw new CardTextError('card_nation_invalid', nationCode);
  return {
    kind: 'resident', name: trimmed(bytes, layout.name), sex: sexOf(bytes, layout.sex), nationCode, nation,
    birthDate: dateOf(bytes, layout.birthDate), address: trimmed(bytes, layout.address), idNumber: trimmed(bytes, layout.idNumber),
    authority: trimmed(bytes, layout.authority), validFrom: dateOf(bytes, layout.validFrom), validTo: validToOf(bytes, layout.validTo),
  };
}

function parseHmtPermit(bytes: Uint8Array): HmtPermitCard {
  const layout = cardLayouts.hmt_permit;
  return {
    kind: 'hmt_permit', name: trimmed(bytes, layout.name), sex: sexOf(bytes, layout.sex), birthDate: dateOf(bytes, layout.birthDate),
    address: trimmed(bytes, layout.address), idNumber: trimmed(bytes, layout.idNumber), authority: trimmed(bytes, layout.authority),
    validFrom: dateOf(bytes, layout.validFrom), validTo: validToOf(bytes, layout.validTo),
    travelPermitNumber: trimmed(bytes, layout.travelPermitNumber), issueCount: trimmed(bytes, layout.issueCount),
  };
}

function parseForeign2017(bytes: Uint8Array): Foreign2017Card {
  const layout = cardLayouts.foreign_2017;
  return {
    kind: 'foreign_2017', englishName: trimmed(bytes, layout.englishName), chineseName: trimmed(bytes, layout.chineseName),
    sex: sexOf(bytes, layout.sex), permitNumber: trimmed(bytes, layout.permitNumber), nationality: trimmed(bytes, layout.nationality),
    validFrom: dateOf(bytes, layout.validFrom), validTo: validToOf(bytes, layout.validTo), birthDate: dateOf(bytes, layout.birthDate),
    cardVersion: trimmed(bytes, layout.cardVersion), authorityCode: trimmed(bytes, layout.authorityCode),
  };
}

function parseForeign2023(bytes: Uint8Array): Foreign2023Card {
  const layout = cardLayouts.foreign_2023;
  const englishName = (readField(bytes, layout.englishNameHead) + readField(bytes, layout.englishNameTail)).trimEnd();
  return {
    kind: 'foreign_2023', chineseName: trimmed(bytes, layout.chineseName), englishName, sex: sexOf(bytes, layout.sex),
    renewalCount: trimmed(bytes, layout.renewalCount), birthDate: dateOf(bytes, layout.birthDate), idNumber: trimmed(bytes, layout.idNumber),
    validFrom: dateOf(bytes, layout.validFrom), validTo: validToOf(bytes, layout.validTo), nationality: trimmed(bytes, layout.nationality),
    previousNumberLink: trimmed(bytes, layout.previousNumberLink),
  };
}

function readField(bytes: Uint8Array, [offset, length]: FieldSpan): string {
  let text = '';
  for (let i = offset; i < offset + length; i += 2) text += String.fromCharCode((bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8));
  return text;
}

/** Fields are right-padded with spaces; only trailing ones are padding (a value may contain spaces). */
function trimmed(bytes: Uint8Array, span: FieldSpan): string {
  return readField(bytes, span).replace(/[ \u0000]+$/u, '');
}

function sexOf(bytes: Uint8Array, span: FieldSpan): Sex {
  const code = trimmed(bytes, span);
  const sex = sexCodes[code];
  if (sex === undefined) throw new CardTextError('card_sex_invalid', code);
  return sex;
}

function validToOf(bytes: Uint8Array, span: FieldSpan): string {
  return trimmed(bytes, span) === '长期' ? 'long_term' : dateOf(bytes, span);
}

function dateOf(bytes: Uint8Array, span: FieldSpan): string {
  const text = trimmed(bytes, span);
  const match = /^(\d{4})(\d{2})(\d{2})$/u.exec(text);
  if (match === null) throw new CardTextError('card_date_invalid', text);
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) {
    throw new CardTextError('card_date_invalid', text);
  }
  return `${year}-${month}-${day}`;
}
