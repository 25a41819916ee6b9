// Proves the maintenance PIN is checked against a salted hash: the right PIN passes, another fails, bad shapes are refused.
import { describe, expect, it } from 'vitest';
import { hashPin, isValidPin, verifyPin } from './maintenance-pin.ts';

describe('maintenance PIN', () => {
  it('verifies the PIN it hashed and rejects another', async () => {
    const stored = await hashPin('2468', undefined, 1_000);
    expect(await verifyPin('2468', stored)).toBe(true);
    expect(await verifyPin('2469', stored)).toBe(false);
    expect(JSON.stringify(stored)).not.toContain('2468');
  });

  it('accepts 4 to 8 digits only', () => {
    expect(['1234', '12345678'].map(isValidPin)).toEqual([true, true]);
    expect(['123', '123456789', '12a4'].map(isValidPin)).toEqual([false, false, false]);
  });
});
