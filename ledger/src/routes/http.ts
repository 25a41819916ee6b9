// Shared HTTP vocabulary of the service: the Hono env (service context and principal), the one status table
// mapping outcome codes to statuses, and `fail` which answers `{code, detail?}` with the code's status.

import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { KioskRow } from '../db/station/kiosks.ts';
import type { StaffWithStations } from '../db/station/staff.ts';
import type { ServiceContext } from '../services/context.ts';

export type Principal =
  | { kind: 'staff'; staff: StaffWithStations; tokenHash: string; stationIds: string[] }
  | { kind: 'kiosk'; kiosk: KioskRow; stationIds: string[] };

export type AppEnv = { Variables: { ctx: ServiceContext; principal: Principal } };

/** The one status table: every outcome code the service answers, with its HTTP status. */
export const statusOfCode = {
  invalid_json: 422, invalid_input: 422, invalid_id_number: 422, invalid_phone: 422, invalid_public_key: 422,
  member_qr_invalid: 422, region_invalid: 422, family_link_self: 422,
  not_found: 404, person_not_found: 404, staff_not_found: 404, station_not_found: 404, kiosk_not_found: 404, enrollment_code_invalid: 404,
  already_registered: 409, self_registration_too_young: 409, id_reused: 409, kiosk_seq_reused: 409, username_taken: 409,
  family_link_exists: 409, phone_ambiguous: 409,
  unauthenticated: 401, invalid_credentials: 401, kiosk_signature_missing: 401, kiosk_timestamp_out_of_window: 401,
  kiosk_unknown: 401, kiosk_revoked: 401, kiosk_signature_invalid: 401, kiosk_nonce_reused: 401,
  forbidden: 403, station_forbidden: 403, role_not_grantable: 403,
  method_not_allowed: 405, payload_too_large: 413, unsupported_media_type: 415, too_many_attempts: 429,
  internal: 500, unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof statusOfCode;

export function fail(c: Context, code: ErrorCode, detail?: string): Response {
  return c.json(detail === undefined ? { code } : { code, detail }, statusOfCode[code]);
}

/** Personal data must never be cached by a browser or proxy. */
export function noStore(c: Context): void {
  c.header('Cache-Control', 'no-store');
}
