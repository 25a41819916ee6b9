// Middleware that establishes who is calling: staff by bearer token (with a permission), kiosks by signed
// request (exposing the kiosk and its station), or either. Denials answer 401/403 and are audited.

import type { Context, MiddlewareHandler } from 'hono';
import { kioskHeaders } from '../../../domain/kiosk-signature.ts';
import { listStationPlaces } from '../db/station/stations.ts';
import { verifyKioskRequest, type DeferredNonce } from '../services/kiosk-auth.ts';
import { hasPermission, visibleStationIds, type Permission } from '../services/scope.ts';
import { authenticateStaff } from '../services/staff-auth.ts';
import { fail, type AppEnv, type Principal } from './http.ts';

/** Staff with a valid session and, when given, the permission. */
export function requireStaff(permission?: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const denial = await authenticateStaffRequest(c, permission);
    if (denial) return denial;
    await next();
  };
}

/** How a kiosk request's nonce is spent: in its own commit now, or ('defer', every ledger write) in the write's batch. */
export type NonceMode = { nonce: 'store' | 'defer' };

/**
 * A signed request from an enrolled, unrevoked kiosk. With `nonce: 'defer'` (ledger writes) the nonce is not committed
 * here: `readKioskWrite` takes it with `takeDeferredNonce` and the engine stores it in the write's own batch.
 */
export function requireKiosk(options: NonceMode = { nonce: 'store' }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const denial = await authenticateKioskRequest(c, options.nonce);
    if (denial) return denial;
    await runReleasingNonce(c, next);
  };
}

/** Runs the route, then lets go of the in-flight hold on a deferred nonce (stored by then, or never to be). */
async function runReleasingNonce(c: Context<AppEnv>, next: () => Promise<void>): Promise<void> {
  const deferred = deferredNonces.get(c.req.raw);
  if (!deferred) return next();
  try {
    await next();
  } finally {
    deferredNonces.delete(c.req.raw);
    deferred.release();
  }
}

const deferredNonces = new WeakMap<Request, DeferredNonce>();
const signedBodies = new WeakMap<Request, Uint8Array>();

/** The body bytes a verified kiosk request was signed over, so routes parse them without reading the body again. */
export function signedBodyOf(c: Context<AppEnv>): Uint8Array | undefined {
  return signedBodies.get(c.req.raw);
}

/** The nonce `requireKiosk({ nonce: 'defer' })` left for this request's write to store; undefined otherwise. */
export function takeDeferredNonce(c: Context<AppEnv>): DeferredNonce | undefined {
  return deferredNonces.get(c.req.raw);
}

/** A kiosk (recognised by its `X-Kiosk-Id` header, nonce as in `requireKiosk`) or staff with the permission. */
export function requireKioskOrStaff(permission: Permission, options: NonceMode = { nonce: 'store' }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const denial = c.req.header(kioskHeaders.kioskId) !== undefined ? await authenticateKioskRequest(c, options.nonce) : await authenticateStaffRequest(c, permission);
    if (denial) return denial;
    await runReleasingNonce(c, next);
  };
}

/** Null when the principal may act for the station; otherwise the audited 403 to return. */
export async function denyUnlessStation(c: Context<AppEnv>, stationId: string): Promise<Response | null> {
  const principal = c.get('principal');
  if (principal.stationIds.includes(stationId)) return null;
  await auditDenial(c, principal, `station:${stationId}`);
  return fail(c, 'station_forbidden');
}

async function authenticateStaffRequest(c: Context<AppEnv>, permission: Permission | undefined): Promise<Response | null> {
  const ctx = c.get('ctx');
  const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(c.req.header('Authorization') ?? '');
  const session = match ? await authenticateStaff(ctx, match[1]!) : undefined;
  if (!session) return fail(c, 'unauthenticated');
  const stationIds = visibleStationIds(session.staff, await listStationPlaces(ctx.database));
  const principal: Principal = { kind: 'staff', staff: session.staff, tokenHash: session.tokenHash, stationIds };
  c.set('principal', principal);
  if (permission && !hasPermission(session.staff.role, permission)) {
    await auditDenial(c, principal, permission);
    return fail(c, 'forbidden');
  }
  return null;
}

async function authenticateKioskRequest(c: Context<AppEnv>, nonceMode: 'store' | 'defer' = 'store'): Promise<Response | null> {
  const url = new URL(c.req.url);
  const body = new Uint8Array(await c.req.arrayBuffer());
  const result = await verifyKioskRequest(c.get('ctx'), {
    method: c.req.method,
    pathWithQuery: url.pathname + url.search,
    kioskId: c.req.header(kioskHeaders.kioskId),
    timestamp: c.req.header(kioskHeaders.timestamp),
    nonce: c.req.header(kioskHeaders.nonce),
    signature: c.req.header(kioskHeaders.signature),
    body,
  }, nonceMode);
  if (!result.ok) return fail(c, result.code);
  const { kiosk, deferredNonce } = result.value;
  if (deferredNonce) deferredNonces.set(c.req.raw, deferredNonce);
  signedBodies.set(c.req.raw, body);
  c.set('principal', { kind: 'kiosk', kiosk, stationIds: [kiosk.stationId] });
  return null;
}

async function auditDenial(c: Context<AppEnv>, principal: Principal, target: string): Promise<void> {
  await c.get('ctx').audit.append({
    actorType: principal.kind,
    actorId: principal.kind === 'staff' ? principal.staff.id : principal.kiosk.id,
    event: 'authorization_failure',
    outcome: 'denied',
    target,
    detail: { method: c.req.method, path: new URL(c.req.url).pathname.slice(0, 200) },
  });
}
