// Shared HTTP vocabulary of the service: the Hono env (service context and principal), the one status table
// mapping outcome codes to statuses, and `fail` which answers `{code, detail?}` with the code's status.

import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { CheckInCode } from '../../../domain/check-in.ts';
import type { CheckOutCode } from '../../../domain/check-out.ts';
import type { SupplementaryCode } from '../../../domain/forgotten-check-out.ts';
import type { GiftCode } from '../../../domain/gift.ts';
import type { OfflineRedemptionCode } from '../../../domain/offline-redemption.ts';
import type { RedemptionCode } from '../../../domain/redemption.ts';
import type { EngineRejectCode } from '../core/transaction.ts';
import type { KioskRow } from '../db/station/kiosks.ts';
import type { StaffWithStations } from '../db/station/staff.ts';
import type { ServiceContext } from '../services/context.ts';

export type Principal =
  | { kind: 'staff'; staff: StaffWithStations; tokenHash: string; stationIds: string[] }
  | { kind: 'kiosk'; kiosk: KioskRow; stationIds: string[] };

export type AppEnv = { Variables: { ctx: ServiceContext; principal: Principal } };

/** The one status table: every outcome code the service answers, with its HTTP status. */
export const statusOfCode = {
  // Invalid input: nothing was stored.
  invalid_json: 422, invalid_input: 422, invalid_id_number: 422, invalid_phone: 422, invalid_public_key: 422,
  member_qr_invalid: 422, region_invalid: 422, family_link_self: 422, business_date_in_future: 422, date_range_invalid: 422, export_too_large: 422,
  // Not found.
  not_found: 404, person_not_found: 404, staff_not_found: 404, station_not_found: 404, kiosk_not_found: 404, enrollment_code_invalid: 404,
  activity_not_found: 404, service_not_found: 404, receipt_not_found: 404, transaction_not_found: 404, approval_not_found: 404,
  booking_not_found: 404, hold_not_found: 404, redemption_not_found: 404, reversal_not_found: 404, reconciliation_item_not_found: 404,
  close_not_found: 404,
  // Rule rejections of the service and the engine (stored and final when they come from a ledger unit).
  already_registered: 409, self_registration_too_young: 409, id_reused: 409, kiosk_seq_reused: 409, username_taken: 409,
  family_link_exists: 409, phone_ambiguous: 409, already_closed: 409, close_out_of_order: 409, points_expiry_disabled: 409, already_collected: 409, already_resolved: 409,
  approval_already_decided: 409, attendance_already_closed: 409, booking_deadline_passed: 409, already_reversed: 409, not_reversible: 409,
  hold_already_resolved: 409, hold_amount_exceeded: 409, invalid_transaction: 409, constraint_violation: 409,
  // Rule rejections decided by domain/ (check-in, check-out, 补录, redemption, offline redemption, gifts).
  activity_cancelled: 409, activity_not_open: 409, activity_ended: 409, already_checked_in: 409, pairs_per_day_exceeded: 409,
  not_checked_in: 409, check_out_before_check_in: 409, supplementary_minutes_invalid: 409, supplementary_exceeds_scheduled: 409,
  service_inactive: 409, age_unknown: 409, below_minimum_age: 409, gift_credits_not_eligible: 409, insufficient_balance: 409, offline_limit_exceeded: 409,
  gift_asset_not_transferable: 409, gift_amount_invalid: 409, gift_to_self: 409, not_family: 409, gift_yearly_cap_exceeded: 409, recipient_storage_cap_exceeded: 409,
  // Authentication and authorization.
  unauthenticated: 401, invalid_credentials: 401, kiosk_signature_missing: 401, kiosk_timestamp_out_of_window: 401,
  kiosk_unknown: 401, kiosk_revoked: 401, kiosk_signature_invalid: 401, kiosk_nonce_reused: 401,
  forbidden: 403, station_forbidden: 403, role_not_grantable: 403,
  method_not_allowed: 405, payload_too_large: 413, unsupported_media_type: 415, too_many_attempts: 429,
  internal: 500, unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

/** The domain's rule codes a ledger unit may store; the compiler proves each has a status above. */
export type RuleCode = CheckInCode | CheckOutCode | SupplementaryCode | RedemptionCode | OfflineRedemptionCode | GiftCode | EngineRejectCode;
const ruleCodesHaveStatus: Record<RuleCode, ContentfulStatusCode> = statusOfCode;
void ruleCodesHaveStatus;

export type ErrorCode = keyof typeof statusOfCode;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(statusOfCode, code);
}

export function fail(c: Context, code: ErrorCode, detail?: string): Response {
  return c.json(detail === undefined ? { code } : { code, detail }, statusOfCode[code]);
}

/** Personal data must never be cached by a browser or proxy. */
export function noStore(c: Context): void {
  c.header('Cache-Control', 'no-store');
}
