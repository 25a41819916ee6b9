// Proves ids are 26-char Crockford base32, time-ordered, and strictly increasing within one millisecond.
import { describe, expect, it } from 'vitest';
import { createIdGenerator, idTimeMs, isId } from './ids.ts';

const fixedRandom = (fill: number) => (count: number) => new Uint8Array(count).fill(fill);

describe('createIdGenerator', () => {
  it('encodes the clock in the first ten characters', () => {
    const next = createIdGenerator(() => 1_700_000_000_000, fixedRandom(0));
    const id = next();
    expect(isId(id)).toBe(true);
    expect(idTimeMs(id)).toBe(1_700_000_000_000);
  });

  it('makes strictly increasing ids within one millisecond and when the clock steps back', () => {
    let now = 5_000;
    const next = createIdGenerator(() => now, fixedRandom(255 - 1));
    const first = next();
    const second = next();
    now = 4_000;
    const third = next();
    expect(second > first).toBe(true);
    expect(third > second).toBe(true);
  });

  it('orders ids of later milliseconds after earlier ones', () => {
    let now = 1;
    const next = createIdGenerator(() => now, fixedRandom(255));
    const early = next();
    now = 2;
    expect(next() > early).toBe(true);
  });

  it('rejects non-ids', () => {
    expect(isId('not-an-id')).toBe(false);
    expect(isId('8ZZZZZZZZZZZZZZZZZZZZZZZZZ')).toBe(false);
  });
});
