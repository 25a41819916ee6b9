// A kiosk for the crash test: every write gets its id and kioskSeq before it is sent (as the real outbox persists
// them), is signed per protocol v1 and may be sent again with the same id and body after the server died.

import { createIdGenerator } from '../../domain/ids.ts';
import { makeTestKiosk, type TestKiosk } from './kiosk-signer.ts';

export type Json = Record<string, any>;
export type Answer = { status: number; body: Json };

/** One write as the kiosk's outbox holds it; `answer` is the first final answer (2xx or 409), if any arrived. */
export type OutboxEntry = { id: string; kioskSeq: number; step: number; path: string; body: Json; answer?: Answer };

/** `answer`: the server answered with a stored (final) outcome; `lost`: no final answer (connection died, 503). */
export type Delivery = { kind: 'answer'; answer: Answer } | { kind: 'lost'; reason: string };

export type CrashKiosk = {
  kioskId: string;
  entries: OutboxEntry[];
  /** Adds a write to the outbox with the next kioskSeq; `step` says what the workload meant it for. Nothing is sent yet. */
  makeWrite(step: number, path: string, fields: Json, occurredAtMs: number): OutboxEntry;
  /** Sends (or re-sends) a write; records the first final answer on the entry. */
  send(baseUrl: string, entry: OutboxEntry): Promise<Delivery>;
  signer: TestKiosk;
};

const newId = createIdGenerator(() => Date.now(), (count) => crypto.getRandomValues(new Uint8Array(count)));

export async function makeCrashKiosk(fetchTimeoutMs: number): Promise<CrashKiosk> {
  const signer = await makeTestKiosk();
  const kiosk: CrashKiosk = {
    get kioskId() { return signer.kioskId; },
    entries: [],
    signer,
    makeWrite(step, path, fields, occurredAtMs) {
      const entry: OutboxEntry = { id: newId(), kioskSeq: kiosk.entries.length + 1, step, path, body: {} };
      entry.body = { id: entry.id, kioskSeq: entry.kioskSeq, occurredAt: new Date(occurredAtMs).toISOString(), ...fields };
      kiosk.entries.push(entry);
      return entry;
    },
    async send(baseUrl, entry) {
      const text = JSON.stringify(entry.body);
      const headers = await signer.sign({ method: 'POST', pathWithQuery: entry.path, body: text, timestampMs: Date.now() });
      let response: Response;
      let body: Json;
      try {
        response = await fetch(baseUrl + entry.path, {
          method: 'POST', body: text, headers: { ...headers, 'Content-Type': 'application/json' }, signal: AbortSignal.timeout(fetchTimeoutMs),
        });
        body = (await response.json()) as Json;
      } catch (error) {
        return { kind: 'lost', reason: error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}` : String(error) };
      }
      if (response.status === 503) return { kind: 'lost', reason: `503 ${JSON.stringify(body)}` };
      const answer = { status: response.status, body };
      if (!isFinal(response.status)) throw new Error(`kiosk write ${entry.path} seq ${entry.kioskSeq} answered ${response.status} ${JSON.stringify(body)}`);
      entry.answer ??= answer;
      return { kind: 'answer', answer };
    },
  };
  return kiosk;
}

/** 2xx and 409 (a stored rejection or id_reused) are outcomes the kiosk may drop from its outbox. */
function isFinal(status: number): boolean {
  return (status >= 200 && status < 300) || status === 409;
}
