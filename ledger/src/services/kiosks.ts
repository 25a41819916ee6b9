// Kiosks: creation with a single-use 15-minute enrolment code (stored hashed), enrolment of an ECDSA P-256
// public key, revocation, and heartbeats carrying device status.

import { err, ok, type Result } from '../../../domain/result.ts';
import { enrollKiosk, findKiosk, insertKiosk, recordHeartbeat, revokeKiosk, type KioskRow } from '../db/station/kiosks.ts';
import type { ServiceContext } from './context.ts';
import { randomToken, sha256B64url } from './crypto.ts';

export const enrollmentCodeTtlMs = 15 * 60_000;
const enrollmentCodeBytes = 15;

export async function createKiosk(ctx: ServiceContext, staffId: string, stationId: string, name: string): Promise<{ kioskId: string; enrollmentCode: string; expiresAtMs: number }> {
  const enrollmentCode = randomToken(ctx.randomBytes, enrollmentCodeBytes);
  const nowMs = ctx.nowMs();
  const row: KioskRow = {
    id: ctx.newId(), stationId, name, enrollmentCodeHash: await sha256B64url(enrollmentCode), enrollmentExpiresAtMs: nowMs + enrollmentCodeTtlMs,
    enrolledAtMs: null, publicKeyJwk: null, revokedAtMs: null, createdBy: staffId, createdAtMs: nowMs, lastHeartbeatAtMs: null, deviceStatus: null,
  };
  await insertKiosk(ctx.database, row);
  await ctx.audit.append({ actorType: 'staff', actorId: staffId, stationId, event: 'kiosk_created', outcome: 'success', target: row.id });
  return { kioskId: row.id, enrollmentCode, expiresAtMs: row.enrollmentExpiresAtMs };
}

export type EnrollCode = 'invalid_public_key' | 'enrollment_code_invalid';

/** Registers the kiosk's public key once; unknown, used and expired codes all answer `enrollment_code_invalid`. */
export async function enrollWithCode(ctx: ServiceContext, enrollmentCode: string, publicKeyJwk: unknown): Promise<Result<KioskRow, EnrollCode>> {
  const jwk = publicP256Jwk(publicKeyJwk);
  if (!jwk) return err('invalid_public_key');
  try {
    await crypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  } catch {
    return err('invalid_public_key');
  }
  const kiosk = await enrollKiosk(ctx.database, await sha256B64url(enrollmentCode), JSON.stringify(jwk), ctx.nowMs());
  if (!kiosk) {
    await ctx.audit.append({ actorType: 'anonymous', event: 'kiosk_enrolled', outcome: 'failure' });
    return err('enrollment_code_invalid');
  }
  await ctx.audit.append({ actorType: 'kiosk', actorId: kiosk.id, stationId: kiosk.stationId, event: 'kiosk_enrolled', outcome: 'success', target: kiosk.id });
  return ok(kiosk);
}

export async function revoke(ctx: ServiceContext, staffId: string, kiosk: KioskRow): Promise<void> {
  await revokeKiosk(ctx.database, kiosk.id, ctx.nowMs());
  await ctx.audit.append({ actorType: 'staff', actorId: staffId, stationId: kiosk.stationId, event: 'kiosk_revoked', outcome: 'success', target: kiosk.id });
}

export type DeviceStatus = { printerPaper: 'ok' | 'low' | 'out' | 'unknown'; readerPresent: boolean; outboxLength: number; appVersion: string };

export async function heartbeat(ctx: ServiceContext, kioskId: string, status: DeviceStatus): Promise<void> {
  await recordHeartbeat(ctx.database, kioskId, JSON.stringify(status), ctx.nowMs());
}

export async function kioskById(ctx: ServiceContext, kioskId: string): Promise<KioskRow | undefined> {
  return findKiosk(ctx.database, kioskId);
}

/** Only the public part of an EC P-256 key is accepted: a JWK with `d` (a private key) is refused. */
function publicP256Jwk(value: unknown): JsonWebKey | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const key = value as Record<string, unknown>;
  if (key.kty !== 'EC' || key.crv !== 'P-256' || typeof key.x !== 'string' || typeof key.y !== 'string' || 'd' in key) return undefined;
  if (key.x.length !== 43 || key.y.length !== 43) return undefined;
  return { kty: 'EC', crv: 'P-256', x: key.x, y: key.y };
}
