// Proves volunteer numbers are `V` + 8 digits, round-trip with their sequence, and refuse other shapes.
import { describe, expect, it } from 'vitest';
import { formatVolunteerNo, isVolunteerNo, volunteerNoSequence } from './volunteer-no.ts';

describe('volunteer numbers', () => {
  it('pads the sequence to 8 digits and reads it back', () => {
    expect(formatVolunteerNo(42)).toBe('V00000042');
    expect(volunteerNoSequence('V00000042')).toBe(42);
  });

  it('accepts the largest sequence (limit) and asserts beyond it or below 1', () => {
    expect(formatVolunteerNo(99_999_999)).toBe('V99999999');
    expect(() => formatVolunteerNo(100_000_000)).toThrow();
    expect(() => formatVolunteerNo(0)).toThrow();
  });

  it('refuses other shapes', () => {
    for (const value of ['V0000004', 'V000000042', 'v00000042', 'V00000000', 'V0000004２', ' V00000042', 42]) {
      expect(isVolunteerNo(value)).toBe(false);
    }
  });
});
