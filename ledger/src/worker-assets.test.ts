// Proves the Worker's fetch adds the service worker headers to the kiosk's worker script it fetches from the assets
// binding (when wrangler.toml routes /assets/sw-* to the Worker), leaves a missing script's 404 alone, and hands the
// portal's /me/ pages to the assets binding; none of these needs the database.

import { describe, expect, it } from 'vitest';
import worker, { type WorkerEnv } from './worker.ts';

/** The assets binding over an in-memory file list, answering as Workers assets do (404 when missing). */
function assetsOf(files: Record<string, string>): { fetch(request: Request): Promise<Response>; requested: string[] } {
  const requested: string[] = [];
  return {
    requested,
    async fetch(request: Request) {
      const path = new URL(request.url).pathname;
      requested.push(path);
      const body = files[path];
      return body === undefined ? new Response('not found', { status: 404 }) : new Response(body, { headers: { 'Content-Type': 'text/javascript', 'ETag': '"abc"' } });
    },
  };
}

const env = (assets: ReturnType<typeof assetsOf>) => ({ ASSETS: assets }) as unknown as WorkerEnv;

describe('the Worker serving the kiosk service worker', () => {
  it('adds Service-Worker-Allowed /kiosk/ and no-cache, keeping the asset’s own headers', async () => {
    const assets = assetsOf({ '/assets/sw-B90IsMC2.js': 'self.skipWaiting();' });
    const response = await worker.fetch(new Request('https://linli.test/assets/sw-B90IsMC2.js'), env(assets));
    expect(response.status).toBe(200);
    expect(response.headers.get('Service-Worker-Allowed')).toBe('/kiosk/');
    expect(response.headers.get('Cache-Control')).toBe('no-cache');
    expect(response.headers.get('ETag')).toBe('"abc"');
    expect(await response.text()).toBe('self.skipWaiting();');
  });

  it('passes a missing script’s 404 through without the scope header', async () => {
    const response = await worker.fetch(new Request('https://linli.test/assets/sw-gone1.js'), env(assetsOf({})));
    expect(response.status).toBe(404);
    expect(response.headers.get('Service-Worker-Allowed')).toBeNull();
  });

  it('maps /me/ to the portal build in the assets binding', async () => {
    const assets = assetsOf({ '/portal/': '<!doctype html>' });
    expect((await worker.fetch(new Request('https://linli.test/me/'), env(assets))).status).toBe(200);
    expect(assets.requested).toEqual(['/portal/']);
  });
});
