// The crediting settings of one activity (rules 2–8), with the defaults of design.md §3 filled in.
// Pure; times are milliseconds since the epoch, already parsed from ISO strings by the caller.

import { assert } from './assert.ts';
import {
  activityDurationMinutesMax,
  bonusPointsMax,
  checkInOpensBeforeMinutesDefault,
  checkInOpensBeforeMinutesMax,
  lateGraceMinutesDefault,
  lateGraceMinutesMax,
  pointsPerHourDefault,
  pointsPerHourMax,
} from './limits.ts';
import { isRounding, roundingDefault, type Rounding } from './rounding.ts';

export type ApprovalMode = 'auto' | 'manager';
export type ActivityKind = 'service' | 'meeting' | 'household_visit' | 'training';
export type ActivityStatus = 'scheduled' | 'cancelled';

export type ActivityRules = {
  readonly startsAtMs: number;
  readonly endsAtMs: number;
  readonly status: ActivityStatus;
  readonly rounding: Rounding;
  /** Minutes after the scheduled end that still count (rule 2). */
  readonly lateGraceMinutes: number;
  /** Minimum share of the scheduled length, in percent (rule 4); null = off. */
  readonly minimumAttendancePercent: number | null;
  readonly pointsPerHour: number;
  /** Fixed points added to every attendance that credits at least one minute. */
  readonly bonusPoints: number;
  readonly approval: ApprovalMode;
  /** Check-in opens this many minutes before the scheduled start. */
  readonly checkInOpensBeforeMinutes: number;
};

export type ActivityRulesInput = Pick<ActivityRules, 'startsAtMs' | 'endsAtMs'> & Partial<ActivityRules>;

/** Fills the defaults and asserts every setting is within its limits (settings are trusted, validated data). */
export function activityRules(input: ActivityRulesInput): ActivityRules {
  const rules: ActivityRules = {
    status: 'scheduled',
    rounding: roundingDefault,
    lateGraceMinutes: lateGraceMinutesDefault,
    minimumAttendancePercent: null,
    pointsPerHour: pointsPerHourDefault,
    bonusPoints: 0,
    approval: 'auto',
    checkInOpensBeforeMinutes: checkInOpensBeforeMinutesDefault,
    ...input,
  };
  assertActivityRules(rules);
  return rules;
}

/** Scheduled length in whole minutes. */
export function scheduledMinutes(activity: Pick<ActivityRules, 'startsAtMs' | 'endsAtMs'>): number {
  return Math.floor((activity.endsAtMs - activity.startsAtMs) / 60_000);
}

function assertActivityRules(rules: ActivityRules): void {
  assert(Number.isSafeInteger(rules.startsAtMs) && Number.isSafeInteger(rules.endsAtMs), 'activity times must be integer ms');
  const lengthMinutes = scheduledMinutes(rules);
  assert(lengthMinutes >= 1 && lengthMinutes <= activityDurationMinutesMax, `activity length out of range: ${lengthMinutes} min`);
  assert(isRounding(rules.rounding), 'activity rounding malformed');
  assert(isIntegerIn(rules.lateGraceMinutes, 0, lateGraceMinutesMax), 'lateGraceMinutes out of range');
  assert(isIntegerIn(rules.checkInOpensBeforeMinutes, 0, checkInOpensBeforeMinutesMax), 'checkInOpensBeforeMinutes out of range');
  assert(isIntegerIn(rules.pointsPerHour, 0, pointsPerHourMax), 'pointsPerHour out of range');
  assert(isIntegerIn(rules.bonusPoints, 0, bonusPointsMax), 'bonusPoints out of range');
  assert(
    rules.minimumAttendancePercent === null || isIntegerIn(rules.minimumAttendancePercent, 1, 100),
    'minimumAttendancePercent out of range',
  );
}

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isSafeInteger(value) && value >= min && value <= max;
}
