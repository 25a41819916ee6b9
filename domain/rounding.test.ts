// Proves rule 3: exact, down, nearest and up rounding to 5/10/15/30 minutes, default down to 15.
import { describe, expect, it } from 'vitest';
import { isRounding, roundMinutes } from './rounding.ts';

describe('roundMinutes', () => {
  it('rounds down to 15 by default', () => {
    expect(roundMinutes(44)).toBe(30);
    expect(roundMinutes(45)).toBe(45);
    expect(roundMinutes(14)).toBe(0);
  });

  it('keeps exact minutes in exact mode', () => {
    expect(roundMinutes(44, { mode: 'exact' })).toBe(44);
  });

  it('rounds up to the next step, leaving exact multiples alone (limit)', () => {
    expect(roundMinutes(31, { mode: 'up', stepMinutes: 30 })).toBe(60);
    expect(roundMinutes(30, { mode: 'up', stepMinutes: 30 })).toBe(30);
    expect(roundMinutes(0, { mode: 'up', stepMinutes: 5 })).toBe(0);
  });

  it('rounds half up in nearest mode', () => {
    expect(roundMinutes(7, { mode: 'nearest', stepMinutes: 15 })).toBe(0);
    expect(roundMinutes(8, { mode: 'nearest', stepMinutes: 15 })).toBe(15);
    expect(roundMinutes(5, { mode: 'nearest', stepMinutes: 10 })).toBe(10);
    expect(roundMinutes(4, { mode: 'nearest', stepMinutes: 10 })).toBe(0);
  });

  it('asserts on negative or fractional minutes', () => {
    expect(() => roundMinutes(-1)).toThrow();
    expect(() => roundMinutes(1.5)).toThrow();
  });
});

describe('isRounding', () => {
  it('accepts the allowed settings and refuses other steps or modes', () => {
    expect(isRounding({ mode: 'exact' })).toBe(true);
    expect(isRounding({ mode: 'nearest', stepMinutes: 30 })).toBe(true);
    expect(isRounding({ mode: 'down', stepMinutes: 20 })).toBe(false);
    expect(isRounding({ mode: 'sideways', stepMinutes: 15 })).toBe(false);
    expect(isRounding(null)).toBe(false);
  });
});
