// The kiosk protocol v1 signing string (design §5), shared by the kiosk (signs) and the ledger (verifies).
// Pure: builds strings and encodes bytes; hashing and signing happen with WebCrypto at the edges.

/** Header names of a signed kiosk request. */
export const kioskHeaders = {
  kioskId: 'X-Kiosk-Id',
  timestamp: 'X-Kiosk-Timestamp',
  nonce: 'X-Kiosk-Nonce',
  signature: 'X-Kiosk-Signature',
} as const;

/** How far a kiosk's timestamp may be from server time, either way. */
export const kioskClockSkewMsMax = 5 * 60 * 1000;

export type SigningInput = {
  method: string;
  /** Path plus query exactly as sent, e.g. `/api/v1/activities?stationId=X`. */
  pathWithQuery: string;
  /** Milliseconds since the epoch, the time of sending. */
  timestampMs: number;
  nonce: string;
  /** BASE64URL(SHA-256(body)); the empty body hashes the empty string. */
  bodySha256B64url: string;
};

/** `METHOD\nPATH_WITH_QUERY\nTIMESTAMP\nNONCE\nBASE64URL(SHA-256(body))`, method upper-cased. */
export function buildSigningString(input: SigningInput): string {
  return [input.method.toUpperCase(), input.pathWithQuery, String(input.timestampMs), input.nonce, input.bodySha256B64url].join('\n');
}

/** Base64url without padding (RFC 4648 §5). */
export function encodeBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes base64url (padding optional); null when the text is not base64url. */
export function decodeBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
