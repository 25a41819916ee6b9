// A second kiosk of the same station, driven from Node with real signed requests: it registers the bench's resident
// and checks them in (an hour ago, offline) before each timed check-out at the browser kiosk.

import { createIdGenerator } from '../../domain/ids.ts';
import { makeTestKiosk } from '../../tests/support/kiosk-signer.ts';
import { createEnrollmentCode, type Staff } from '../../tests/e2e/support/staff-api.ts';

export type NodeKiosk = {
  kioskId: string;
  /** A signed kiosk write with a fresh id and the next kioskSeq; `occurredAtMs` defaults to now. */
  write(path: string, fields: Record<string, unknown>, occurredAtMs?: number): Promise<{ status: number; body: any }>;
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
};

export async function enrollNodeKiosk(baseUrl: string, staff: Staff): Promise<NodeKiosk> {
  const signer = await makeTestKiosk();
  const { enrollmentCode } = await createEnrollmentCode(staff, '压测一体机');
  const enrolled = await fetch(`${baseUrl}/api/v1/kiosks/enroll`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ enrollmentCode, publicKeyJwk: signer.publicKeyJwk }) });
  if (enrolled.status !== 201) throw new Error(`node kiosk enrolment failed: ${enrolled.status} ${await enrolled.text()}`);
  signer.kioskId = ((await enrolled.json()) as { kioskId: string }).kioskId;
  const nextId = createIdGenerator(Date.now, (count) => crypto.getRandomValues(new Uint8Array(count)));
  let kioskSeq = 0;

  async function request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const headers = await signer.sign({ method, pathWithQuery: path, body: text, timestampMs: Date.now() });
    const response = await fetch(baseUrl + path, { method, headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) }, ...(body === undefined ? {} : { body: text }) });
    const answer = await response.text();
    return { status: response.status, body: answer === '' ? null : JSON.parse(answer) };
  }

  return {
    kioskId: signer.kioskId,
    request,
    write: (path, fields, occurredAtMs = Date.now()) => request('POST', path, { id: nextId(), kioskSeq: ++kioskSeq, occurredAt: new Date(occurredAtMs).toISOString(), ...fields }),
  };
}
