// Proves ID numbers, names and phones are masked as rule 15 shows, and that odd input is masked, not thrown on.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskIdNumber, maskName, maskPhone } from './masking.ts';

describe('maskIdNumber', () => {
  it('keeps the first 3 and last 4 characters of an 18-character number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
  });

  it('masks a 15-character foreign number the same way and an 8-character one at the limit', () => {
    expect(maskIdNumber('USA110085060121')).toBe('USA********0121');
    expect(maskIdNumber('12345678')).toBe('123*5678');
  });

  it('masks everything when too short to hide anything', () => {
    expect(maskIdNumber('1234567')).toBe('*******');
    expect(maskIdNumber('')).toBe('*');
    expect(maskIdNumber(undefined as unknown as string)).toBe('***');
  });
});

describe('maskName', () => {
  it('shows 张*三 for three characters and 张* for two', () => {
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('张三')).toBe('张*');
  });

  it('keeps first and last of long names and keeps separators', () => {
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('买买提·艾力')).toBe('买**·*力');
    expect(maskName('JOHN SMITH')).toBe('J*** ****H');
    expect(maskName('A B')).toBe('A *');
  });

  it('masks a single character and odd input entirely', () => {
    expect(maskName('张')).toBe('*');
    expect(maskName('   ')).toBe('*');
    expect(maskName(null as unknown as string)).toBe('*');
  });

  it('treats characters outside the BMP as one character each', () => {
    expect(maskName('𠀀𠀁𠀂')).toBe('𠀀*𠀂');
  });

  it('bounds the output length for absurdly long input', () => {
    expect(maskName('张'.repeat(10_000)).length).toBe(64);
  });
});

describe('maskPhone', () => {
  it('shows 138****5678 for a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('drops +86, spaces and dashes first', () => {
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
  });

  it('always masks at least 4 digits of short numbers (limit: 7 digits)', () => {
    expect(maskPhone('1234567')).toBe('****567');
    expect(maskPhone('02112345678')).toBe('021****5678');
  });

  it('masks non-numbers entirely', () => {
    expect(maskPhone('call me')).toBe('*******');
    expect(maskPhone('123')).toBe('****');
  });
});

describe('masking of arbitrary input', () => {
  it('never throws, never exceeds 64 characters and always hides something', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 200 }), (value) => {
        for (const masked of [maskIdNumber(value), maskName(value), maskPhone(value)]) {
          expect(Array.from(masked).length).toBeLessThanOrEqual(64);
          expect(masked).toContain('*');
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
