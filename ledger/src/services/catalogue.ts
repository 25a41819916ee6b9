// Activities (with their crediting settings, defaults from domain/activity.ts and the station's settings) and the
// services catalogue.

import { activityRules, type ActivityKind, type ApprovalMode } from '../../../domain/activity.ts';
import type { Asset } from '../../../domain/assets.ts';
import type { Rounding } from '../../../domain/rounding.ts';
import { insertActivity, insertService, retireServiceRow, type ActivityRow, type ServiceRow } from '../db/station/catalogue.ts';
import { readStationSettings } from '../db/station/station-settings.ts';
import type { ServiceContext } from './context.ts';

export const activityKinds = ['service', 'meeting', 'household_visit', 'training'] as const satisfies readonly ActivityKind[];

export type ActivityInput = {
  stationId: string; title: string; kind?: ActivityKind; startsAtMs: number; endsAtMs: number; lateGraceMinutes?: number;
  rounding?: Rounding; minAttendancePercent?: number; approval?: ApprovalMode; pointsPerHour?: number; bonusPoints?: number;
  /**
   * Most points per person and business date where this activity's credits count (rule 8). Default: the station's
   * `pointsDailyCapDefault` setting (40 unless set), fixed on the activity at creation.
   */
  pointsDailyCapPoints?: number;
};

export async function createActivity(ctx: ServiceContext, staffId: string, input: ActivityInput): Promise<ActivityRow> {
  const rules = activityRules({
    startsAtMs: input.startsAtMs, endsAtMs: input.endsAtMs,
    ...(input.lateGraceMinutes !== undefined && { lateGraceMinutes: input.lateGraceMinutes }),
    ...(input.rounding !== undefined && { rounding: input.rounding }),
    ...(input.minAttendancePercent !== undefined && { minimumAttendancePercent: input.minAttendancePercent }),
    ...(input.approval !== undefined && { approval: input.approval }),
    ...(input.pointsPerHour !== undefined && { pointsPerHour: input.pointsPerHour }),
    ...(input.bonusPoints !== undefined && { bonusPoints: input.bonusPoints }),
  });
  const pointsDailyCapPoints = input.pointsDailyCapPoints ?? (await readStationSettings(ctx.database.client, input.stationId)).pointsDailyCapDefault;
  const row: ActivityRow = {
    id: ctx.newId(), stationId: input.stationId, title: input.title, kind: input.kind ?? 'service', startsAtMs: rules.startsAtMs, endsAtMs: rules.endsAtMs,
    lateGraceMinutes: rules.lateGraceMinutes, rounding: JSON.stringify(rules.rounding), minAttendanceRatioPercent: rules.minimumAttendancePercent ?? 0,
    approval: rules.approval, pointsPerHour: rules.pointsPerHour, bonusPoints: rules.bonusPoints, pointsDailyCapPoints,
    createdBy: staffId, createdAtMs: ctx.nowMs(),
  };
  await insertActivity(ctx.database, row);
  return row;
}

export function activityView(row: ActivityRow) {
  return {
    id: row.id, stationId: row.stationId, title: row.title, kind: row.kind, startsAt: new Date(row.startsAtMs).toISOString(), endsAt: new Date(row.endsAtMs).toISOString(),
    lateGraceMinutes: row.lateGraceMinutes, rounding: JSON.parse(row.rounding) as Rounding, minAttendancePercent: row.minAttendanceRatioPercent === 0 ? null : row.minAttendanceRatioPercent,
    approval: row.approval, pointsPerHour: row.pointsPerHour, bonusPoints: row.bonusPoints, pointsDailyCapPoints: row.pointsDailyCapPoints,
  };
}

export type ServiceInput = { stationId: string; name: string; asset: Asset; price: number; minAge?: number };

export async function createService(ctx: ServiceContext, staffId: string, input: ServiceInput): Promise<ServiceRow> {
  const row: ServiceRow = { id: ctx.newId(), stationId: input.stationId, name: input.name, asset: input.asset, price: input.price, minAge: input.minAge ?? null, status: 'active', createdBy: staffId, createdAtMs: ctx.nowMs() };
  await insertService(ctx.database, row);
  return row;
}

/** Retires a service: kept for history and receipts, never redeemed or booked again. Retiring twice is harmless. */
export async function retireService(ctx: ServiceContext, staffId: string, row: ServiceRow): Promise<ServiceRow> {
  await retireServiceRow(ctx.database, row.id);
  if (row.status !== 'retired') await ctx.audit.append({ actorType: 'staff', actorId: staffId, stationId: row.stationId, event: 'service_retired', outcome: 'success', target: row.id });
  return { ...row, status: 'retired' };
}

export function serviceView(row: ServiceRow) {
  return { id: row.id, stationId: row.stationId, name: row.name, asset: row.asset, price: row.price, minAge: row.minAge, status: row.status };
}
