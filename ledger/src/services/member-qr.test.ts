// Proves member QR signing on top of the domain format: a signed code parses with domain parseMemberQr and verifies;
// altered, re-signed-with-another-key, truncated or malformed codes do not.

import { describe, expect, it } from 'vitest';
import { parseMemberQr } from '../../../domain/member-qr.ts';
import { deriveKeys } from './crypto.ts';
import { signMemberQr, verifyMemberQr } from './member-qr.ts';

const keys = await deriveKeys('member-qr-test-secret-0123456789-abcdef');
const otherKeys = await deriveKeys('member-qr-other-secret-0123456789-abcde');

describe('member QR signatures', () => {
  it('signs in the domain format and verifies to the volunteer number', async () => {
    const qr = await signMemberQr(keys, 'V00000042');
    expect(parseMemberQr(qr)).toMatchObject({ ok: true, value: { volunteerNo: 'V00000042' } });
    expect(qr).toMatch(/^LL1\.V00000042\.[A-Za-z0-9_-]{22}$/);
    expect(await verifyMemberQr(keys, qr)).toBe('V00000042');
    expect(await verifyMemberQr(keys, ` ${qr}\n`)).toBe('V00000042');
  });

  it('refuses another volunteer number under the same signature, and another key', async () => {
    const qr = await signMemberQr(keys, 'V00000042');
    expect(await verifyMemberQr(keys, qr.replace('V00000042', 'V00000043'))).toBeNull();
    expect(await verifyMemberQr(keys, await signMemberQr(otherKeys, 'V00000042'))).toBeNull();
  });

  it('refuses malformed codes (domain parse failures and signatures of the wrong length)', async () => {
    const qr = await signMemberQr(keys, 'V00000042');
    for (const text of ['', 'LL1.V00000042', 'LL2.V00000042.' + qr.split('.')[2], 'LL1.V0042.' + qr.split('.')[2], qr + 'AAAA', qr.slice(0, -1), 'x'.repeat(500)]) {
      expect(await verifyMemberQr(keys, text)).toBeNull();
    }
  });
});
