// Member QR codes (rule 17): `LL1.<volunteerNo>.<signature>`, no personal data; the signature is the first
// 16 base64url characters (96 bits) of HMAC-SHA-256 over `LL1.<volunteerNo>` with the QR key.

import { equalTexts, hmacText } from './crypto.ts';
import type { Keys } from './crypto.ts';

const prefix = 'LL1';
const signatureChars = 16;
const qrCharsMax = 64;
const volunteerNoPattern = /^V\d{8}$/;

/** The public volunteer number for the n-th registered person (`V00000001`). */
export function formatVolunteerNo(sequence: number): string {
  return `V${String(sequence).padStart(8, '0')}`;
}

export async function signMemberQr(keys: Keys, volunteerNo: string): Promise<string> {
  return `${prefix}.${volunteerNo}.${await qrSignature(keys, volunteerNo)}`;
}

/** The volunteer number of a genuine member QR, or null for anything forged, altered or malformed. */
export async function verifyMemberQr(keys: Keys, text: string): Promise<string | null> {
  if (text.length > qrCharsMax) return null;
  const [head, volunteerNo, signature, ...rest] = text.trim().split('.');
  if (head !== prefix || !volunteerNo || !signature || rest.length > 0 || !volunteerNoPattern.test(volunteerNo)) return null;
  return equalTexts(signature, await qrSignature(keys, volunteerNo)) ? volunteerNo : null;
}

async function qrSignature(keys: Keys, volunteerNo: string): Promise<string> {
  return (await hmacText(keys.qrKey, `${prefix}.${volunteerNo}`)).slice(0, signatureChars);
}
