// Proves the kiosk signs requests verifiably per design §5 and resyncs its clock from the Date header after a 401.
import { describe, expect, it } from 'vitest';
import { buildSigningString, decodeBase64Url, encodeBase64Url } from '../../../domain/kiosk-signature.ts';
import { createKeyPair, signingAlgorithm } from './identity.ts';
import { createSignedClient } from './signed-client.ts';

type Seen = { url: string; init: RequestInit };

async function verify(seen: Seen, publicKeyJwk: JsonWebKey, pathWithQuery: string): Promise<boolean> {
  const headers = seen.init.headers as Record<string, string>;
  const body = typeof seen.init.body === 'string' ? seen.init.body : '';
  const bodyHash = encodeBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body))));
  const signingString = buildSigningString({ method: seen.init.method ?? 'GET', pathWithQuery, timestampMs: Number(headers['X-Kiosk-Timestamp']), nonce: headers['X-Kiosk-Nonce']!, bodySha256B64url: bodyHash });
  const key = await crypto.subtle.importKey('jwk', publicKeyJwk, signingAlgorithm, false, ['verify']);
  return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, new Uint8Array(decodeBase64Url(headers['X-Kiosk-Signature']!)!), new TextEncoder().encode(signingString));
}

describe('createSignedClient', () => {
  it('signs a POST so the public key verifies it, with a fresh nonce per request', async () => {
    const keys = await createKeyPair();
    const seen: Seen[] = [];
    const client = createSignedClient({ baseUrl: 'http://127.0.0.1:1', kioskId: 'K1', privateKey: keys.privateKey, nowMs: () => 1_000, fetch: async (url, init) => { seen.push({ url: String(url), init: init! }); return new Response('{"ok":true}', { status: 201 }); } });
    expect(await client.request('POST', '/api/v1/check-ins', { id: 'X', kioskSeq: 1 })).toEqual({ status: 201, body: { ok: true } });
    await client.request('GET', '/api/v1/activities?stationId=S1&date=2026-05-12');
    expect(await verify(seen[0]!, keys.publicKeyJwk, '/api/v1/check-ins')).toBe(true);
    expect(await verify(seen[1]!, keys.publicKeyJwk, '/api/v1/activities?stationId=S1&date=2026-05-12')).toBe(true);
    expect(await verify(seen[0]!, keys.publicKeyJwk, '/api/v1/check-outs')).toBe(false);
    const headers = seen.map((one) => one.init.headers as Record<string, string>);
    expect(headers[0]!['X-Kiosk-Id']).toBe('K1');
    expect(headers[0]!['X-Kiosk-Timestamp']).toBe('1000');
    expect(headers[0]!['X-Kiosk-Nonce']).not.toBe(headers[1]!['X-Kiosk-Nonce']);
  });

  it('makes the private key non-extractable', async () => {
    const keys = await createKeyPair();
    expect(keys.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', keys.privateKey)).rejects.toThrow();
  });

  it('moves its timestamps to the server clock after a 401', async () => {
    const keys = await createKeyPair();
    const stamps: string[] = [];
    const serverDate = new Date(Date.UTC(2026, 4, 12, 2, 0, 0));
    const client = createSignedClient({ baseUrl: '', kioskId: 'K1', privateKey: keys.privateKey, nowMs: () => serverDate.getTime() - 600_000, fetch: async (_, init) => {
      stamps.push((init!.headers as Record<string, string>)['X-Kiosk-Timestamp']!);
      return new Response('{"code":"timestamp_skew"}', { status: 401, headers: { Date: serverDate.toUTCString() } });
    } });
    await client.request('POST', '/api/v1/check-ins', {});
    await client.request('POST', '/api/v1/check-ins', {});
    expect(client.clockOffsetMs()).toBe(600_000);
    expect(Number(stamps[1])).toBe(serverDate.getTime());
  });
});
