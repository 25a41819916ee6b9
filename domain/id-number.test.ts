// Proves ID numbers of every card kind parse to kind, birth date, sex and region, and that bad shapes,
// dates and check characters are refused with their codes (GB 11643 vectors from reference/hardware.md §2).
import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, makeIdNumber, parseIdNumber } from './id-number.ts';

describe('idNumberCheckChar', () => {
  it('matches the standard’s own examples, including X', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
    expect(idNumberCheckChar('11010119900307123')).toBe('3');
    expect(idNumberCheckChar('31010419551231002')).toBe('6');
  });

  it('asserts on anything but 17 digits', () => {
    expect(() => idNumberCheckChar('1101011990030712')).toThrow();
    expect(() => idNumberCheckChar('1101011990030712X')).toThrow();
  });

  it('makeIdNumber appends the check character', () => {
    expect(makeIdNumber('81000019950505012')).toBe('810000199505050129');
  });
});

describe('parseIdNumber', () => {
  it('parses a resident number with birth date, sex from digit 17 and region code', () => {
    const result = parseIdNumber('110101199003071233');
    expect(result).toEqual({
      ok: true,
      value: { value: '110101199003071233', kind: 'resident', birthDate: '1990-03-07', sex: 'male', regionCode: '110101' },
    });
    const female = parseIdNumber('310104195512310026');
    expect(female.ok && female.value.sex).toBe('female');
  });

  it('normalises spaces, full-width digits and a lower-case x', () => {
    const result = parseIdNumber(' 11010519491231002x ');
    expect(result.ok && result.value.value).toBe('11010519491231002X');
    const fullWidth = parseIdNumber('１１０１０１１９９００３０７１２３３');
    expect(fullWidth.ok && fullWidth.value.value).toBe('110101199003071233');
  });

  it('recognises an HK/Macao/Taiwan residence permit by its 810000/820000/830000 address code', () => {
    const result = parseIdNumber('810000199505050129');
    expect(result.ok && result.value.kind).toBe('hmt_residence');
    const taiwan = parseIdNumber(makeIdNumber('83000020000101002'));
    expect(taiwan.ok && taiwan.value.kind).toBe('hmt_residence');
  });

  it('recognises a 2023 foreign permanent residence number by its leading 9 and checks it', () => {
    const number = makeIdNumber('91184019800615001');
    const result = parseIdNumber(number);
    expect(result).toEqual({
      ok: true,
      value: { value: number, kind: 'foreign_permanent_2023', birthDate: '1980-06-15', sex: null, regionCode: null },
    });
    expect(parseIdNumber(number.slice(0, 17) + (number[17] === '0' ? '1' : '0'))).toMatchObject({ code: 'id_number_checksum' });
  });

  it('recognises a 2017 foreign permanent residence number by shape (3 letters + 12 digits)', () => {
    const result = parseIdNumber('usa110085060121');
    expect(result.ok && result.value).toMatchObject({ value: 'USA110085060121', kind: 'foreign_permanent_2017' });
  });

  it('rejects a wrong check character (id_number_checksum)', () => {
    expect(parseIdNumber('110101199003071234')).toEqual({ ok: false, code: 'id_number_checksum' });
  });

  it('rejects impossible dates, including 30 February and 29 February of a common year (id_number_date)', () => {
    expect(parseIdNumber('110101199002301233')).toMatchObject({ code: 'id_number_date' });
    expect(parseIdNumber(makeIdNumber('11010119010229123'))).toMatchObject({ code: 'id_number_date' });
    expect(parseIdNumber(makeIdNumber('11010120000229123')).ok).toBe(true);
    expect(parseIdNumber(makeIdNumber('11010118490101123'))).toMatchObject({ code: 'id_number_date' });
  });

  it('rejects a birth date after today, and accepts one born today (limit)', () => {
    const number = makeIdNumber('11010120250601123');
    expect(parseIdNumber(number, { today: '2025-05-31' })).toMatchObject({ code: 'id_number_date' });
    expect(parseIdNumber(number, { today: '2025-06-01' }).ok).toBe(true);
  });

  it('rejects unknown province codes (id_number_region)', () => {
    expect(parseIdNumber(makeIdNumber('19010119900307123'))).toMatchObject({ code: 'id_number_region' });
  });

  it('rejects wrong lengths, letters, legacy 15-digit numbers and huge input (id_number_format)', () => {
    for (const raw of ['', '11010119900307123', '1101011990030712333', '11010119900307X233', '110101900307123', 'A'.repeat(10_000)]) {
      expect(parseIdNumber(raw)).toMatchObject({ ok: false, code: 'id_number_format' });
    }
  });
});
