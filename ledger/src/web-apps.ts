// The built web apps on Node: /kiosk/, /admin/ and the volunteer pages at /me/ from dist/, with the headers the
// kiosk's service worker needs (its script lives under /assets/ but controls /kiosk/) and caching that lets it update.

import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import type { App } from './app.ts';
import { isServiceWorkerPath, serviceWorkerHeaders } from './service-worker-scope.ts';

/** Every other file under /assets/ has a content hash in its name and never changes. */
const hashedAssetCacheControl = 'public, max-age=31536000, immutable';

/** Serves dist/: the three apps, their shared /assets/, and / → /admin/. */
export function serveWebApps(app: App, distDir: string): void {
  const mounts: [string, string][] = [['/kiosk', 'kiosk'], ['/admin', 'admin'], ['/me', 'portal']];
  for (const [prefix, folder] of mounts) {
    app.get(prefix, (c) => c.redirect(`${prefix}/`, 308));
    // Pages are revalidated on every load, so a new build (with new hashed asset names) is picked up at once.
    app.get(`${prefix}/*`, revalidated, serveStatic({ root: `${distDir}/${folder}`, rewriteRequestPath: (path) => path.slice(prefix.length) || '/' }));
  }
  app.get('/assets/*', assetHeaders, serveStatic({ root: distDir }));
  app.get('/', (c) => c.redirect('/admin/', 302));
}

const revalidated: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.ok) c.header('Cache-Control', 'no-cache');
};

/**
 * The service worker script may control /kiosk/ only with `Service-Worker-Allowed`; `no-cache` makes the browser's
 * update check see a new worker at once. Other assets are immutable.
 */
const assetHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.ok) return;
  if (isServiceWorkerPath(c.req.path)) {
    for (const [name, value] of Object.entries(serviceWorkerHeaders)) c.header(name, value);
  } else {
    c.header('Cache-Control', hashedAssetCacheControl);
  }
};
