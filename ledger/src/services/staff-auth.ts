// Staff login, sessions and logout: opaque bearer tokens stored only as SHA-256, idle and absolute expiry,
// and throttling of failed logins per (username, client), per client and per username.

import { err, ok, type Result } from '../../../domain/result.ts';
import { countLoginFailures, findSession, findStaffById, findStaffByUsername, insertLoginFailure, insertSession, revokeSession, touchSession, updateStaffPasswordHash, type StaffWithStations } from '../db/station/staff.ts';
import type { ServiceContext } from './context.ts';
import { randomToken, sha256B64url } from './crypto.ts';
import { hashPassword, needsRehash, verifyPassword } from './passwords.ts';

export const sessionIdleMsMax = 30 * 60_000;
export const sessionAbsoluteMsMax = 12 * 60 * 60_000;
/** Touch the session at most this often, so a busy admin page does not write on every request. */
const sessionTouchIntervalMs = 60_000;
export const loginThrottleWindowMs = 15 * 60_000;
/** Failures allowed per window: the pair is tight; client and username are wider, so nobody locks out others cheaply. */
export const loginFailuresMax = { pair: 5, client: 20, username: 100 } as const;
const sessionTokenBytes = 32;

export type LoginCode = 'invalid_credentials' | 'too_many_attempts';

export async function logIn(ctx: ServiceContext, username: string, password: string, clientKey: string): Promise<Result<{ token: string; staff: StaffWithStations }, LoginCode>> {
  const nowMs = ctx.nowMs();
  const failures = await countLoginFailures(ctx.database, username, clientKey, nowMs - loginThrottleWindowMs);
  if (failures.pair >= loginFailuresMax.pair || failures.client >= loginFailuresMax.client || failures.username >= loginFailuresMax.username) {
    await ctx.audit.append({ actorType: 'anonymous', event: 'login', outcome: 'denied', target: username.slice(0, 64), detail: { reason: 'too_many_attempts' } });
    return err('too_many_attempts');
  }
  const staff = await findStaffByUsername(ctx.database, username);
  // Verifying against a hash even for unknown users would cost 600k iterations per probe; the throttle bounds probes instead.
  const valid = staff !== undefined && staff.disabledAtMs === null && (await verifyPassword(password, staff.passwordHash));
  if (!staff || !valid) {
    await insertLoginFailure(ctx.database, username.slice(0, 64), clientKey, nowMs);
    await ctx.audit.append({ actorType: 'anonymous', actorId: staff?.id ?? null, event: 'login', outcome: 'failure', target: username.slice(0, 64) });
    return err('invalid_credentials');
  }
  // A hash of the first format (one PBKDF2 call, which Workers refuse above 100,000 iterations) is rewritten chained.
  if (needsRehash(staff.passwordHash, ctx.passwordIterations)) await updateStaffPasswordHash(ctx.database, staff.id, await hashPassword(password, ctx.passwordIterations, ctx.randomBytes));
  const token = randomToken(ctx.randomBytes, sessionTokenBytes);
  await insertSession(ctx.database, { tokenHash: await sha256B64url(token), staffId: staff.id, createdAtMs: nowMs, lastSeenAtMs: nowMs, revokedAtMs: null });
  await ctx.audit.append({ actorType: 'staff', actorId: staff.id, event: 'login', outcome: 'success', target: staff.username });
  return ok({ token, staff });
}

/** The staff member behind a bearer token, or undefined when the token is unknown, revoked, idle or too old. */
export async function authenticateStaff(ctx: ServiceContext, token: string): Promise<{ staff: StaffWithStations; tokenHash: string } | undefined> {
  if (token.length < 20 || token.length > 100) return undefined;
  const tokenHash = await sha256B64url(token);
  const session = await findSession(ctx.database, tokenHash);
  const nowMs = ctx.nowMs();
  if (!session || session.revokedAtMs !== null) return undefined;
  if (nowMs - session.lastSeenAtMs > sessionIdleMsMax || nowMs - session.createdAtMs > sessionAbsoluteMsMax) return undefined;
  const staff = await findStaffById(ctx.database, session.staffId);
  if (!staff || staff.disabledAtMs !== null) return undefined;
  if (nowMs - session.lastSeenAtMs >= sessionTouchIntervalMs) await touchSession(ctx.database, tokenHash, nowMs);
  return { staff, tokenHash };
}

export async function logOut(ctx: ServiceContext, staffId: string, tokenHash: string): Promise<void> {
  await revokeSession(ctx.database, tokenHash, ctx.nowMs());
  await ctx.audit.append({ actorType: 'staff', actorId: staffId, event: 'logout', outcome: 'success' });
}
