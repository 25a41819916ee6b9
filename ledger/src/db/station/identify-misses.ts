// Phone misses of identify, per caller (kiosk or staff), for throttling. Each write also drops that caller's rows
// older than the window, so the table stays as small as the throttle needs.

import { and, count, eq, gte, lt } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { identifyMisses } from '../schema/identify.ts';

export async function insertIdentifyMiss(database: Database, callerKey: string, atMs: number, windowStartMs: number): Promise<void> {
  await database.db.batch([
    database.db.delete(identifyMisses).where(and(eq(identifyMisses.callerKey, callerKey), lt(identifyMisses.atMs, windowStartMs))),
    database.db.insert(identifyMisses).values({ callerKey, atMs }),
  ]);
}

export async function countIdentifyMisses(database: Database, callerKey: string, sinceMs: number): Promise<number> {
  const rows = await database.db.select({ value: count() }).from(identifyMisses).where(and(eq(identifyMisses.callerKey, callerKey), gte(identifyMisses.atMs, sinceMs)));
  return rows[0]?.value ?? 0;
}
