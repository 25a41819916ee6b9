// Fuzzes the member-QR parser: it never throws, answers only its typed codes, accepts only text that
// formats back identically, and round-trips every valid code. Runs FUZZ_RUNS cases (default 100,000).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMemberQr, parseMemberQr, type MemberQrCode } from './member-qr.ts';
import { formatVolunteerNo, volunteerNoSequenceMax } from './volunteer-no.ts';

const numRuns = Number(process.env.FUZZ_RUNS ?? 100_000);
const codes: readonly MemberQrCode[] = ['qr_too_long', 'qr_format', 'qr_version', 'qr_volunteer_no', 'qr_signature'];

const volunteerNo = fc.integer({ min: 1, max: volunteerNoSequenceMax }).map(formatVolunteerNo);
const signature = fc.uint8Array({ minLength: 16, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('base64url'));
const validQr = fc.tuple(volunteerNo, signature).map(([number, sig]) => formatMemberQr(number, sig));

// Near-valid text: a valid code with one edit (insert, delete or replace a character) from a hostile alphabet.
const hostileChar = fc.constantFrom('.', '=', '+', '/', ' ', '\n', 'L', 'l', 'V', 'v', '0', '9', '-', '_', '１', '\u0000', '𠀀');
const nearValidQr = fc
  .tuple(validQr, fc.nat(), hostileChar, fc.constantFrom('insert', 'delete', 'replace'))
  .map(([text, at, char, edit]) => {
    const index = at % (text.length + 1);
    if (edit === 'insert') return text.slice(0, index) + char + text.slice(index);
    if (edit === 'delete') return text.slice(0, index) + text.slice(index + 1);
    return text.slice(0, index) + char + text.slice(index + 1);
  });

function assertParsesSafely(text: string): void {
  const result = parseMemberQr(text);
  if (result.ok) {
    expect(formatMemberQr(result.value.volunteerNo, result.value.signature)).toBe(text);
  } else {
    expect(codes).toContain(result.code);
  }
}

describe('parseMemberQr under fuzzing', () => {
  it('never throws and returns only typed codes on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 100 }), assertParsesSafely), { numRuns });
  });

  it('never throws and returns only typed codes on near-valid strings', () => {
    fc.assert(fc.property(nearValidQr, assertParsesSafely), { numRuns });
  });

  it('round-trips every valid code', () => {
    fc.assert(
      fc.property(volunteerNo, signature, (number, sig) => {
        expect(parseMemberQr(formatMemberQr(number, sig))).toEqual({ ok: true, value: { volunteerNo: number, signature: sig } });
      }),
      { numRuns },
    );
  });
});
