// Proves the resolution note's limits: 2 to 500 characters after trimming, counted as characters, not UTF-16 units.
import { describe, expect, it } from 'vitest';
import { isValidNote, noteLengthMax } from './resolution-note.ts';

describe('isValidNote', () => {
  it('accepts 2 characters and refuses 1 or blanks', () => {
    expect(isValidNote('补录')).toBe(true);
    expect(isValidNote(' 补 ')).toBe(false);
    expect(isValidNote('   ')).toBe(false);
  });

  it('accepts up to 500 characters and refuses 501', () => {
    expect(isValidNote('账'.repeat(noteLengthMax))).toBe(true);
    expect(isValidNote('账'.repeat(noteLengthMax + 1))).toBe(false);
  });
});
