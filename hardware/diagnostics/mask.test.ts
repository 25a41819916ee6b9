// Proves the diagnostics masks: ID numbers keep the first 3 and last 4, names the first and last character.

import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName } from './mask.ts';

describe('maskIdNumber', () => {
  it('masks an 18-character number as 110***********123X', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskIdNumber('110101199003071233')).toBe('110***********1233');
  });

  it('masks a 15-character permit number and keeps only the last 2 of a short one', () => {
    expect(maskIdNumber('USA110088123456')).toBe('USA********3456');
    expect(maskIdNumber('H00000000')).toBe('*******00');
  });
});

describe('maskName', () => {
  it('masks two-, three- and one-character names', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张测试')).toBe('张*试');
    expect(maskName('李')).toBe('李');
  });
});
