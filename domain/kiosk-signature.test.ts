// Proves the signing string is exactly design §5's five lines and base64url round-trips without padding.
import { describe, expect, it } from 'vitest';
import { buildSigningString, decodeBase64Url, encodeBase64Url } from './kiosk-signature.ts';

describe('buildSigningString', () => {
  it('joins method, path with query, timestamp, nonce and body hash with newlines', () => {
    const text = buildSigningString({ method: 'post', pathWithQuery: '/api/v1/identify?x=1', timestampMs: 1700000000000, nonce: 'n1', bodySha256B64url: 'abc' });
    expect(text).toBe('POST\n/api/v1/identify?x=1\n1700000000000\nn1\nabc');
  });
});

describe('base64url', () => {
  it('encodes without padding using - and _', () => {
    expect(encodeBase64Url(new Uint8Array([251, 255, 191]))).toBe('-_-_');
    expect(encodeBase64Url(new Uint8Array([1]))).toBe('AQ');
  });

  it('round-trips every length from 0 to 40 bytes', () => {
    for (let length = 0; length <= 40; length++) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 37 + length) % 256);
      expect(decodeBase64Url(encodeBase64Url(bytes))).toEqual(bytes);
    }
  });

  it('rejects text outside the alphabet or of impossible length', () => {
    expect(decodeBase64Url('a+b')).toBeNull();
    expect(decodeBase64Url('abcde')).toBeNull();
  });
});
