// The shapes the admin console reads from the staff API (ledger/src/routes/*.ts and /api/openapi.json), as the
// console uses them. Types only.

export type StaffRole = 'district_admin' | 'street_admin' | 'station_manager' | 'clerk' | 'auditor';
export type StaffMember = { id: string; username: string; displayName: string; role: StaffRole; stationIds: string[] };
export type Session = { token: string; staff: StaffMember };
export type Station = { id: string; name: string; address?: string | null };

export type DeviceStatus = { printerPaper?: 'ok' | 'low' | 'out' | 'unknown'; readerPresent?: boolean; outboxLength?: number; appVersion?: string };
export type Kiosk = {
  id: string; stationId: string; name: string; enrolledAt: string | null; revokedAt: string | null;
  enrollmentExpiresAt: string | null; lastHeartbeatAt: string | null; deviceStatus: DeviceStatus | null; lastKioskSeq?: number;
};
export type CreatedKiosk = { kioskId: string; enrollmentCode: string; expiresAt: string };

export type Approval = {
  id: string; attendanceId: string; reason: 'forgotten' | 'manager'; personId: string; volunteerNo: string | null; displayName: string | null;
  activityId: string; activityTitle: string | null; checkedInAt: string; closedAt: string; rawMinutes: number;
  proposedMinutes: number; proposedPoints: number; maxMinutes: number | null;
};
export type ApprovalDecision = { approval: { decision: 'approved' | 'rejected'; minutes: number; points: number } };

export type CloseCheck = { name: string; ok: boolean; detail?: string };
export type KindTotal = { count: number; time: number; points: number };
export type Close = {
  id: string; stationId: string; businessDate: string; seqFrom: number; seqTo: number; chainHead: string; prevCloseHash: string;
  closeHash: string; signature: string; signedBy: string; createdAt: string;
  totals: { transactions: number; rejected: number; lateUploads: number; byKind: Record<string, KindTotal> };
  checks: CloseCheck[]; items: Record<string, unknown>[];
};

export type ReconciliationItem = {
  itemId: string; kind: string; transactionId: string | null; asset: 'time' | 'points' | null; amount: number | null; detail: string | null;
  stationId: string; openedAt: string; status: 'open' | 'resolved';
};

export type Rounding = { mode: 'exact' } | { mode: 'down' | 'nearest' | 'up'; stepMinutes: 5 | 10 | 15 | 30 };
export type ActivityKind = 'service' | 'meeting' | 'household_visit' | 'training';
export type Activity = {
  id: string; stationId: string; title: string; kind: ActivityKind; startsAt: string; endsAt: string; lateGraceMinutes: number; rounding: Rounding;
  minAttendancePercent: number | null; approval: 'auto' | 'manager'; pointsPerHour: number; bonusPoints: number; pointsDailyCapPoints: number;
};
export type NewActivity = {
  stationId: string; title: string; kind?: ActivityKind; startsAt: string; endsAt: string; pointsPerHour?: number; rounding?: Rounding; approval?: 'auto' | 'manager';
};
export type Service = { id: string; stationId: string; name: string; asset: 'time' | 'points'; price: number; minAge: number | null; status: 'active' | 'retired' };
export type NewService = { stationId: string; name: string; asset: 'time' | 'points'; price: number; minAge?: number };

/** A person as staff see them without a reveal: every personal field masked. */
export type PersonView = {
  id: string; volunteerNo: string; displayName: string; age: number; idNumberMasked: string; phoneMasked: string | null; sex: string | null;
  workUnit: string | null; stationId: string; consentVersion: string; consentAt: string;
};
export type FamilyLink = { relativeId: string; relation: string };
export type PersonBalances = { time: number; points: number; asOfSeq: number };
export type RevealedPerson = { personId: string; idNumber: string; name: string; phone: string | null };

/** One row of the 双报到 report: a work unit's members at the station, their check-ins, minutes and points credited. */
export type WorkUnitRow = { workUnit: string; members: number; attendances: number; creditedMinutes: number; creditedPoints: number };
export type WorkUnitTotals = Omit<WorkUnitRow, 'workUnit'>;
export type WorkUnitReport = { stationId: string; from: string; to: string; workUnits: WorkUnitRow[]; totals: WorkUnitTotals };
/** A hash-chain check (ledger or audit log): rows 1..checkedThroughSeq agree; `firstBadSeq` is the first that does not. */
export type ChainCheck = { ok: boolean; checkedThroughSeq: number; firstBadSeq?: number };

/** A station's rule settings, effective values (defaults filled in); time in minutes (docs/station-settings.md). */
export type StationSettings = {
  stationId: string;
  pointsExpiryEnabled: boolean;
  pairsPerDayMax: number;
  pointsDailyCapDefault: number;
  timeStorageCapMinutes: number;
  giftYearlyCapMinutes: number;
};
/** PATCH body: only the settings to change; null sets a numeric setting back to its default. */
export type StationSettingsChange = {
  pointsExpiryEnabled?: boolean;
  pairsPerDayMax?: number | null;
  pointsDailyCapDefault?: number | null;
  timeStorageCapMinutes?: number | null;
  giftYearlyCapMinutes?: number | null;
};
