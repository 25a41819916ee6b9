// The kiosk's calls to the service over the signed client (design §5), with answers parsed into flow types.
// Reads return plain values and throw on network errors; writes go through the outbox's transport.

import type { Activity, IdentifyRequest, LedgerEntry, Resident, Service } from '../flow/types.ts';
import type { Transport } from '../outbox/types.ts';
import type { SignedClient } from './signed-client.ts';

export type IdentifyAnswer = { ok: true; resident: Resident } | { ok: false; code: string };
/** The service's heartbeat body (routes/kiosks.ts): paper state, reader presence, queued writes, app version. */
export type Heartbeat = { printerPaper: 'ok' | 'low' | 'out' | 'unknown'; readerPresent: boolean; outboxLength: number; appVersion: string };

export type KioskApi = ReturnType<typeof createKioskApi>;

export function createKioskApi(client: SignedClient, stationId: string) {
  return {
    async identify(request: IdentifyRequest): Promise<IdentifyAnswer> {
      // Data minimisation: a card is looked up by its number alone; name and address never leave the kiosk here.
      const body = 'card' in request ? { card: { idNumber: request.card.idNumber } } : request;
      const answer = await client.request('POST', '/api/v1/identify', body);
      if (answer.status !== 200) return { ok: false, code: codeOf(answer.body, answer.status) };
      const found = answer.body as Partial<Resident> | null;
      if (!found?.person?.id || !found.balances) return { ok: false, code: 'bad_answer' };
      return { ok: true, resident: { person: found.person, balances: found.balances, openAttendances: found.openAttendances ?? [] } };
    },
    /** Activities overlapping `days` business days from `date` (the service answers 1 to 31; it assumes 1). */
    async activities(date: string, days?: number): Promise<Activity[]> {
      const span = days === undefined ? '' : `&days=${days}`;
      const answer = await client.request('GET', `/api/v1/activities?stationId=${encodeURIComponent(stationId)}&date=${date}${span}`);
      return listOf<Activity>(answer.body, 'activities').filter((activity) => typeof activity.id === 'string');
    },
    async services(): Promise<Service[]> {
      const answer = await client.request('GET', `/api/v1/services?stationId=${encodeURIComponent(stationId)}`);
      return listOf<Service>(answer.body, 'services').filter((service) => typeof service.id === 'string' && (service as { status?: string }).status !== 'inactive');
    },
    /** Recent ledger entries of one person; an older service without the route answers 404, shown as none. */
    async history(personId: string, limit = 5): Promise<LedgerEntry[]> {
      const answer = await client.request('GET', `/api/v1/people/${encodeURIComponent(personId)}/entries?limit=${limit}`);
      return answer.status === 200 ? listOf<LedgerEntry>(answer.body, 'entries') : [];
    },
    /** The signed member QR text `LL1.<volunteerNo>.<signature>`; null when the service cannot give one. */
    async memberQr(personId: string): Promise<string | null> {
      const answer = await client.request('GET', `/api/v1/people/${encodeURIComponent(personId)}/member-qr`);
      const body = answer.body as { memberQr?: unknown; qr?: unknown } | null;
      const qr = body?.memberQr ?? body?.qr;
      return answer.status === 200 && typeof qr === 'string' ? qr : null;
    },
    /** The kiosk's own station (a signed kiosk sees only its own); null when the answer lacks it. */
    async stationName(): Promise<string | null> {
      const answer = await client.request('GET', '/api/v1/stations');
      const station = listOf<{ id?: unknown; name?: unknown }>(answer.body, 'stations').find((candidate) => candidate.id === stationId);
      return typeof station?.name === 'string' ? station.name : null;
    },
    async heartbeat(report: Heartbeat): Promise<{ stationName: string | null }> {
      const answer = await client.request('POST', '/api/v1/kiosks/heartbeat', report);
      const body = answer.body as { stationName?: unknown } | null;
      return { stationName: typeof body?.stationName === 'string' ? body.stationName : null };
    },
    transport: ((path, body) => client.request('POST', path, body)) satisfies Transport,
  };
}

export type Enrollment = { kioskId: string; stationId: string; stationName: string | null };

/** Enrols with a one-time code from the admin app (unsigned: the kiosk has no identity yet). */
export async function enroll(baseUrl: string, enrollmentCode: string, publicKeyJwk: JsonWebKey, doFetch: typeof fetch = fetch): Promise<{ ok: true; value: Enrollment } | { ok: false; code: string }> {
  const response = await doFetch(`${baseUrl}/api/v1/kiosks/enroll`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ enrollmentCode, publicKeyJwk }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json().catch(() => null)) as { kioskId?: unknown; stationId?: unknown; stationName?: unknown } | null;
  if (response.status !== 201 || typeof body?.kioskId !== 'string' || typeof body.stationId !== 'string') return { ok: false, code: codeOf(body, response.status) };
  return { ok: true, value: { kioskId: body.kioskId, stationId: body.stationId, stationName: typeof body.stationName === 'string' ? body.stationName : null } };
}

function listOf<T>(body: unknown, key: string): T[] {
  const list = (body as Record<string, unknown> | null)?.[key];
  return Array.isArray(list) ? (list as T[]) : [];
}

function codeOf(body: unknown, status: number): string {
  const code = (body as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : `http_${status}`;
}
