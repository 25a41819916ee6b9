// The OpenAPI 3.1 description served at GET /api/openapi.json. One entry per registered route; a test fails
// when a route of the app is missing here.

export type RouteAuth = 'public' | 'staff' | 'kiosk' | 'kiosk_or_staff';
export type RouteDoc = { method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: string; summary: string; auth: RouteAuth; success: number };

/** Paths use Hono's `:param` form; the document converts them to `{param}`. */
export const routeDocs: readonly RouteDoc[] = [
  { method: 'get', path: '/health', summary: 'Liveness: {"ok":true}', auth: 'public', success: 200 },
  { method: 'get', path: '/api/openapi.json', summary: 'This document', auth: 'public', success: 200 },
  { method: 'post', path: '/api/v1/staff/sessions', summary: 'Staff login {username, password} → {token, staff}', auth: 'public', success: 201 },
  { method: 'delete', path: '/api/v1/staff/sessions/current', summary: 'Log out the current session', auth: 'staff', success: 200 },
  { method: 'get', path: '/api/v1/staff/me', summary: 'The logged-in staff member and their visible stations', auth: 'staff', success: 200 },
  { method: 'get', path: '/api/v1/staff', summary: 'Staff in the caller’s scope', auth: 'staff', success: 200 },
  { method: 'post', path: '/api/v1/staff', summary: 'Create a staff user {username, password, role, regionId?, stationIds?}', auth: 'staff', success: 201 },
  { method: 'put', path: '/api/v1/staff/:staffId/role', summary: 'Change role, region and stations; ends the user’s sessions', auth: 'staff', success: 200 },
  { method: 'get', path: '/api/v1/stations', summary: 'Stations the caller may see', auth: 'kiosk_or_staff', success: 200 },
  { method: 'post', path: '/api/v1/activities', summary: 'Create an activity {stationId, title, kind?, startsAt, endsAt, rounding?, approval?, pointsPerHour?, bonusPoints?, lateGraceMinutes?, minAttendancePercent?, pointsDailyCapPoints? (default: the station’s pointsDailyCapDefault)}', auth: 'staff', success: 201 },
  { method: 'get', path: '/api/v1/activities', summary: 'Activities of a station on a business date (?stationId&date&days)', auth: 'kiosk_or_staff', success: 200 },
  { method: 'post', path: '/api/v1/services', summary: 'Add a catalogue service {stationId, name, asset, price, minAge?}', auth: 'staff', success: 201 },
  { method: 'get', path: '/api/v1/services', summary: 'The services catalogue of a station (?stationId); kiosks see active services only', auth: 'kiosk_or_staff', success: 200 },
  { method: 'post', path: '/api/v1/services/:serviceId/retirement', summary: 'Retire a service: listed for history, never redeemed or booked again', auth: 'staff', success: 200 },
  { method: 'post', path: '/api/v1/identify', summary: 'Identify a person by card, member QR or phone {card?, qr?, phone?, birthYear?}; with birthYear a phone match must have that birth year (404 person_not_found otherwise); 429 too_many_attempts after repeated phone misses', auth: 'kiosk_or_staff', success: 200 },
  { method: 'post', path: '/api/v1/people', summary: 'Register a person with consent (kiosk: idempotent by id; staff: with stationId)', auth: 'kiosk_or_staff', success: 201 },
  { method: 'get', path: '/api/v1/people', summary: 'People registered at a station, masked (?stationId&afterId&limit)', auth: 'staff', success: 200 },
  { method: 'post', path: '/api/v1/people/search', summary: 'Find people of a station {stationId, query}: volunteer number, ID number or phone (by keyed hash), or surname → {kind, people} masked; a POST so the query stays out of URLs', auth: 'staff', success: 200 },
  { method: 'get', path: '/api/v1/people/:personId', summary: 'One person, masked, with family links', auth: 'staff', success: 200 },
  { method: 'get', path: '/api/v1/people/:personId/member-qr', summary: 'The signed member QR text LL1.<volunteerNo>.<signature> → {memberQr}; kiosks of the person’s station only', auth: 'kiosk_or_staff', success: 200 },
  { method: 'get', path: '/api/v1/people/:personId/entries', summary: 'Recent ledger entries ?limit (≤ 50, default 5) → {entries:[{ledgerSeq, kind, occurredAt, time, points}]}, signed from the person’s side; kiosks of the person’s station only', auth: 'kiosk_or_staff', success: 200 },
  { method: 'put', path: '/api/v1/people/:personId/work-unit', summary: 'Set or clear a person’s work unit for 双报到 {workUnit: string | null} → {personId, workUnit}; audited', auth: 'staff', success: 200 },
  { method: 'get', path: '/api/v1/reports/work-units', summary: '双报到 report ?stationId&from&to (inclusive dates, ≤ 366 days) → {stationId, from, to, workUnits:[{workUnit, members, attendances, creditedMinutes, creditedPoints}], totals}; 422 date_range_invalid (to before from, over 366 days)', auth: 'staff', success: 200 },
  { method: 'get', path: '/api/v1/reports/work-units.csv', summary: 'The 双报到 report as CSV (UTF-8 with BOM), with a totals line', auth: 'staff', success: 200 },
  { method: 'post', path: '/api/v1/people/:personId/reveal', summary: 'Full ID number, name and phone for a manager with a reason (audited)', auth: 'staff', success: 200 },
  { method: 'post', path: '/api/v1/people/:personId/family-links', summary: 'Link a family member {relativeId, relation}', auth: 'staff', success: 201 },
  { method: 'post', path: '/api/v1/kiosks', summary: 'Create a kiosk {stationId, name} → {kioskId, enrollmentCode}', auth: 'staff', success: 201 },
  { method: 'get', path: '/api/v1/kiosks', summary: 'Kiosks of visible stations (?stationId= for one) with device status and last kioskSeq', auth: 'staff', success: 200 },
  { method: 'post', path: '/api/v1/kiosks/enroll', summary: 'Enrol with a one-time code and an ECDSA P-256 public JWK', auth: 'public', success: 201 },
  { method: 'post', path: '/api/v1/kiosks/heartbeat', summary: 'Device status {printerPaper, readerPresent, outboxLength, appVersion}', auth: 'kiosk', success: 200 },
  { method: 'post', path: '/api/v1/kiosks/sequence-voids', summary: 'Void a kioskSeq whose write the kiosk lost {id, kioskSeq, occurredAt, reason:"registration_lost"} → 201 {voided:true, transactionId, kioskSeq, ledgerSeq}; when the write did reach the ledger → 200 {voided:false, kioskSeq, transactionId, kind, status, code} of the transaction holding it; idempotent by id', auth: 'kiosk', success: 201 },
  { method: 'post', path: '/api/v1/kiosks/:kioskId/revocation', summary: 'Revoke a kiosk; its next request is refused', auth: 'staff', success: 200 },
  { method: 'get', path: '/api/v1/audit', summary: 'Audit records (?afterSeq&limit)', auth: 'staff', success: 200 },
  { method: 'get', path: '/api/v1/audit/verify', summary: 'Verify the audit hash chain', auth: 'staff', success: 200 },
  { method: 'post', path: '/api/v1/check-ins', summary: 'Check in {id, kioskSeq, occurredAt, personId, activityId} → {attendanceId, receipt}; idempotent by id. A kiosk write sent more than 60 s after its occurredAt (queue delay = X-Kiosk-Timestamp − occurredAt, both kiosk clock) is treated as an offline upload: recorded, dated server time − queue delay.', auth: 'kiosk', success: 201 },
  { method: 'post', path: '/api/v1/check-outs', summary: 'Check out {id, kioskSeq, occurredAt, personId, activityId} → {attendanceId, minutes, credited, balances, receipt}. A kiosk write sent more than 60 s after its occurredAt (queue delay = X-Kiosk-Timestamp − occurredAt, both kiosk clock) is treated as an offline upload: recorded, dated server time − queue delay.', auth: 'kiosk', success: 201 },
  { method: 'get', path: '/api/v1/receipts/:kioskId/:kioskSeq', summary: 'Verify a printed receipt → {valid, kind, occurredAt, amounts, hashPrefix}; no personal data', auth: 'public', success: 200 },
  { method: 'get', path: '/api/v1/approvals', summary: 'Attendances awaiting a manager (?stationId): manager-mode and forgotten check-outs', auth: 'staff', success: 200 },
  { method: 'post', path: '/api/v1/approvals/:attendanceId/approve', summary: 'Approve {minutes?, reason?}: credit the decided or chosen minutes (≤ scheduled length)', auth: 'staff', success: 201 },
  { method: 'post', path: '/api/v1/approvals/:attendanceId/reject', summary: 'Reject {reason?}: no credit', auth: 'staff', success: 201 },
  { method: 'post', path: '/api/v1/attendances/supplementary', summary: 'Supplementary hours 补录 {id?, personId, activityId, minutes, reason}; capped, audited', auth: 'staff', success: 201 },
  { method: 'post', path: '/api/v1/attendances/sweep', summary: 'Auto-close forgotten check-outs now → {checked, closed}', auth: 'staff', success: 200 },
  { method: 'get', path: '/api/v1/people/:personId/balances', summary: 'Balances {time, points, asOfSeq} now or ?asOfSeq=N', auth: 'staff', success: 200 },
  { method: 'get', path: '/api/v1/ledger/transactions', summary: 'Change feed ?afterSeq&limit (≤ 1000) → {transactions, nextAfterSeq}', auth: 'staff', success: 200 },
  { method: 'get', path: '/api/v1/ledger/verify', summary: 'Verify the ledger hash chain → {ok, checkedThroughSeq, firstBadSeq?}', auth: 'staff', success: 200 },
  { method: 'post', path: '/api/v1/transactions/:transactionId/reversal', summary: 'Reverse a transaction {id, reason}; a second reversal → 409 already_reversed; audited', auth: 'staff', success: 201 },
  { method: 'get', path: '/api/v1/ledger/export.csv', summary: 'Transactions of a station as CSV (UTF-8 with BOM) ?stationId&from&to; masked names; 422 date_range_invalid (to before from, over 366 days); 422 export_too_large (over 10,000 rows)', auth: 'staff', success: 200 },
  { method: 'post', path: '/api/v1/redemptions', summary: 'Redeem a service {id, kioskSeq, occurredAt, personId, serviceId, offline?, replaces?} → {redemptionId, pickupCode, balances, receipt}; 409 insufficient_balance online; offline uploads are recorded. replaces: the id of the refused 待同步 redemption an offline follow-up stands in for (kept in the transaction metadata and in its reconciliation item; 422 if not an id). A kiosk write sent more than 60 s after its occurredAt (queue delay = X-Kiosk-Timestamp − occurredAt, both kiosk clock) is treated as an offline upload: recorded, dated server time − queue delay.', auth: 'kiosk', success: 201 },
  { method: 'get', path: '/api/v1/redemptions/pickup', summary: 'A redemption by pickup code (?stationId&code&date)', auth: 'staff', success: 200 },
  { method: 'post', path: '/api/v1/redemptions/:redemptionId/collection', summary: 'Mark a redemption collected (once; 409 already_collected)', auth: 'staff', success: 201 },
  { method: 'post', path: '/api/v1/bookings', summary: 'Book a service with a hold {id, kioskSeq?, occurredAt, personId, serviceId, deadline?, stationId (staff)}', auth: 'kiosk_or_staff', success: 201 },
  { method: 'get', path: '/api/v1/bookings', summary: 'Bookings of a station with hold status (?stationId)', auth: 'staff', success: 200 },
  { method: 'post', path: '/api/v1/bookings/:holdId/delivery', summary: 'Deliver a booking: post the hold {id, amount?} (partial allowed)', auth: 'staff', success: 201 },
  { method: 'post', path: '/api/v1/bookings/:holdId/cancellation', summary: 'Cancel a booking: void the hold {id}', auth: 'staff', success: 201 },
  { method: 'post', path: '/api/v1/gifts', summary: 'Give time to a registered family member {id, kioskSeq?, occurredAt, fromPersonId, toPersonId, minutes}. A kiosk write sent more than 60 s after its occurredAt (queue delay = X-Kiosk-Timestamp − occurredAt, both kiosk clock) is treated as an offline upload: recorded, dated server time − queue delay.', auth: 'kiosk_or_staff', success: 201 },
  { method: 'get', path: '/api/v1/reconciliation', summary: 'Reconciliation items (?stationId&status=open|resolved|all)', auth: 'staff', success: 200 },
  { method: 'post', path: '/api/v1/reconciliation/:itemId/resolve', summary: 'Resolve an item once {note, resolutionTransactionId?} (audited)', auth: 'staff', success: 200 },
  { method: 'post', path: '/api/v1/stations/:stationId/closes', summary: 'Daily close {businessDate} → {close:{id, businessDate, seqFrom, seqTo, chainHead, totals, checks, items}}; 409 already_closed', auth: 'staff', success: 201 },
  { method: 'get', path: '/api/v1/stations/:stationId/closes', summary: 'Closes of a station, newest first', auth: 'staff', success: 200 },
  { method: 'get', path: '/api/v1/stations/:stationId/closes/:businessDate', summary: 'One close as JSON', auth: 'staff', success: 200 },
  { method: 'get', path: '/api/v1/stations/:stationId/closes/:businessDate/print', summary: 'One close as a printable zh-CN A4 HTML page', auth: 'staff', success: 200 },
  { method: 'get', path: '/api/v1/stations/:stationId/settings', summary: 'A station’s rule settings → {settings:{stationId, pointsExpiryEnabled, pairsPerDayMax, pointsDailyCapDefault, timeStorageCapMinutes, giftYearlyCapMinutes}} (effective values: defaults when never set)', auth: 'staff', success: 200 },
  { method: 'patch', path: '/api/v1/stations/:stationId/settings', summary: 'Change any of a station’s rule settings {pointsExpiryEnabled?, pairsPerDayMax? 1–20, pointsDailyCapDefault? 0–10000, timeStorageCapMinutes? 60–10000000, giftYearlyCapMinutes? 0–10000000} (null = back to the default; 422 invalid_input names the field and range; station manager or an admin above it; one station_settings_changed audit record per setting)', auth: 'staff', success: 200 },
  { method: 'post', path: '/api/v1/stations/:stationId/points-expiry', summary: 'Run the year-end points expiry (rule 13) for closing {year} → {run:{stationId, year, peopleCount, peopleExpiredCount, pointsExpired, triggeredBy, actorId, ranAt}}: 201 when run now, 200 with the stored run after; 422 business_date_in_future (Asia/Shanghai), 409 points_expiry_disabled. The minute sweep runs it on or after 1 January for every enabled station', auth: 'staff', success: 201 },
  { method: 'post', path: '/api/v1/kiosks/day-report', summary: 'A kiosk’s end-of-day counters {businessDate, lastKioskSeq, counters:{[kind]:{count, time, points}}}, sent once its outbox is empty, repeatable until the date is closed (then 409 already_closed). Protocol v1 extension: the stored answer (201 and every 200 replay) of every posted kiosk write carries ledger:{kind, businessDate, moved:{time, points}}: what the close counts for it (kind, Asia/Shanghai date of its occurredAt, sum of positive legs per asset), so a kiosk sums those fields', auth: 'kiosk', success: 201 },
];

const securitySchemes = {
  staffBearer: { type: 'http', scheme: 'bearer' },
  kioskSignature: { type: 'apiKey', in: 'header', name: 'X-Kiosk-Signature', description: 'ECDSA P-256 (P1363, base64url) over METHOD\\nPATH_WITH_QUERY\\nTIMESTAMP\\nNONCE\\nBASE64URL(SHA-256(body)); with X-Kiosk-Id, X-Kiosk-Timestamp, X-Kiosk-Nonce' },
};

const securityOf: Record<RouteAuth, unknown[]> = {
  public: [],
  staff: [{ staffBearer: [] }],
  kiosk: [{ kioskSignature: [] }],
  kiosk_or_staff: [{ staffBearer: [] }, { kioskSignature: [] }],
};

export function buildOpenApi(docs: readonly RouteDoc[] = routeDocs): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const doc of docs) {
    const path = doc.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters = [...doc.path.matchAll(/:([A-Za-z]+)/g)].map((match) => ({ name: match[1], in: 'path', required: true, schema: { type: 'string' } }));
    paths[path] ??= {};
    paths[path][doc.method] = {
      summary: doc.summary, security: securityOf[doc.auth], parameters,
      responses: { [String(doc.success)]: { description: 'success' }, default: { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Linli (邻里) station service and kiosk protocol', version: '1' },
    paths,
    components: { securitySchemes, schemas: { Error: { type: 'object', required: ['code'], properties: { code: { type: 'string' }, detail: { type: 'string' } } } } },
  };
}
