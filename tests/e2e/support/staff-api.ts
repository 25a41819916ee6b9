// A staff member's calls to the service for test set-up: log in as the bootstrap admin, find the station,
// create activities, services and a kiosk enrolment code (the admin app's job in real life).

export type Staff = { token: string; stationId: string; stationName: string; call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> };

export async function logInAdmin(baseUrl: string, password: string): Promise<Staff> {
  const login = await fetch(`${baseUrl}/api/v1/staff/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
  if (login.status !== 201) throw new Error(`staff login failed: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(baseUrl + path, { method, headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : JSON.parse(text) };
  };
  const stations = await call('GET', '/api/v1/stations');
  const station = stations.body?.stations?.[0] as { id: string; name: string } | undefined;
  if (!station) throw new Error(`no station visible to admin: ${JSON.stringify(stations.body)}`);
  return { token, stationId: station.id, stationName: station.name, call };
}

export async function createEnrollmentCode(staff: Staff, name = '一号一体机'): Promise<{ kioskId: string; enrollmentCode: string }> {
  const created = await staff.call('POST', '/api/v1/kiosks', { stationId: staff.stationId, name });
  if (created.status !== 201) throw new Error(`kiosk create failed: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body as { kioskId: string; enrollmentCode: string };
}
