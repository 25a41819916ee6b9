// /api/v1/stations: the stations the caller may see (staff: by role and region; kiosk: its own).

import { Hono } from 'hono';
import { listStationPlaces } from '../db/station/stations.ts';
import { requireKioskOrStaff } from './auth.ts';
import type { AppEnv } from './http.ts';

export function stationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', requireKioskOrStaff('people:read'), async (c) => {
    const visible = c.get('principal').stationIds;
    const places = await listStationPlaces(c.get('ctx').database);
    const stations = places.filter((place) => visible.includes(place.id))
      .map((place) => ({ id: place.id, name: place.name, address: place.address, communityId: place.communityId, regionIds: place.regionIds }));
    return c.json({ stations });
  });
  return app;
}
