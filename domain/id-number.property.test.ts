// Proves the MOD 11-2 check over random fictional numbers: every made number parses back with its birth
// date, every single-character substitution or adjacent swap is refused, and any input gets a typed answer.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeIdNumber, parseIdNumber, type IdNumberCode } from './id-number.ts';

const numRuns = 2_000;
const birthDate = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2024, 11, 31)), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const first17 = fc
  .tuple(fc.constantFrom('110101', '310104', '440305', '650102', '810000', '918400'), birthDate, fc.integer({ min: 0, max: 999 }))
  .map(([region, date, sequence]) => region + date.replaceAll('-', '') + String(sequence).padStart(3, '0'));

describe('ID number check character', () => {
  it('parses every number made by makeIdNumber back to its birth date', () => {
    fc.assert(
      fc.property(first17, (digits) => {
        const result = parseIdNumber(makeIdNumber(digits));
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.value.birthDate?.replaceAll('-', '')).toBe(digits.slice(6, 14));
      }),
      { numRuns },
    );
  });

  it('refuses any single changed sequence or check character', () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 14, max: 17 }), fc.constantFrom(...'0123456789X'), (digits, index, char) => {
        const number = makeIdNumber(digits);
        fc.pre(number[index] !== char && !(index < 17 && char === 'X'));
        const changed = number.slice(0, index) + char + number.slice(index + 1);
        expect(parseIdNumber(changed)).toMatchObject({ ok: false, code: 'id_number_checksum' });
      }),
      { numRuns },
    );
  });

  it('refuses adjacent transpositions of different digits in the sequence code', () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 14, max: 15 }), (digits, index) => {
        fc.pre(digits[index] !== digits[index + 1]);
        const swapped = digits.slice(0, index) + digits[index + 1] + digits[index] + digits.slice(index + 2);
        const original = makeIdNumber(digits);
        expect(parseIdNumber(swapped + original[17])).toMatchObject({ ok: false, code: 'id_number_checksum' });
      }),
      { numRuns },
    );
  });
});

describe('parseIdNumber on arbitrary input', () => {
  const codes: readonly IdNumberCode[] = ['id_number_format', 'id_number_region', 'id_number_date', 'id_number_checksum'];

  it('never throws, answers only typed codes, and accepted values re-parse to themselves', () => {
    const digitsAndNoise = fc.string({ unit: fc.constantFrom(...'0123456789Xx Ａ１９'), maxLength: 22 });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), digitsAndNoise), (raw) => {
        const result = parseIdNumber(raw);
        if (result.ok) expect(parseIdNumber(result.value.value)).toEqual(result);
        else expect(codes).toContain(result.code);
      }),
      { numRuns },
    );
  });
});
