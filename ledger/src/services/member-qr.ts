// Member QR codes (rule 17): the format is domain/member-qr.ts (`LL1.<volunteerNo>.<signature>`); this file only
// signs and verifies. The signature is the first 16 bytes (128 bits) of HMAC-SHA-256 over the signed text, base64url.

import { decodeBase64Url, encodeBase64Url } from '../../../domain/kiosk-signature.ts';
import { formatMemberQr, memberQrSignedText, parseMemberQr } from '../../../domain/member-qr.ts';
import { equalTexts, type Keys } from './crypto.ts';

const signatureBytes = 16;

export async function signMemberQr(keys: Keys, volunteerNo: string): Promise<string> {
  return formatMemberQr(volunteerNo, await qrSignature(keys, volunteerNo));
}

/** The volunteer number of a genuine member QR, or null for anything forged, altered or malformed. */
export async function verifyMemberQr(keys: Keys, text: string): Promise<string | null> {
  const parsed = parseMemberQr(text.trim());
  if (!parsed.ok || decodeBase64Url(parsed.value.signature)?.length !== signatureBytes) return null;
  return equalTexts(parsed.value.signature, await qrSignature(keys, parsed.value.volunteerNo)) ? parsed.value.volunteerNo : null;
}

async function qrSignature(keys: Keys, volunteerNo: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', keys.qrKey, new TextEncoder().encode(memberQrSignedText(volunteerNo))));
  return encodeBase64Url(mac.slice(0, signatureBytes));
}
