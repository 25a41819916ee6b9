// A test kiosk: makes an ECDSA P-256 key pair with WebCrypto (as the real kiosk does) and signs requests
// exactly per protocol v1, so tests can send real signed requests and tamper with them.

import { buildSigningString, encodeBase64Url, kioskHeaders } from '../../domain/kiosk-signature.ts';

export type TestKiosk = {
  publicKeyJwk: JsonWebKey;
  /** Headers for a request; `overrides` lets tests tamper with what is signed versus what is sent. */
  sign(input: { method: string; pathWithQuery: string; body?: string; timestampMs: number; nonce?: string }): Promise<Record<string, string>>;
  kioskId: string;
};

let nonceCounter = 0;

export async function makeTestKiosk(): Promise<TestKiosk> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const publicKeyJwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const kiosk: TestKiosk = {
    publicKeyJwk: { kty: publicKeyJwk.kty, crv: publicKeyJwk.crv, x: publicKeyJwk.x, y: publicKeyJwk.y },
    kioskId: '',
    async sign({ method, pathWithQuery, body = '', timestampMs, nonce }) {
      const usedNonce = nonce ?? `nonce-${Date.now().toString(36)}-${(nonceCounter++).toString(36)}-${Math.random().toString(36).slice(2)}`;
      const bodyHash = encodeBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body))));
      const text = buildSigningString({ method, pathWithQuery, timestampMs, nonce: usedNonce, bodySha256B64url: bodyHash });
      const signature = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, new TextEncoder().encode(text)));
      return {
        [kioskHeaders.kioskId]: kiosk.kioskId,
        [kioskHeaders.timestamp]: String(timestampMs),
        [kioskHeaders.nonce]: usedNonce,
        [kioskHeaders.signature]: encodeBase64Url(signature),
      };
    },
  };
  return kiosk;
}
