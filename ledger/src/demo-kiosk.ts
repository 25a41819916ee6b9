// Demo start-up: on a database loaded with the demo seeds, makes a fresh enrolment code for the demo kiosk
// (演示一体机) at the first demo station and prints a ready link, so a person can enrol a kiosk without the admin app.
// Never runs with SEED=none or on a database the demo seeds did not load.

import { readMeta } from './db/meta.ts';
import { listKiosks } from './db/station/kiosks.ts';
import { listStationPlaces } from './db/station/stations.ts';
import type { ServiceContext } from './services/context.ts';
import { createKiosk, revoke } from './services/kiosks.ts';
import { demoStationNames } from '../../seeds/demo.ts';

export const demoKioskName = '演示一体机';
/** The actor recorded in the audit log for the demo kiosk's creation (no staff member asked for it). */
export const demoKioskActor = 'demo-start';

export type DemoKioskLink = { kioskId: string; stationId: string; enrollUrl: string; expiresAtMs: number };
export type DemoKioskOutcome = { status: 'created'; link: DemoKioskLink } | { status: 'not_demo' } | { status: 'station_missing' };

/**
 * Issues a single-use 15-minute enrolment code through the same service as `POST /api/v1/kiosks`. A code is stored
 * hashed and cannot be shown again, so an earlier start's never-enrolled demo kiosk is revoked and replaced; an
 * enrolled demo kiosk stays as it is.
 */
export async function prepareDemoKiosk(ctx: ServiceContext, baseUrl: string, seed: 'demo' | 'none'): Promise<DemoKioskOutcome> {
  if (seed !== 'demo' || (await readMeta(ctx.database, 'demo_seed')) !== 'completed') return { status: 'not_demo' };
  const station = (await listStationPlaces(ctx.database)).find((place) => place.name === demoStationNames[0]);
  if (!station) return { status: 'station_missing' };
  const unused = (await listKiosks(ctx.database, [station.id])).filter((kiosk) => kiosk.name === demoKioskName && kiosk.enrolledAtMs === null && kiosk.revokedAtMs === null);
  for (const kiosk of unused) await revoke(ctx, demoKioskActor, kiosk);
  const created = await createKiosk(ctx, demoKioskActor, station.id, demoKioskName);
  const enrollUrl = `${baseUrl}/kiosk/?enroll=${encodeURIComponent(created.enrollmentCode)}`;
  return { status: 'created', link: { kioskId: created.kioskId, stationId: station.id, enrollUrl, expiresAtMs: created.expiresAtMs } };
}

/** The line `npm start` prints; tests read the link back from it with `demoEnrollUrlPattern`. */
export function demoKioskLine(link: DemoKioskLink): string {
  const until = new Date(link.expiresAtMs + 8 * 3_600_000).toISOString().slice(11, 16);
  return `demo kiosk (${demoKioskName}): open ${link.enrollUrl} in Chromium to enrol it (single use, valid until ${until} Beijing time)`;
}

export const demoEnrollUrlPattern = /open (http:\/\/\S+\/kiosk\/\?enroll=\S+) in Chromium/;
