// The authorization matrix: every route × every kind of caller → the expected outcome class. Requests target
// station A's objects. `ok` = any 2xx; 401 = not authenticated as the route requires; 403 = authenticated but
// not allowed (wrong role or another station). A test calls every cell; another fails on routes missing here.

export const principals = ['anonymous', 'kioskA', 'kioskB', 'clerkA', 'managerA', 'managerB', 'streetAdmin', 'auditor'] as const;
export type PrincipalName = (typeof principals)[number];
export type Expected = 'ok' | 401 | 403;

type Row = readonly [Expected, Expected, Expected, Expected, Expected, Expected, Expected, Expected];

//                          anonymous kioskA kioskB clerkA managerA managerB street auditor
const everyone: Row =       ['ok',    'ok',  'ok',  'ok',  'ok',    'ok',    'ok',  'ok'];
const anyStaff: Row =       [401,     401,   401,   'ok',  'ok',    'ok',    'ok',  'ok'];
const staffReaders: Row =   [401,     401,   401,   403,   403,     403,     'ok',  'ok'];
const staffManagers: Row =  [401,     401,   401,   403,   403,     403,     'ok',  403];
const anyoneSigned: Row =   [401,     'ok',  'ok',  'ok',  'ok',    'ok',    'ok',  'ok'];
const stationReaders: Row = [401,     'ok',  403,   'ok',  'ok',    403,     'ok',  'ok'];
const stationWriters: Row = [401,     401,   401,   'ok',  'ok',    403,     'ok',  403];
const peopleReaders: Row =  [401,     401,   401,   'ok',  'ok',    403,     'ok',  'ok'];
const registrars: Row =     [401,     'ok',  'ok',  'ok',  'ok',    403,     'ok',  403];
const revealers: Row =      [401,     401,   401,   403,   'ok',    403,     'ok',  403];
const kioskManagers: Row =  [401,     401,   401,   403,   'ok',    403,     'ok',  403];
const kiosksOnly: Row =     [401,     'ok',  'ok',  401,   401,     401,     401,   401];
const auditors: Row =       [401,     401,   401,   403,   403,     403,     403,   'ok'];
const kioskWriters: Row =   [401,     'ok',  'ok',  401,   401,     401,     401,   401];
const publicReaders: Row =  ['ok',    'ok',  'ok',  'ok',  'ok',    'ok',    'ok',  'ok'];
const approvers: Row =      [401,     401,   401,   403,   'ok',    403,     'ok',  403];
const ledgerReaders: Row =  [401,     401,   401,   'ok',  'ok',    403,     'ok',  'ok'];
const feedReaders: Row =    [401,     401,   401,   403,   403,     403,     'ok',  'ok'];
const exporters: Row =      [401,     401,   401,   403,   'ok',    403,     'ok',  'ok'];
const closeSigners: Row =   [401,     401,   401,   403,   'ok',    403,     'ok',  403];

const rows: Record<string, Row> = {
  'GET /health': everyone,
  'GET /api/openapi.json': everyone,
  'POST /api/v1/staff/sessions': everyone,
  'DELETE /api/v1/staff/sessions/current': anyStaff,
  'GET /api/v1/staff/me': anyStaff,
  'GET /api/v1/staff': staffReaders,
  'POST /api/v1/staff': staffManagers,
  'PUT /api/v1/staff/:staffId/role': staffManagers,
  'GET /api/v1/stations': anyoneSigned,
  'POST /api/v1/activities': stationWriters,
  'GET /api/v1/activities': stationReaders,
  'POST /api/v1/services': stationWriters,
  'GET /api/v1/services': stationReaders,
  'POST /api/v1/services/:serviceId/retirement': stationWriters,
  'POST /api/v1/identify': anyoneSigned,
  'POST /api/v1/people': registrars,
  'GET /api/v1/people': peopleReaders,
  'POST /api/v1/people/search': peopleReaders,
  'GET /api/v1/people/:personId': peopleReaders,
  'GET /api/v1/people/:personId/member-qr': stationReaders,
  'GET /api/v1/people/:personId/entries': stationReaders,
  'PUT /api/v1/people/:personId/work-unit': stationWriters,
  'GET /api/v1/reports/work-units': ledgerReaders,
  'GET /api/v1/reports/work-units.csv': ledgerReaders,
  'POST /api/v1/people/:personId/reveal': revealers,
  'POST /api/v1/people/:personId/family-links': stationWriters,
  'POST /api/v1/kiosks': kioskManagers,
  'GET /api/v1/kiosks': anyStaff,
  'POST /api/v1/kiosks/enroll': everyone,
  'POST /api/v1/kiosks/heartbeat': kiosksOnly,
  'POST /api/v1/kiosks/sequence-voids': kioskWriters,
  'POST /api/v1/kiosks/:kioskId/revocation': kioskManagers,
  'GET /api/v1/audit': auditors,
  'GET /api/v1/audit/verify': auditors,
  // Kiosk writes: each kiosk checks in at its own station (kioskB's request names a station B activity).
  'POST /api/v1/check-ins': kioskWriters,
  'POST /api/v1/check-outs': kioskWriters,
  'GET /api/v1/receipts/:kioskId/:kioskSeq': publicReaders,
  'GET /api/v1/approvals': approvers,
  'POST /api/v1/approvals/:attendanceId/approve': approvers,
  'POST /api/v1/approvals/:attendanceId/reject': approvers,
  'POST /api/v1/attendances/supplementary': approvers,
  'POST /api/v1/attendances/sweep': [401, 401, 401, 403, 'ok', 'ok', 'ok', 403],
  'GET /api/v1/people/:personId/balances': ledgerReaders,
  'GET /api/v1/ledger/transactions': feedReaders,
  'GET /api/v1/ledger/verify': feedReaders,
  'POST /api/v1/transactions/:transactionId/reversal': approvers,
  'GET /api/v1/ledger/export.csv': exporters,
  'POST /api/v1/redemptions': kiosksOnly,
  'GET /api/v1/redemptions/pickup': peopleReaders,
  'POST /api/v1/redemptions/:redemptionId/collection': stationWriters,
  'POST /api/v1/bookings': registrars,
  'GET /api/v1/bookings': peopleReaders,
  'POST /api/v1/bookings/:holdId/delivery': stationWriters,
  'POST /api/v1/bookings/:holdId/cancellation': stationWriters,
  'POST /api/v1/gifts': registrars,
  'GET /api/v1/reconciliation': peopleReaders,
  'POST /api/v1/reconciliation/:itemId/resolve': closeSigners,
  'POST /api/v1/stations/:stationId/closes': closeSigners,
  'GET /api/v1/stations/:stationId/closes': peopleReaders,
  'GET /api/v1/stations/:stationId/closes/:businessDate': peopleReaders,
  'GET /api/v1/stations/:stationId/closes/:businessDate/print': peopleReaders,
  'GET /api/v1/stations/:stationId/settings': peopleReaders,
  'PATCH /api/v1/stations/:stationId/settings': closeSigners,
  'POST /api/v1/stations/:stationId/points-expiry': closeSigners,
  'POST /api/v1/kiosks/day-report': kiosksOnly,
};

/** `"METHOD /path"` → principal → expected outcome class. */
export const authorizationMatrix: Record<string, Record<PrincipalName, Expected>> = Object.fromEntries(
  Object.entries(rows).map(([route, row]) => [route, Object.fromEntries(principals.map((principal, index) => [principal, row[index]!])) as Record<PrincipalName, Expected>]),
);
