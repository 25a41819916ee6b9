// Signs and sends kiosk requests as design §5 says: X-Kiosk-Id, -Timestamp, -Nonce and an ECDSA P-256 signature
// over METHOD\nPATH\nTIMESTAMP\nNONCE\nBASE64URL(SHA-256(body)). Resyncs its clock from the Date header on 401.

import { buildSigningString, encodeBase64Url, kioskHeaders } from '../../../domain/kiosk-signature.ts';

export type Answer = { status: number; body: unknown };
export type SignedClient = {
  request(method: 'GET' | 'POST', pathWithQuery: string, body?: unknown): Promise<Answer>;
  clockOffsetMs(): number;
};

export type SignedClientDeps = {
  baseUrl: string;
  kioskId: string;
  privateKey: CryptoKey;
  fetch?: typeof fetch;
  nowMs?: () => number;
  subtle?: SubtleCrypto;
  randomBytes?: (count: number) => Uint8Array;
  requestTimeoutMs?: number;
};

export const requestTimeoutMsDefault = 8_000;
const nonceBytes = 16;
const encoder = new TextEncoder();

export function createSignedClient(deps: SignedClientDeps): SignedClient {
  const subtle = deps.subtle ?? crypto.subtle;
  const doFetch = deps.fetch ?? ((input, init) => fetch(input, init));
  const nowMs = deps.nowMs ?? Date.now;
  const randomBytes = deps.randomBytes ?? ((count: number) => crypto.getRandomValues(new Uint8Array(count)));
  let offsetMs = 0;

  async function request(method: 'GET' | 'POST', pathWithQuery: string, body?: unknown): Promise<Answer> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const timestampMs = Math.round(nowMs() + offsetMs);
    const nonce = encodeBase64Url(randomBytes(nonceBytes));
    const bodySha256B64url = encodeBase64Url(new Uint8Array(await subtle.digest('SHA-256', encoder.encode(text))));
    const signingString = buildSigningString({ method, pathWithQuery, timestampMs, nonce, bodySha256B64url });
    const signature = await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, deps.privateKey, encoder.encode(signingString));
    const headers: Record<string, string> = {
      [kioskHeaders.kioskId]: deps.kioskId,
      [kioskHeaders.timestamp]: String(timestampMs),
      [kioskHeaders.nonce]: nonce,
      [kioskHeaders.signature]: encodeBase64Url(new Uint8Array(signature)),
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await doFetch(deps.baseUrl + pathWithQuery, {
      method,
      headers,
      ...(body === undefined ? {} : { body: text }),
      signal: AbortSignal.timeout(deps.requestTimeoutMs ?? requestTimeoutMsDefault),
    });
    if (response.status === 401) resyncClock(response.headers.get('Date'));
    const answerText = await response.text();
    return { status: response.status, body: answerText === '' ? null : parseJson(answerText) };
  }

  /** A rejected timestamp usually means the kiosk clock drifted; the server's Date header sets the offset. */
  function resyncClock(dateHeader: string | null): void {
    const serverMs = dateHeader === null ? Number.NaN : Date.parse(dateHeader);
    if (Number.isFinite(serverMs)) offsetMs = serverMs - nowMs();
  }

  return { request, clockOffsetMs: () => offsetMs };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A non-JSON answer (a proxy's HTML error page) is reported as its text so the caller sees a code-less body.
    return { code: 'non_json_answer', detail: text.slice(0, 200) };
  }
}
