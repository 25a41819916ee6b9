// The simulation's day-report verdict: after healing, each kiosk gets one more outbox turn to send its day reports
// on its own; then a station manager closes every business date a kiosk wrote on, oldest first, and close check 5
// (`kiosk_sequences_and_counters`) must pass for each. Run after the other checks: closing changes no transaction.

import { businessDateOf, businessDayStartMs } from '../../domain/business-date.ts';
import type { SimKiosk } from './sim-kiosk.ts';
import type { SimWorld } from './sim-world.ts';
import { testPassword } from './station-fixture.ts';

export type DayCloseVerdict = { violations: string[]; closes: number; reportsStored: number };

export async function checkDayCloses(world: SimWorld, kiosks: readonly SimKiosk[]): Promise<DayCloseVerdict> {
  const { fixture } = world;
  for (const kiosk of kiosks) await kiosk.outbox().drain();
  const rows = (await fixture.database.client.execute('SELECT DISTINCT station_id, occurred_at_ms FROM transactions WHERE kiosk_id IS NOT NULL AND occurred_at_ms IS NOT NULL')).rows;
  const datesByStation = new Map<string, Set<string>>();
  for (const row of rows) {
    const dates = datesByStation.get(String(row.station_id)) ?? new Set<string>();
    dates.add(businessDateOf(Number(row.occurred_at_ms)));
    datesByStation.set(String(row.station_id), dates);
  }
  const violations: string[] = [];
  let closes = 0;
  const managerOf: Record<string, string> = { [fixture.stationA]: 'manager-a', [fixture.stationB]: 'manager-b' };
  for (const [stationId, dates] of datesByStation) {
    for (const businessDate of [...dates].sort()) {
      // A kiosk clock ahead of the server may have dated a write on the server's tomorrow: wait for that day.
      world.clock.nowMs = Math.max(world.clock.nowMs, businessDayStartMs(businessDate) + 60_000);
      const session = await fixture.call('POST', '/api/v1/staff/sessions', { body: { username: managerOf[stationId], password: testPassword } });
      const { token } = (await session.json()) as { token: string };
      const response = await fixture.call('POST', `/api/v1/stations/${stationId}/closes`, { token, body: { businessDate } });
      if (response.status !== 201) {
        violations.push(`close of ${stationId} ${businessDate}: ${response.status} ${await response.text()}`);
        continue;
      }
      closes++;
      const { close } = (await response.json()) as { close: { checks: { name: string; ok: boolean; detail?: string }[] } };
      const check = close.checks.find((candidate) => candidate.name === 'kiosk_sequences_and_counters');
      if (!check?.ok) violations.push(`close of ${stationId} ${businessDate}: kiosk_sequences_and_counters failed: ${check?.detail ?? 'missing'}`);
    }
  }
  const reportsStored = Number((await fixture.database.client.execute('SELECT count(*) AS n FROM kiosk_day_reports')).rows[0]?.n ?? 0);
  return { violations, closes, reportsStored };
}
