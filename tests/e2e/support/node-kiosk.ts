// A second kiosk of the station, driven from Node with real signed requests (protocol v1): the journeys use it to
// record a resident's check-in at an earlier time as an offline upload, so a browser check-out credits real minutes.

import { createIdGenerator } from '../../../domain/ids.ts';
import { makeTestKiosk } from '../../support/kiosk-signer.ts';
import { createEnrollmentCode, type Staff } from './staff-api.ts';

export type NodeKioskAnswer = { status: number; body: any };

export type NodeKiosk = {
  kioskId: string;
  /** A signed kiosk write with a fresh id and the next kioskSeq, sent as an offline upload that happened at `occurredAtMs`. */
  writeOffline(path: string, fields: Record<string, unknown>, occurredAtMs: number): Promise<NodeKioskAnswer>;
};

/** `enrollmentCode`: enrol with a code made elsewhere (the admin console's e2e reads one from the page) instead of a new one. */
export async function enrollNodeKiosk(baseUrl: string, staff: Staff, name = '二号一体机', enrollmentCode?: string): Promise<NodeKiosk> {
  const signer = await makeTestKiosk();
  enrollmentCode ??= (await createEnrollmentCode(staff, name)).enrollmentCode;
  const enrolled = await fetch(`${baseUrl}/api/v1/kiosks/enroll`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ enrollmentCode, publicKeyJwk: signer.publicKeyJwk }) });
  if (enrolled.status !== 201) throw new Error(`node kiosk enrolment failed: ${enrolled.status} ${await enrolled.text()}`);
  signer.kioskId = ((await enrolled.json()) as { kioskId: string }).kioskId;
  const nextId = createIdGenerator(Date.now, (count) => crypto.getRandomValues(new Uint8Array(count)));
  let kioskSeq = 0;

  async function post(path: string, body: unknown): Promise<NodeKioskAnswer> {
    const text = JSON.stringify(body);
    const headers = await signer.sign({ method: 'POST', pathWithQuery: path, body: text, timestampMs: Date.now() });
    const response = await fetch(baseUrl + path, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: text });
    const answer = await response.text();
    return { status: response.status, body: answer === '' ? null : JSON.parse(answer) };
  }

  return {
    kioskId: signer.kioskId,
    writeOffline: (path, fields, occurredAtMs) => post(path, { id: nextId(), kioskSeq: ++kioskSeq, occurredAt: new Date(occurredAtMs).toISOString(), offline: true, ...fields }),
  };
}
