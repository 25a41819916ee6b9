// The member QR code (rule 17): `LL1.<volunteerNo>.<signature>`, no personal data. Strict parsing only; the
// ledger computes and verifies the signature (HMAC over `memberQrSignedText`). Pure.

import { assert } from './assert.ts';
import { err, ok, type Result } from './result.ts';
import { isVolunteerNo } from './volunteer-no.ts';
import { memberQrCharsMax, memberQrSignatureCharsMax, memberQrSignatureCharsMin } from './limits.ts';

export const memberQrVersion = 'LL1';

export type MemberQr = { readonly volunteerNo: string; readonly signature: string };

export type MemberQrCode =
  | 'qr_too_long' // longer than memberQrCharsMax characters
  | 'qr_format' // not three dot-separated parts starting with `LL<digits>`
  | 'qr_version' // a Linli code of another version than LL1
  | 'qr_volunteer_no' // the middle part is not a volunteer number
  | 'qr_signature'; // not 22–43 base64url characters of a whole number of bytes

/** The text the ledger signs for a member QR: `LL1.<volunteerNo>`. Asserts the volunteer number. */
export function memberQrSignedText(volunteerNo: string): string {
  assert(isVolunteerNo(volunteerNo), 'memberQrSignedText: bad volunteer number');
  return `${memberQrVersion}.${volunteerNo}`;
}

/** Builds the QR text. Asserts both parts are well formed, so whatever this returns parses back. */
export function formatMemberQr(volunteerNo: string, signatureB64url: string): string {
  assert(isMemberQrSignature(signatureB64url), 'formatMemberQr: bad signature');
  return `${memberQrSignedText(volunteerNo)}.${signatureB64url}`;
}

/**
 * Parses scanned text strictly: no surrounding spaces, no lower-case prefix, no padding `=`. Never throws.
 * Checks run cheapest first: length, shape, version, volunteer number, signature alphabet and length.
 */
export function parseMemberQr(text: unknown): Result<MemberQr, MemberQrCode> {
  if (typeof text !== 'string') return err('qr_format');
  if (text.length > memberQrCharsMax) return err('qr_too_long');
  const parts = text.split('.');
  if (parts.length !== 3) return err('qr_format');
  const [version, volunteerNo, signature] = parts as [string, string, string];
  if (!/^LL\d{1,3}$/.test(version)) return err('qr_format');
  if (version !== memberQrVersion) return err('qr_version');
  if (!isVolunteerNo(volunteerNo)) return err('qr_volunteer_no');
  if (!isMemberQrSignature(signature)) return err('qr_signature');
  return ok({ volunteerNo, signature });
}

/** Unpadded base64url of 16 to 32 bytes: 22–43 characters, never a length ≡ 1 (mod 4). */
export function isMemberQrSignature(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= memberQrSignatureCharsMin &&
    value.length <= memberQrSignatureCharsMax &&
    value.length % 4 !== 1 &&
    /^[A-Za-z0-9_-]+$/.test(value)
  );
}
