// Every staff API call the admin console makes, bound to one session's bearer token (kept in memory only).

import { sendRequest, type ApiResult, type FetchFn } from './http.ts';
import type {
  Activity, ChainCheck, WorkUnitReport, Approval, ApprovalDecision, Close, CreatedKiosk, FamilyLink, Kiosk, NewActivity, NewService, PersonBalances, PersonView, ReconciliationItem,
  RevealedPerson, Service, Session, Station, StationSettings, StationSettingsChange,
} from './types.ts';

export type StaffApi = ReturnType<typeof createStaffApi>;

export function logIn(fetchFn: FetchFn, username: string, password: string): Promise<ApiResult<Session>> {
  return sendRequest<Session>(fetchFn, { method: 'POST', path: '/api/v1/staff/sessions', body: { username, password } });
}

export function createStaffApi(fetchFn: FetchFn, token: string) {
  const call = <T>(method: string, path: string, body?: unknown) => sendRequest<T>(fetchFn, { method, path, token, ...(body !== undefined && { body }) });
  const station = (stationId: string) => `/api/v1/stations/${encodeURIComponent(stationId)}`;
  const range = (stationId: string, from: string, to: string) =>
    `stationId=${encodeURIComponent(stationId)}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  const csv = (path: string) => sendRequest<string>(fetchFn, { method: 'GET', path, token, accept: 'csv' });
  const person = (personId: string) => `/api/v1/people/${encodeURIComponent(personId)}`;
  return {
    logOut: () => call<{ ok: true }>('DELETE', '/api/v1/staff/sessions/current'),
    listStations: () => call<{ stations: Station[] }>('GET', '/api/v1/stations'),
    listKiosks: (stationId: string) => call<{ kiosks: Kiosk[] }>('GET', `/api/v1/kiosks?stationId=${encodeURIComponent(stationId)}`),
    createKiosk: (stationId: string, name: string) => call<CreatedKiosk>('POST', '/api/v1/kiosks', { stationId, name }),
    revokeKiosk: (kioskId: string) => call<{ kiosk: Kiosk }>('POST', `/api/v1/kiosks/${encodeURIComponent(kioskId)}/revocation`),
    listApprovals: (stationId: string) => call<{ approvals: Approval[] }>('GET', `/api/v1/approvals?stationId=${encodeURIComponent(stationId)}`),
    decideApproval: (attendanceId: string, decision: 'approve' | 'reject', minutes?: number) =>
      call<ApprovalDecision>('POST', `/api/v1/approvals/${encodeURIComponent(attendanceId)}/${decision}`, minutes === undefined ? {} : { minutes }),
    createClose: (stationId: string, businessDate: string) => call<{ close: Close }>('POST', `${station(stationId)}/closes`, { businessDate }),
    readClose: (stationId: string, businessDate: string) => call<{ close: Close }>('GET', `${station(stationId)}/closes/${businessDate}`),
    /** The printable page needs the bearer token, so it is fetched as text and opened as a blob (see closes/print-close.ts). */
    readClosePrintPage: (stationId: string, businessDate: string) =>
      sendRequest<string>(fetchFn, { method: 'GET', path: `${station(stationId)}/closes/${businessDate}/print`, token, accept: 'text' }),
    listOpenItems: (stationId: string) => call<{ items: ReconciliationItem[] }>('GET', `/api/v1/reconciliation?stationId=${encodeURIComponent(stationId)}&status=open`),
    listActivities: (stationId: string, date: string) =>
      call<{ activities: Activity[] }>('GET', `/api/v1/activities?stationId=${encodeURIComponent(stationId)}&date=${encodeURIComponent(date)}`),
    createActivity: (activity: NewActivity) => call<{ activity: Activity }>('POST', '/api/v1/activities', activity),
    listServices: (stationId: string) => call<{ services: Service[] }>('GET', `/api/v1/services?stationId=${encodeURIComponent(stationId)}`),
    createService: (service: NewService) => call<{ service: Service }>('POST', '/api/v1/services', service),
    retireService: (serviceId: string) => call<{ service: Service }>('POST', `/api/v1/services/${encodeURIComponent(serviceId)}/retirement`),
    /** One page of the station's people, masked, in id order; `afterId` is the previous page's `nextAfterId`. */
    listPeople: (stationId: string, afterId: string | null, limit: number) =>
      call<{ people: PersonView[]; nextAfterId: string | null }>('GET', `/api/v1/people?stationId=${encodeURIComponent(stationId)}&limit=${limit}${afterId === null ? '' : `&afterId=${encodeURIComponent(afterId)}`}`),
    /** The query may be an ID or phone number: it goes in the body, never in the URL. */
    searchPeople: (stationId: string, query: string) => call<{ kind: string | null; people: PersonView[] }>('POST', '/api/v1/people/search', { stationId, query }),
    readPerson: (personId: string) => call<{ person: PersonView; familyLinks: FamilyLink[] }>('GET', person(personId)),
    readBalances: (personId: string) => call<PersonBalances>('GET', `${person(personId)}/balances`),
    /** Audited on the server; the answer is shown in the reveal dialog only and never kept afterwards. */
    revealPerson: (personId: string, reason: string) => call<RevealedPerson>('POST', `${person(personId)}/reveal`, { reason }),
    /** CSV answers need the bearer token, so they are fetched as text and saved through a blob (reports/download.ts). */
    exportTransactionsCsv: (stationId: string, from: string, to: string) => csv(`/api/v1/ledger/export.csv?${range(stationId, from, to)}`),
    readWorkUnitReport: (stationId: string, from: string, to: string) => call<WorkUnitReport>('GET', `/api/v1/reports/work-units?${range(stationId, from, to)}`),
    workUnitReportCsv: (stationId: string, from: string, to: string) => csv(`/api/v1/reports/work-units.csv?${range(stationId, from, to)}`),
    verifyLedger: () => call<ChainCheck>('GET', '/api/v1/ledger/verify'),
    verifyAudit: () => call<ChainCheck>('GET', '/api/v1/audit/verify'),
    readStationSettings: (stationId: string) => call<{ settings: StationSettings }>('GET', `${station(stationId)}/settings`),
    /** Sends only the given settings; null puts a numeric one back to its default. */
    changeStationSettings: (stationId: string, change: StationSettingsChange) => call<{ settings: StationSettings }>('PATCH', `${station(stationId)}/settings`, change),
    resolveItem: (itemId: string, note: string) => call<{ item: ReconciliationItem }>('POST', `/api/v1/reconciliation/${encodeURIComponent(itemId)}/resolve`, { note }),
  };
}
