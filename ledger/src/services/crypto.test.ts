// Proves the derived keys are separate per purpose: a close signature and a member-QR signature over the same text
// differ, and the same secret derives the same keys again (signatures verify after a restart).

import { describe, expect, it } from 'vitest';
import { deriveKeys, hmacText } from './crypto.ts';

const secret = 'crypto-test-secret-0123456789-abcdefghij';

describe('deriveKeys', () => {
  it('derives a close-signing key apart from the member-QR key', async () => {
    const keys = await deriveKeys(secret);
    expect(await hmacText(keys.closeKey, 'same text')).not.toBe(await hmacText(keys.qrKey, 'same text'));
  });

  it('derives the same close key from the same secret', async () => {
    const [first, second] = [await deriveKeys(secret), await deriveKeys(secret)];
    expect(await hmacText(first.closeKey, 'close')).toBe(await hmacText(second.closeKey, 'close'));
  });

  it('refuses a secret shorter than 32 bytes', async () => {
    await expect(deriveKeys('short')).rejects.toThrow(/32 bytes/);
  });
});
