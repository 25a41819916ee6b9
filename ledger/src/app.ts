// createApp(deps): the station service as one Hono app (Node and Workers alike). One sub-app per resource,
// one onError, one status table (routes/http.ts), body limits, security headers, `{code, detail?}` everywhere.

import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { secureHeaders } from 'hono/secure-headers';
import { createIdGenerator } from '../../domain/ids.ts';
import type { Database } from './db/client.ts';
import { createLedger, type Ledger } from './db/ledger/ledger.ts';
import { isOperatingError } from './db/station/errors.ts';
import { lastKioskWriteSeq } from './db/station/people.ts';
import { buildOpenApi } from './openapi.ts';
import { openAttendancesReader } from './operations/attendance/open-attendances.ts';
import { activityRoutes } from './routes/activities.ts';
import { auditRoutes } from './routes/audit.ts';
import { apiBodyLimit, mayHaveBody } from './routes/body-limit.ts';
import { approvalRoutes, attendanceRoutes } from './routes/approvals.ts';
import { checkInRoutes } from './routes/check-ins.ts';
import { checkOutRoutes } from './routes/check-outs.ts';
import { exportRoutes } from './routes/exports.ts';
import { ledgerReadRoutes } from './routes/ledger-reads.ts';
import { receiptRoutes } from './routes/receipts.ts';
import { bookingRoutes } from './routes/bookings.ts';
import { closeRoutes } from './routes/closes.ts';
import { giftRoutes } from './routes/gifts.ts';
import { reconciliationRoutes } from './routes/reconciliation.ts';
import { redemptionRoutes } from './routes/redemptions.ts';
import { fail, type AppEnv } from './routes/http.ts';
import { identifyRoutes, type OpenAttendancesOf } from './routes/identify.ts';
import { kioskRoutes, type LastKioskSeqOf } from './routes/kiosks.ts';
import { kioskSequenceRoutes } from './routes/kiosk-sequence.ts';
import { peopleRoutes } from './routes/people.ts';
import { personEntryRoutes } from './routes/person-entries.ts';
import { workUnitReportRoutes, workUnitRoutes } from './routes/work-units.ts';
import { serviceRoutes } from './routes/services.ts';
import { staffRoutes } from './routes/staff.ts';
import { stationRoutes } from './routes/stations.ts';
import { createAuditLog } from './services/audit.ts';
import type { RandomBytes, ServiceContext } from './services/context.ts';
import type { Keys } from './services/crypto.ts';
import { passwordIterationsDefault } from './services/passwords.ts';

export const jsonBodyBytesMax = 64 * 1024;

export type AppDeps = {
  database: Database;
  keys: Keys;
  nowMs?: () => number;
  randomBytes?: RandomBytes;
  /** PBKDF2 iterations for new passwords; tests lower it, production keeps the default (600,000). */
  passwordIterations?: number;
  /** Readers the ledger phase supplies; until then kiosk sequences come from this service's own writes. */
  ledger?: { lastKioskSeqOf?: LastKioskSeqOf; openAttendancesOf?: OpenAttendancesOf };
  /** The ledger engine (one single writer per database); made from `database` when absent. */
  engine?: Ledger;
  /** Where operating errors are reported: one JSON line without messages or personal data. */
  log?: (line: string) => void;
  /** The client address used to throttle logins. */
  clientKeyOf?: (request: Request, env: unknown) => string;
};

export type App = Hono<AppEnv>;

export function createApp(deps: AppDeps): App {
  const ctx = createServiceContext(deps);
  const log = deps.log ?? ((line: string) => console.error(line));
  const engine = deps.engine ?? createLedger({ client: deps.database.client, db: deps.database.db, nowMs: ctx.nowMs });
  const lastKioskSeqOf = deps.ledger?.lastKioskSeqOf
    ?? (async (kioskId: string) => Math.max((await engine.kioskSequenceState(kioskId)).maxSeq, await lastKioskWriteSeq(deps.database, kioskId)));
  const openAttendancesOf = deps.ledger?.openAttendancesOf ?? openAttendancesReader(deps.database);

  const app = new Hono<AppEnv>();
  app.use(secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"], objectSrc: ["'none'"], baseUri: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"],
    },
    permissionsPolicy: { camera: ['self'], serial: ['self'], usb: ['self'], microphone: [], geolocation: [], payment: [] },
  }));
  app.use(methodNotAllowed({ app, onMethodNotAllowed: (c, methods) => { c.header('Allow', methods.join(', ')); return fail(c, 'method_not_allowed'); } }));
  app.use('/api/*', apiBodyLimit(jsonBodyBytesMax, (c) => fail(c, 'payload_too_large')));
  app.use('/api/*', async (c, next) => {
    c.set('ctx', ctx);
    const declared = c.req.header('Content-Length');
    // A declared length answers without touching the body stream (see routes/body-limit.ts).
    const hasBody = mayHaveBody(c.req.method) && (declared === undefined ? c.req.raw.body !== null : declared !== '0');
    // JSON only: a cross-site HTML form can never send application/json, so this also stops form CSRF.
    if (hasBody && !/^application\/json(;|$)/i.test(c.req.header('Content-Type') ?? '')) return fail(c, 'unsupported_media_type');
    await next();
  });

  app.get('/health', (c) => c.json({ ok: true }));
  app.get('/api/openapi.json', (c) => c.json(buildOpenApi()));
  app.route('/api/v1/staff', staffRoutes(deps.clientKeyOf ?? defaultClientKey));
  app.route('/api/v1/stations', stationRoutes(engine));
  app.route('/api/v1/activities', activityRoutes());
  app.route('/api/v1/services', serviceRoutes());
  app.route('/api/v1/identify', identifyRoutes(openAttendancesOf));
  app.route('/api/v1/people', peopleRoutes(engine));
  app.route('/api/v1/people', personEntryRoutes());
  app.route('/api/v1/people', workUnitRoutes());
  app.route('/api/v1/reports', workUnitReportRoutes());
  app.route('/api/v1/kiosks', kioskRoutes(lastKioskSeqOf));
  app.route('/api/v1/kiosks', kioskSequenceRoutes(engine));
  app.route('/api/v1/audit', auditRoutes());
  app.route('/api/v1/check-ins', checkInRoutes(engine));
  app.route('/api/v1/check-outs', checkOutRoutes(engine));
  app.route('/api/v1/receipts', receiptRoutes());
  app.route('/api/v1/approvals', approvalRoutes(engine));
  app.route('/api/v1/attendances', attendanceRoutes(engine));
  app.route('/api/v1/ledger', exportRoutes());
  app.route('/api/v1', ledgerReadRoutes(engine));
  app.route('/api/v1/redemptions', redemptionRoutes(engine));
  app.route('/api/v1/bookings', bookingRoutes(engine));
  app.route('/api/v1/gifts', giftRoutes(engine));
  app.route('/api/v1/reconciliation', reconciliationRoutes());
  app.route('/api/v1', closeRoutes());

  app.notFound((c) => fail(c, 'not_found'));
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) return fail(c, error.status === 413 ? 'payload_too_large' : 'invalid_input');
    const operating = isOperatingError(error);
    const code = (error as { code?: unknown }).code;
    log(JSON.stringify({ level: 'error', outcome: operating ? 'unavailable' : 'internal', error: error.name, code: typeof code === 'string' ? code : undefined, method: c.req.method, path: new URL(c.req.url).pathname }));
    return fail(c, operating ? 'unavailable' : 'internal');
  });
  return app;
}

/** The services' context from the app's deps (also used by start-up to seed and create the bootstrap admin). */
export function createServiceContext(deps: Pick<AppDeps, 'database' | 'keys' | 'nowMs' | 'randomBytes' | 'passwordIterations'>): ServiceContext {
  const nowMs = deps.nowMs ?? (() => Date.now());
  const randomBytes = deps.randomBytes ?? ((count: number) => crypto.getRandomValues(new Uint8Array(count)));
  return {
    database: deps.database, keys: deps.keys, audit: createAuditLog(deps.database, nowMs), nowMs, randomBytes,
    newId: createIdGenerator(nowMs, randomBytes), passwordIterations: deps.passwordIterations ?? passwordIterationsDefault,
  };
}

function defaultClientKey(request: Request, env: unknown): string {
  const cloudflare = request.headers.get('cf-connecting-ip');
  if (cloudflare) return cloudflare;
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
