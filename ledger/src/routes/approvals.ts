// Approvals and manual attendance for staff: the queue of attendances awaiting a manager, approve/reject,
// supplementary hours (补录, always audited), and running the forgotten check-out sweep on demand.

import { Hono, type Context } from 'hono';
import { scheduledMinutes } from '../../../domain/activity.ts';
import { hashRequest } from '../core/canonical.ts';
import type { SubmitOutcome } from '../core/transaction.ts';
import { findAttendance, listPendingApprovals } from '../db/operations/attendance-store.ts';
import type { Ledger } from '../db/ledger/ledger.ts';
import { findActivity } from '../db/station/catalogue.ts';
import { findPersonById } from '../db/station/people.ts';
import { rulesOfActivity } from '../operations/attendance/activity-rules.ts';
import { approvalUnit } from '../operations/attendance/approvals.ts';
import { supplementaryUnit } from '../operations/attendance/supplementary.ts';
import { sweepForgottenCheckOuts } from '../operations/attendance/sweep.ts';
import { kioskWriteId, respondToOutcome } from '../operations/kiosk-write.ts';
import type { AuditEvent } from '../services/audit.ts';
import { denyUnlessStation, requireStaff } from './auth.ts';
import { fail, noStore, type AppEnv } from './http.ts';
import { idText, integer, optional, queryInteger, readBody, readQuery, text } from './validate.ts';

const approvalsListedMax = 200;
const supplementaryMinutesMax = 366 * 24 * 60;

export function approvalRoutes(ledger: Ledger): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', requireStaff('approvals:decide'), async (c) => {
    const query = readQuery(c, { stationId: idText, limit: optional(queryInteger(1, approvalsListedMax)) });
    if (!query.ok) return fail(c, query.code, query.detail);
    const denial = await denyUnlessStation(c, query.value.stationId);
    if (denial) return denial;
    const database = c.get('ctx').database;
    const rows = await listPendingApprovals(database.db, [query.value.stationId], query.value.limit ?? approvalsListedMax);
    const approvals = await Promise.all(rows.map(async ({ attendance, closure }) => {
      const [person, activity] = await Promise.all([findPersonById(database, attendance.personId), findActivity(database, attendance.activityId)]);
      return {
        id: attendance.id, attendanceId: attendance.id, reason: closure.reason === 'forgotten' ? 'forgotten' : 'manager',
        personId: attendance.personId, volunteerNo: person?.volunteerNo ?? null, displayName: person?.displayName ?? null,
        activityId: attendance.activityId, activityTitle: activity?.title ?? null, checkedInAt: new Date(attendance.checkedInAtMs).toISOString(),
        closedAt: new Date(closure.closedAtMs).toISOString(), rawMinutes: closure.rawMinutes, proposedMinutes: closure.decidedMinutes,
        proposedPoints: closure.decidedPoints, maxMinutes: activity ? scheduledMinutes(rulesOfActivity(activity)) : null,
      };
    }));
    noStore(c);
    return c.json({ approvals });
  });

  for (const decision of ['approve', 'reject'] as const) {
    app.post(`/:attendanceId/${decision}`, requireStaff('approvals:decide'), async (c) => {
      const body = await readBody(c, { minutes: optional(integer(0, supplementaryMinutesMax)), reason: optional(text({ max: 200 })) });
      if (!body.ok) return fail(c, body.code, body.detail);
      const ctx = c.get('ctx');
      const found = await findAttendance(ctx.database.db, c.req.param('attendanceId') ?? '');
      const activity = found && (await findActivity(ctx.database, found.attendance.activityId));
      if (!found || !activity) return fail(c, 'approval_not_found');
      const denial = await denyUnlessStation(c, found.attendance.stationId);
      if (denial) return denial;
      const staffId = staffIdOf(c);
      const request = { decision, staffId, attendanceId: found.attendance.id, ...body.value };
      const outcome = await ledger.submit(approvalUnit({
        id: ctx.newId(), requestHash: hashRequest(request), staffId, decision, nowMs: ctx.nowMs(), attendance: found.attendance, activity,
        ...(body.value.minutes !== undefined && { minutes: body.value.minutes }), ...(body.value.reason !== undefined && { reason: body.value.reason }),
      }));
      await auditLedgerCorrection(c, decision === 'approve' ? 'attendance_approved' : 'attendance_rejected', outcome, found.attendance.stationId, found.attendance.id,
        { ...(body.value.minutes !== undefined && { minutes: body.value.minutes }) });
      return respondToOutcome(c, outcome);
    });
  }
  return app;
}

export function attendanceRoutes(ledger: Ledger): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/supplementary', requireStaff('approvals:decide'), async (c) => {
    const body = await readBody(c, {
      id: optional(kioskWriteId), personId: idText, activityId: idText, minutes: integer(1, supplementaryMinutesMax), reason: text({ min: 2, max: 200 }),
    });
    if (!body.ok) return fail(c, body.code, body.detail);
    const ctx = c.get('ctx');
    const [person, activity] = await Promise.all([findPersonById(ctx.database, body.value.personId), findActivity(ctx.database, body.value.activityId)]);
    if (!person) return fail(c, 'person_not_found');
    if (!activity) return fail(c, 'activity_not_found');
    const denial = await denyUnlessStation(c, activity.stationId);
    if (denial) return denial;
    const staffId = staffIdOf(c);
    const id = body.value.id ?? ctx.newId();
    const outcome = await ledger.submit(supplementaryUnit({
      id, requestHash: hashRequest({ kind: 'supplementary', staffId, ...body.value, id }), staffId, personId: person.id, activity,
      minutes: body.value.minutes, reason: body.value.reason, nowMs: ctx.nowMs(),
    }));
    await auditLedgerCorrection(c, 'supplementary_minutes', outcome, activity.stationId, person.id, { activityId: activity.id, minutes: body.value.minutes, reason: body.value.reason });
    return respondToOutcome(c, outcome);
  });

  app.post('/sweep', requireStaff('approvals:decide'), async (c) => {
    const ctx = c.get('ctx');
    return c.json(await sweepForgottenCheckOuts({ ledger, database: ctx.database }, ctx.nowMs()));
  });

  return app;
}

function staffIdOf(c: Context<AppEnv>): string {
  const principal = c.get('principal');
  return principal.kind === 'staff' ? principal.staff.id : '';
}

type LedgerCorrection = Extract<AuditEvent, 'attendance_approved' | 'attendance_rejected' | 'supplementary_minutes'>;

/** Every decision and 补录 is audited, rejected ones too; a replay (`exists`) was audited the first time. */
async function auditLedgerCorrection(c: Context<AppEnv>, event: LedgerCorrection, outcome: SubmitOutcome, stationId: string, target: string, detail: Record<string, string | number>): Promise<void> {
  if (outcome.status !== 'created' && outcome.status !== 'rejected') return;
  await c.get('ctx').audit.append({
    actorType: 'staff', actorId: staffIdOf(c), stationId, event, outcome: outcome.status === 'created' ? 'success' : 'failure', target,
    detail: { ...detail, ...(outcome.status === 'rejected' && { code: outcome.code }), ledgerSeq: outcome.ledgerSeq },
  });
}

