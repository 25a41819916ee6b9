// Storage of redemptions and bookings: what a redemption or booking unit loads inside the ledger writer (service,
// person facts, station, the day's pickup codes), the rows that ride in its ledger batch, and staff lookups.

import type { Client, InStatement } from '@libsql/client';
import { and, desc, eq } from 'drizzle-orm';
import type { Asset } from '../../../../domain/assets.ts';
import { isAsset } from '../../../../domain/assets.ts';
import { assert } from '../../../../domain/assert.ts';
import type { Database } from '../client.ts';
import { bookings, redemptionCollections, redemptions } from '../schema/redemption.ts';
import { holds } from '../schema/ledger.ts';

export type RedemptionRow = typeof redemptions.$inferSelect;
export type BookingRow = typeof bookings.$inferSelect;
export type ServiceFacts = { id: string; stationId: string; name: string; asset: Asset; price: number; minAge: number | null; status: 'active' | 'retired' };
export type PersonFacts = { id: string; birthDate: string | null; displayName: string; volunteerNo: string };
export type SpendFacts = { service: ServiceFacts | null; person: PersonFacts | null; stationName: string };

/** Service, person and station name in one read batch (inside the writer's `load`). */
export async function loadSpendFacts(client: Client, input: { serviceId: string; personId: string; stationId: string }): Promise<SpendFacts> {
  const [service, person, station] = await client.batch([
    { sql: 'SELECT id, station_id, name, asset, price, min_age, status FROM services WHERE id = ?', args: [input.serviceId] },
    { sql: 'SELECT id, birth_date, display_name, volunteer_no FROM people WHERE id = ?', args: [input.personId] },
    { sql: 'SELECT name FROM stations WHERE id = ?', args: [input.stationId] },
  ], 'read');
  const serviceRow = service!.rows[0], personRow = person!.rows[0];
  const asset = serviceRow?.asset;
  assert(serviceRow === undefined || isAsset(asset), 'services.asset read back is not an asset');
  assert(serviceRow === undefined || serviceRow.status === 'active' || serviceRow.status === 'retired', 'services.status read back is malformed');
  return {
    service: serviceRow ? { id: String(serviceRow.id), stationId: String(serviceRow.station_id), name: String(serviceRow.name), asset: asset as Asset,
      price: Number(serviceRow.price), minAge: serviceRow.min_age === null ? null : Number(serviceRow.min_age), status: serviceRow.status as ServiceFacts['status'] } : null,
    person: personRow ? { id: String(personRow.id), birthDate: personRow.birth_date === null || personRow.birth_date === '' ? null : String(personRow.birth_date),
      displayName: String(personRow.display_name), volunteerNo: String(personRow.volunteer_no) } : null,
    stationName: String(station!.rows[0]?.name ?? ''),
  };
}

export async function usedPickupCodes(client: Client, stationId: string, businessDate: string): Promise<Set<string>> {
  const result = await client.execute({ sql: 'SELECT pickup_code FROM redemptions WHERE station_id = ? AND business_date = ?', args: [stationId, businessDate] });
  return new Set(result.rows.map((row) => String(row.pickup_code)));
}

export function insertRedemptionStatement(row: RedemptionRow): InStatement {
  return {
    sql: `INSERT INTO redemptions (id, station_id, person_id, service_id, asset, amount, pickup_code, business_date, kiosk_id, offline, shortfall, recorded_at_ms)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [row.id, row.stationId, row.personId, row.serviceId, row.asset, row.amount, row.pickupCode, row.businessDate, row.kioskId, row.offline, row.shortfall, row.recordedAtMs],
  };
}

export function insertBookingStatement(row: BookingRow): InStatement {
  return {
    sql: 'INSERT INTO bookings (hold_id, station_id, person_id, service_id, asset, amount, deadline_ms, kiosk_id, created_by, recorded_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    args: [row.holdId, row.stationId, row.personId, row.serviceId, row.asset, row.amount, row.deadlineMs, row.kioskId, row.createdBy, row.recordedAtMs],
  };
}

export type RedemptionView = RedemptionRow & { collectedAtMs: number | null; collectedBy: string | null };

export async function findRedemptionByCode(database: Database, stationId: string, businessDate: string, pickupCode: string): Promise<RedemptionView | undefined> {
  const rows = await database.db.select().from(redemptions).leftJoin(redemptionCollections, eq(redemptionCollections.redemptionId, redemptions.id))
    .where(and(eq(redemptions.stationId, stationId), eq(redemptions.businessDate, businessDate), eq(redemptions.pickupCode, pickupCode))).limit(1);
  const row = rows[0];
  return row ? { ...row.redemptions, collectedAtMs: row.redemption_collections?.collectedAtMs ?? null, collectedBy: row.redemption_collections?.collectedBy ?? null } : undefined;
}

export async function findRedemption(database: Database, redemptionId: string): Promise<RedemptionView | undefined> {
  const rows = await database.db.select().from(redemptions).leftJoin(redemptionCollections, eq(redemptionCollections.redemptionId, redemptions.id))
    .where(eq(redemptions.id, redemptionId)).limit(1);
  const row = rows[0];
  return row ? { ...row.redemptions, collectedAtMs: row.redemption_collections?.collectedAtMs ?? null, collectedBy: row.redemption_collections?.collectedBy ?? null } : undefined;
}

/** Marks a redemption collected once: false when it already was. */
export async function insertCollection(database: Database, redemptionId: string, collectedBy: string, collectedAtMs: number): Promise<boolean> {
  const result = await database.client.execute({
    sql: 'INSERT INTO redemption_collections (redemption_id, collected_by, collected_at_ms) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', args: [redemptionId, collectedBy, collectedAtMs],
  });
  return result.rowsAffected === 1;
}

export type BookingView = BookingRow & { status: 'pending' | 'posted' | 'voided' | 'expired' };

export async function findBooking(database: Database, holdId: string): Promise<BookingView | undefined> {
  const rows = await database.db.select({ booking: bookings, status: holds.status }).from(bookings).innerJoin(holds, eq(holds.holdId, bookings.holdId))
    .where(eq(bookings.holdId, holdId)).limit(1);
  const row = rows[0];
  return row ? { ...row.booking, status: row.status } : undefined;
}

export async function listBookings(database: Database, stationId: string, limit: number): Promise<BookingView[]> {
  const rows = await database.db.select({ booking: bookings, status: holds.status }).from(bookings).innerJoin(holds, eq(holds.holdId, bookings.holdId))
    .where(eq(bookings.stationId, stationId)).orderBy(desc(bookings.recordedAtMs)).limit(limit);
  return rows.map((row) => ({ ...row.booking, status: row.status }));
}

/** The station of the transaction that opened a hold (every hold, booking or not, belongs to one). */
export async function stationOfHold(database: Database, holdId: string): Promise<string | null> {
  const result = await database.client.execute({ sql: 'SELECT station_id FROM transactions WHERE id = ?', args: [holdId] });
  const station = result.rows[0]?.station_id;
  return station === undefined || station === null ? null : String(station);
}
