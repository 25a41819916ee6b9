// Proves the admin's API door: success values, the server's error codes, bodies without a code, operating errors as
// `network`, and the bearer token and JSON headers on what it sends.
import { describe, expect, it } from 'vitest';
import { readAnswer, sendRequest, type FetchFn } from './http.ts';
import { createStaffApi, logIn } from './staff-api.ts';

type Sent = { path: string; init: RequestInit };

function recordingFetch(answer: () => Response): { fetchFn: FetchFn; sent: Sent[] } {
  const sent: Sent[] = [];
  return { sent, fetchFn: async (path, init) => { sent.push({ path, init }); return answer(); } };
}

describe('readAnswer', () => {
  it('answers the parsed JSON of a 2xx and the raw text when text is asked for', () => {
    expect(readAnswer(201, '{"token":"t"}', 'json')).toEqual({ ok: true, status: 201, value: { token: 't' } });
    expect(readAnswer(200, '<html></html>', 'text')).toEqual({ ok: true, status: 200, value: '<html></html>' });
  });

  it('answers the server code and detail of an error body (429 too_many_attempts)', () => {
    expect(readAnswer(429, '{"code":"too_many_attempts"}', 'json')).toEqual({ ok: false, error: { status: 429, code: 'too_many_attempts' } });
    expect(readAnswer(422, '{"code":"invalid_input","detail":"name: too long"}', 'json')).toEqual({ ok: false, error: { status: 422, code: 'invalid_input', detail: 'name: too long' } });
  });

  it('answers http_<status> for an error body without a code', () => {
    expect(readAnswer(502, '<html>Bad gateway</html>', 'json')).toEqual({ ok: false, error: { status: 502, code: 'http_502' } });
    expect(readAnswer(500, '', 'json')).toEqual({ ok: false, error: { status: 500, code: 'http_500' } });
  });
});

describe('sendRequest', () => {
  it('turns a thrown fetch (offline) into the network code', async () => {
    const result = await sendRequest(async () => { throw new TypeError('Failed to fetch'); }, { method: 'GET', path: '/api/v1/stations' });
    expect(result).toEqual({ ok: false, error: { status: 0, code: 'network', detail: 'Failed to fetch' } });
  });

  it('sends the bearer token and a JSON body', async () => {
    const { fetchFn, sent } = recordingFetch(() => new Response('{"kioskId":"k","enrollmentCode":"C","expiresAt":"x"}', { status: 201 }));
    const api = createStaffApi(fetchFn, 'secret-token');
    const created = await api.createKiosk('st 1', '一号机');
    expect(created).toEqual({ ok: true, status: 201, value: { kioskId: 'k', enrollmentCode: 'C', expiresAt: 'x' } });
    const headers = sent[0]!.init.headers as Record<string, string>;
    expect(sent[0]!.path).toBe('/api/v1/kiosks');
    expect(headers.Authorization).toBe('Bearer secret-token');
    expect(headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(sent[0]!.init.body as string)).toEqual({ stationId: 'st 1', name: '一号机' });
  });

  it('logs in without a token and encodes path parameters', async () => {
    const { fetchFn, sent } = recordingFetch(() => new Response('{"code":"invalid_credentials"}', { status: 401 }));
    expect(await logIn(fetchFn, 'admin', 'wrong')).toEqual({ ok: false, error: { status: 401, code: 'invalid_credentials' } });
    expect((sent[0]!.init.headers as Record<string, string>).Authorization).toBeUndefined();
    await createStaffApi(fetchFn, 't').listApprovals('a/b');
    expect(sent[1]!.path).toBe('/api/v1/approvals?stationId=a%2Fb');
    expect(sent[1]!.init.body).toBeUndefined();
  });

  it('sends the catalogue and people calls to their paths, paging only when asked', async () => {
    const { fetchFn, sent } = recordingFetch(() => new Response('{}', { status: 200 }));
    const api = createStaffApi(fetchFn, 't');
    await api.listActivities('st1', '2026-11-22');
    await api.listPeople('st1', null, 50);
    await api.listPeople('st1', 'p 9', 50);
    await api.revealPerson('p1', '核对身份');
    await api.retireService('sv/1');
    expect(sent.map((request) => `${request.init.method} ${request.path}`)).toEqual([
      'GET /api/v1/activities?stationId=st1&date=2026-11-22',
      'GET /api/v1/people?stationId=st1&limit=50',
      'GET /api/v1/people?stationId=st1&limit=50&afterId=p%209',
      'POST /api/v1/people/p1/reveal',
      'POST /api/v1/services/sv%2F1/retirement',
    ]);
    expect(JSON.parse(sent[3]!.init.body as string)).toEqual({ reason: '核对身份' });
  });

  it('sends the 报表 calls to their paths with the range, asking CSV as text/csv and keeping its text', async () => {
    const { fetchFn, sent } = recordingFetch(() => new Response('\uFEFF账本序号,交易号\r\n', { status: 200, headers: { 'Content-Type': 'text/csv; charset=utf-8' } }));
    const api = createStaffApi(fetchFn, 't');
    const exported = await api.exportTransactionsCsv('st 1', '2026-11-01', '2026-11-22');
    expect(exported.ok && exported.value.replace(/^\uFEFF/, '')).toBe('账本序号,交易号\r\n');
    await api.workUnitReportCsv('st1', '2026-11-01', '2026-11-22');
    await api.verifyLedger();
    await api.verifyAudit();
    expect(sent.map((request) => `${request.init.method} ${request.path}`)).toEqual([
      'GET /api/v1/ledger/export.csv?stationId=st%201&from=2026-11-01&to=2026-11-22',
      'GET /api/v1/reports/work-units.csv?stationId=st1&from=2026-11-01&to=2026-11-22',
      'GET /api/v1/ledger/verify',
      'GET /api/v1/audit/verify',
    ]);
    expect((sent[0]!.init.headers as Record<string, string>).Accept).toBe('text/csv');
  });

  it('reads the 双报到 report as JSON and a CSV error body as its code', async () => {
    const { fetchFn, sent } = recordingFetch(() => new Response('{"code":"invalid_input","detail":"to: must be on or after from, at most 366 days"}', { status: 422 }));
    const api = createStaffApi(fetchFn, 't');
    expect(await api.exportTransactionsCsv('st1', '2024-01-01', '2026-11-22')).toEqual({ ok: false, error: { status: 422, code: 'invalid_input', detail: 'to: must be on or after from, at most 366 days' } });
    await api.readWorkUnitReport('st1', '2026-11-01', '2026-11-22');
    expect(sent[1]!.path).toBe('/api/v1/reports/work-units?stationId=st1&from=2026-11-01&to=2026-11-22');
    expect((sent[1]!.init.headers as Record<string, string>).Accept).toBe('application/json');
  });

  it('reads the station settings and PATCHes only the given fields, null meaning the default', async () => {
    const { fetchFn, sent } = recordingFetch(() => new Response('{"settings":{}}', { status: 200 }));
    const api = createStaffApi(fetchFn, 't');
    await api.readStationSettings('st 1');
    await api.changeStationSettings('st 1', { pairsPerDayMax: 2, timeStorageCapMinutes: null });
    expect(sent.map((request) => `${request.init.method} ${request.path}`)).toEqual(['GET /api/v1/stations/st%201/settings', 'PATCH /api/v1/stations/st%201/settings']);
    expect(sent[1]!.init.body).toBe('{"pairsPerDayMax":2,"timeStorageCapMinutes":null}');
  });
});
