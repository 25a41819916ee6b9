// Encodes a card back into its 256-byte UCS-2LE text block: the emulator's inverse of parseCardText.
// Pure. Used by the reader emulator, demo mode and tests; a kiosk never needs it.

import { cardLayouts, cardTextBytes, cardTypeFlagOffset, cardTypeFlags, type FieldSpan } from './card-layouts.ts';
import type { Sex } from './code-tables.ts';
import type { IdCard } from './card-text.ts';

const sexCodeOf: Readonly<Record<Sex, string>> = { unknown: '0', male: '1', female: '2', unspecified: '9' };
const englishNameHeadChars = 35;

export function encodeCardText(card: IdCard): Uint8Array {
  const bytes = new Uint8Array(cardTextBytes);
  writeField(bytes, [0, cardTextBytes], '');
  writeField(bytes, [cardTypeFlagOffset, 2], cardTypeFlags[card.kind]);
  const dates = { birthDate: compactDate(card.birthDate), validFrom: compactDate(card.validFrom), validTo: compactDate(card.validTo) };
  const values: Record<string, string> =
    card.kind === 'foreign_2023'
      ? { ...card, ...dates, sex: sexCodeOf[card.sex], englishNameHead: card.englishName.slice(0, englishNameHeadChars), englishNameTail: card.englishName.slice(englishNameHeadChars) }
      : { ...card, ...dates, sex: sexCodeOf[card.sex] };
  for (const [field, span] of Object.entries(cardLayouts[card.kind] as Record<string, FieldSpan>)) writeField(bytes, span, values[field] ?? '');
  return bytes;
}

function compactDate(date: string): string {
  return date === 'long_term' ? '长期' : date.replaceAll('-', '');
}

/** Writes `value` as UCS-2LE and pads the rest of the span with spaces; throws if it does not fit. */
function writeField(bytes: Uint8Array, [offset, length]: FieldSpan, value: string): void {
  if (value.length * 2 > length) throw new RangeError(`"${value}" is longer than ${length / 2} characters`);
  for (let i = 0; i < length / 2; i += 1) {
    const unit = i < value.length ? value.charCodeAt(i) : 0x20;
    bytes[offset + i * 2] = unit & 0xff;
    bytes[offset + i * 2 + 1] = unit >> 8;
  }
}
