// Proves parseCardText on the published text blocks (persons A, B, J) and on the foreigner's card variants,
// and that encodeCardText is its exact inverse; bad dates, sex and nation codes come back as named codes.

import { describe, expect, it } from 'vitest';
import { encodeCardText } from './card-text-encode.ts';
import { parseCardText } from './card-text.ts';
import { demoForeign2017, demoForeign2023, demoHmtPermit, demoResidentFemale, demoResidentMale } from './demo-cards.ts';
import { bytesFromHex, referenceTextBlockA, referenceTextBlockB, referenceTextBlockJ } from './reference-vectors.ts';

function withField(bytes: Uint8Array, offset: number, text: string): Uint8Array {
  const copy = bytes.slice();
  for (let i = 0; i < text.length; i += 1) {
    copy[offset + i * 2] = text.charCodeAt(i) & 0xff;
    copy[offset + i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  return copy;
}

describe('parseCardText', () => {
  it('parses person A, a resident card with a fixed end date', () => {
    expect(parseCardText(bytesFromHex(referenceTextBlockA.hex))).toEqual({ ok: true, value: demoResidentMale });
  });

  it('parses person B, whose card is valid for life (长期 → long_term)', () => {
    const parsed = parseCardText(bytesFromHex(referenceTextBlockB.hex));
    expect(parsed).toEqual({ ok: true, value: demoResidentFemale });
  });

  it('parses person J, a Hong Kong/Macao/Taiwan residence permit flagged J', () => {
    expect(parseCardText(bytesFromHex(referenceTextBlockJ.hex))).toEqual({ ok: true, value: demoHmtPermit });
  });

  it('round-trips the 2017 and 2023 foreigner permanent residence cards, including a 45-letter English name', () => {
    for (const card of [demoForeign2017, demoForeign2023]) expect(parseCardText(encodeCardText(card))).toEqual({ ok: true, value: card });
    expect(encodeCardText(demoForeign2017)[248]).toBe(0x49);
    expect(encodeCardText(demoForeign2023)[248]).toBe(0x59);
  });

  it('keeps inner spaces and trims only trailing ones', () => {
    const card = { ...demoResidentMale, address: '北京市 东城区 测试路1号' };
    expect(parseCardText(encodeCardText(card))).toEqual({ ok: true, value: card });
  });

  it('rejects a block that is not 256 bytes (card_text_length_invalid)', () => {
    expect(parseCardText(new Uint8Array(255))).toMatchObject({ ok: false, code: 'card_text_length_invalid' });
  });

  it('rejects an unknown type flag (card_type_unknown)', () => {
    expect(parseCardText(withField(encodeCardText(demoResidentMale), 248, 'Q'))).toMatchObject({ ok: false, code: 'card_type_unknown' });
  });

  it('rejects 30 February (card_date_invalid) and accepts 29 February of a leap year', () => {
    expect(parseCardText(withField(encodeCardText(demoResidentMale), 36, '19900230'))).toMatchObject({ ok: false, code: 'card_date_invalid' });
    expect(parseCardText(withField(encodeCardText(demoResidentMale), 36, '19920229'))).toMatchObject({ ok: true });
  });

  it('rejects a sex code outside GB/T 2261.1 (card_sex_invalid) and a nation code outside GB 3304 (card_nation_invalid)', () => {
    expect(parseCardText(withField(encodeCardText(demoResidentMale), 30, '3'))).toMatchObject({ ok: false, code: 'card_sex_invalid' });
    expect(parseCardText(withField(encodeCardText(demoResidentMale), 32, '57'))).toMatchObject({ ok: false, code: 'card_nation_invalid' });
    expect(parseCardText(withField(encodeCardText(demoResidentMale), 32, '98'))).toMatchObject({ ok: true, value: { nation: '外国血统中国籍人士' } });
  });
});

describe('encodeCardText', () => {
  it('reproduces the published blocks of persons A, B and J byte for byte', () => {
    expect(encodeCardText(demoResidentMale)).toEqual(bytesFromHex(referenceTextBlockA.hex));
    expect(encodeCardText(demoResidentFemale)).toEqual(bytesFromHex(referenceTextBlockB.hex));
    expect(encodeCardText(demoHmtPermit)).toEqual(bytesFromHex(referenceTextBlockJ.hex));
  });
});
