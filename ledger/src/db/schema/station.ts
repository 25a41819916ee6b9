// Tables of the station service: regions and stations, staff and sessions, the audit chain, activities,
// services, people (personal data encrypted, looked up by keyed hash), family links and kiosks.
// Times are integer milliseconds since the epoch (`...AtMs`); personal data never appears in plain text.

import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** District > street > community; stations hang under communities. */
export const regions = sqliteTable('regions', {
  id: text().primaryKey(),
  level: text({ enum: ['district', 'street', 'community'] }).notNull(),
  name: text().notNull(),
  parentId: text(),
});

export const stations = sqliteTable('stations', {
  id: text().primaryKey(),
  communityId: text().notNull().references(() => regions.id),
  name: text().notNull(),
  address: text().notNull().default(''),
  createdAtMs: integer().notNull(),
});

/**
 * Station settings of the rules (design.md §3: every rule is a station or activity setting). A station without a row
 * has every default. Kept apart from `stations` so a new setting never changes the station row every caller inserts.
 */
export const stationSettings = sqliteTable('station_settings', {
  stationId: text().primaryKey().references(() => stations.id),
  /** Rule 13: unspent points of the year before last expire at year end. Off by default. */
  pointsExpiryEnabled: integer({ mode: 'boolean' }).notNull().default(false),
  /** When `pointsExpiryEnabled` last changed; null on rows from before this column (then `updatedAtMs` is that time). */
  pointsExpiryChangedAtMs: integer(),
  /** Rules 5, 8, 9 and 10 (docs/station-settings.md); null keeps the domain default of domain/limits.ts. */
  pairsPerDayMax: integer(),
  pointsDailyCapDefault: integer(),
  timeStorageCapMinutes: integer(),
  giftYearlyCapMinutes: integer(),
  updatedBy: text().notNull(),
  updatedAtMs: integer().notNull(),
});

/** One row per station and closing year once its points expiry has run (docs/points-expiry.md): it runs once. */
export const pointsExpiryRuns = sqliteTable('points_expiry_runs', {
  stationId: text().notNull().references(() => stations.id),
  /** The closing year (Asia/Shanghai calendar year), e.g. 2026 for the run on or after 2027-01-01. */
  year: integer().notNull(),
  /** People of the station examined, and those who had points expired. */
  peopleCount: integer().notNull(),
  peopleExpiredCount: integer().notNull(),
  pointsExpired: integer().notNull(),
  /** 'staff' (the route) or 'system' (the minute sweep). */
  triggeredBy: text({ enum: ['staff', 'system'] }).notNull(),
  actorId: text(),
  ranAtMs: integer().notNull(),
}, (table) => [primaryKey({ columns: [table.stationId, table.year] })]);

export const staff = sqliteTable('staff', {
  id: text().primaryKey(),
  username: text().notNull().unique(),
  displayName: text().notNull().default(''),
  passwordHash: text().notNull(),
  role: text({ enum: ['district_admin', 'street_admin', 'station_manager', 'clerk', 'auditor'] }).notNull(),
  /** District or street for admins and auditors: they see every station below it. */
  regionId: text().references(() => regions.id),
  disabledAtMs: integer(),
  createdAtMs: integer().notNull(),
});

/** Stations of station managers and clerks. */
export const staffStations = sqliteTable('staff_stations', {
  staffId: text().notNull().references(() => staff.id),
  stationId: text().notNull().references(() => stations.id),
}, (table) => [primaryKey({ columns: [table.staffId, table.stationId] })]);

export const staffSessions = sqliteTable('staff_sessions', {
  /** SHA-256 of the opaque bearer token, base64url; the token itself is never stored. */
  tokenHash: text().primaryKey(),
  staffId: text().notNull().references(() => staff.id),
  createdAtMs: integer().notNull(),
  lastSeenAtMs: integer().notNull(),
  revokedAtMs: integer(),
});

/** Failed logins, counted per username and per client over a window for throttling. */
export const loginFailures = sqliteTable('login_failures', {
  id: integer().primaryKey({ autoIncrement: true }),
  username: text().notNull(),
  clientKey: text().notNull(),
  atMs: integer().notNull(),
}, (table) => [index('login_failures_username').on(table.username, table.atMs), index('login_failures_client').on(table.clientKey, table.atMs)]);

/** Append-only, hash-chained: hash = SHA-256(prevHash ‖ canonical record). Triggers reject UPDATE/DELETE. */
export const auditLog = sqliteTable('audit_log', {
  seq: integer().primaryKey(),
  atMs: integer().notNull(),
  actorType: text({ enum: ['staff', 'kiosk', 'anonymous', 'system'] }).notNull(),
  actorId: text(),
  stationId: text(),
  event: text().notNull(),
  outcome: text().notNull(),
  target: text(),
  detail: text().notNull().default('{}'),
  prevHash: text().notNull(),
  hash: text().notNull(),
});

export const activities = sqliteTable('activities', {
  id: text().primaryKey(),
  stationId: text().notNull().references(() => stations.id),
  title: text().notNull(),
  kind: text().notNull(),
  startsAtMs: integer().notNull(),
  endsAtMs: integer().notNull(),
  lateGraceMinutes: integer().notNull(),
  rounding: text().notNull(),
  minAttendanceRatioPercent: integer().notNull(),
  approval: text({ enum: ['auto', 'manager'] }).notNull(),
  pointsPerHour: integer().notNull(),
  bonusPoints: integer().notNull(),
  /** Most points a person may earn per business date where this activity's credits count (rule 8, default 40). */
  pointsDailyCapPoints: integer().notNull().default(40),
  createdBy: text().notNull(),
  createdAtMs: integer().notNull(),
}, (table) => [index('activities_station_start').on(table.stationId, table.startsAtMs)]);

export const services = sqliteTable('services', {
  id: text().primaryKey(),
  stationId: text().notNull().references(() => stations.id),
  name: text().notNull(),
  asset: text({ enum: ['time', 'points'] }).notNull(),
  price: integer().notNull(),
  minAge: integer(),
  /** Retired services stay listed for history but can no longer be redeemed or booked. */
  status: text({ enum: ['active', 'retired'] }).notNull().default('active'),
  createdBy: text().notNull(),
  createdAtMs: integer().notNull(),
}, (table) => [index('services_station').on(table.stationId)]);

export const people = sqliteTable('people', {
  id: text().primaryKey(),
  volunteerNo: text().notNull().unique(),
  /** AES-256-GCM of the ID number: base64url(iv ‖ ciphertext). */
  idNumberCipher: text().notNull(),
  /** HMAC-SHA-256 of the normalised ID number, base64url: the lookup key. */
  idNumberHash: text().notNull().unique(),
  nameCipher: text().notNull(),
  /** The masked name (张*三): the only form of the name shown outside a reveal. */
  displayName: text().notNull(),
  phoneCipher: text(),
  phoneHash: text(),
  sex: text(),
  birthDate: text().notNull(),
  consentVersion: text().notNull(),
  consentAtMs: integer().notNull(),
  workUnit: text(),
  stationId: text().notNull().references(() => stations.id),
  registeredBy: text().notNull(),
  createdAtMs: integer().notNull(),
}, (table) => [index('people_phone_hash').on(table.phoneHash), index('people_station').on(table.stationId)]);

export const familyLinks = sqliteTable('family_links', {
  personId: text().notNull().references(() => people.id),
  relativeId: text().notNull().references(() => people.id),
  relation: text({ enum: ['spouse', 'parent', 'child', 'grandparent', 'grandchild'] }).notNull(),
  createdBy: text().notNull(),
  createdAtMs: integer().notNull(),
}, (table) => [primaryKey({ columns: [table.personId, table.relativeId] })]);

export const kiosks = sqliteTable('kiosks', {
  id: text().primaryKey(),
  stationId: text().notNull().references(() => stations.id),
  name: text().notNull(),
  /** SHA-256 of the single-use enrolment code; cleared-by-use is `enrolledAtMs`. */
  enrollmentCodeHash: text().notNull().unique(),
  enrollmentExpiresAtMs: integer().notNull(),
  enrolledAtMs: integer(),
  publicKeyJwk: text(),
  revokedAtMs: integer(),
  createdBy: text().notNull(),
  createdAtMs: integer().notNull(),
  lastHeartbeatAtMs: integer(),
  /** Latest heartbeat's device status as JSON (printer paper, reader, outbox length, app version). */
  deviceStatus: text(),
});

/** Nonces of signed kiosk requests, single-use until they expire. */
export const kioskNonces = sqliteTable('kiosk_nonces', {
  kioskId: text().notNull(),
  nonce: text().notNull(),
  expiresAtMs: integer().notNull(),
}, (table) => [primaryKey({ columns: [table.kioskId, table.nonce] }), index('kiosk_nonces_expiry').on(table.expiresAtMs)]);

/** Stored outcomes of kiosk writes this service records itself (registration), idempotent by `id`. */
export const kioskWrites = sqliteTable('kiosk_writes', {
  id: text().primaryKey(),
  kioskId: text().notNull(),
  kioskSeq: integer().notNull(),
  kind: text().notNull(),
  requestHash: text().notNull(),
  status: integer().notNull(),
  response: text().notNull(),
  recordedAtMs: integer().notNull().default(sql`0`),
}, (table) => [uniqueIndex('kiosk_writes_seq').on(table.kioskId, table.kioskSeq)]);
