// Proves the member QR `LL1.<volunteerNo>.<signature>` formats and parses strictly, with a code per defect.
import { describe, expect, it } from 'vitest';
import { formatMemberQr, memberQrSignedText, parseMemberQr } from './member-qr.ts';

const signature = 'q1w2e3r4t5y6u7i8o9p0-_'; // 22 chars = 16 bytes
const text = `LL1.V00000042.${signature}`;

describe('member QR', () => {
  it('formats and parses a code', () => {
    expect(formatMemberQr('V00000042', signature)).toBe(text);
    expect(parseMemberQr(text)).toEqual({ ok: true, value: { volunteerNo: 'V00000042', signature } });
    expect(memberQrSignedText('V00000042')).toBe('LL1.V00000042');
  });

  it('accepts a 43-character (256-bit) signature at the limit and refuses 44', () => {
    expect(parseMemberQr(`LL1.V00000042.${'A'.repeat(43)}`).ok).toBe(true);
    expect(parseMemberQr(`LL1.V00000042.${'A'.repeat(44)}`)).toMatchObject({ code: 'qr_signature' });
    expect(parseMemberQr(`LL1.V00000042.${'A'.repeat(21)}`)).toMatchObject({ code: 'qr_signature' });
  });

  it('refuses other versions (qr_version) and other shapes (qr_format)', () => {
    expect(parseMemberQr(`LL2.V00000042.${signature}`)).toMatchObject({ code: 'qr_version' });
    for (const bad of ['', 'hello', `ll1.V00000042.${signature}`, `LL1.V00000042`, `LL1.V00000042.${signature}.x`, ` ${text}`]) {
      expect(parseMemberQr(bad)).toMatchObject({ ok: false, code: 'qr_format' });
    }
    expect(parseMemberQr(42)).toMatchObject({ code: 'qr_format' });
  });

  it('refuses a bad volunteer number and a padded or non-base64url signature', () => {
    expect(parseMemberQr(`LL1.V42.${signature}`)).toMatchObject({ code: 'qr_volunteer_no' });
    expect(parseMemberQr(`LL1.V00000042.${signature}==`)).toMatchObject({ code: 'qr_signature' });
    expect(parseMemberQr(`LL1.V00000042.${signature.slice(0, 21)}+`)).toMatchObject({ code: 'qr_signature' });
  });

  it('refuses anything longer than 64 characters before parsing (qr_too_long)', () => {
    expect(parseMemberQr(`${text}${'A'.repeat(64)}`)).toMatchObject({ code: 'qr_too_long' });
  });

  it('asserts when asked to format a malformed code', () => {
    expect(() => formatMemberQr('V42', signature)).toThrow();
    expect(() => formatMemberQr('V00000042', 'short')).toThrow();
  });
});
