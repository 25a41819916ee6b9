// The kiosk's service worker: caches the app shell (page, hashed assets, manifest) and the station's activity and
// service lists, so a restarted kiosk with no network still starts, lists today's activities and queues. No other API
// call is cached (nothing personal): they go to the network or fail.

// The project compiles against the DOM lib, so the few worker types used here are spelled out.
type ExtendableEvent = Event & { waitUntil(promise: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & { request: Request; respondWith(response: Promise<Response> | Response): void };
type WorkerScope = {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
};
const worker = globalThis as unknown as WorkerScope;

const cacheName = 'linli-kiosk-shell-v1';
const shellPath = '/kiosk/';
/**
 * The station's lists (no personal data) that the kiosk keeps only in memory: without them an offline restart could
 * not offer an activity to check in to or a service to redeem. Network first; one answer kept per path.
 */
const stationListPaths = ['/api/v1/activities', '/api/v1/services'];

worker.addEventListener('install', (event) => {
  event.waitUntil(caches.open(cacheName).then((cache) => cache.add(shellPath)).then(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('linli-kiosk-shell-') && name !== cacheName).map((name) => caches.delete(name))))
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin) return;
  if (stationListPaths.includes(url.pathname)) {
    // Signed requests carry a fresh signature each time, so the answer is kept and found by its URL alone.
    event.respondWith(fetchAndKeepLatest(request, url).catch(() => caches.match(url.href, { ignoreVary: true }).then((hit) => hit ?? Response.error())));
    return;
  }
  if (url.pathname.startsWith('/api/')) return;
  if (url.pathname.startsWith('/assets/')) {
    // Hashed file names never change content: cache first.
    event.respondWith(caches.match(request).then((hit) => hit ?? fetchAndKeep(request)));
    return;
  }
  if (url.pathname === shellPath || url.pathname === `${shellPath}index.html` || request.mode === 'navigate') {
    // The page: network first so a new build arrives, the cached shell when offline.
    event.respondWith(fetchAndKeep(request, shellPath).catch(() => caches.match(shellPath).then((hit) => hit ?? Response.error())));
  }
});

async function fetchAndKeep(request: Request, cacheKey: string | Request = request): Promise<Response> {
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(cacheName);
    await cache.put(cacheKey, response.clone());
  }
  return response;
}

/** Keeps a successful list answer under its URL and drops the older ones of the same path (an earlier day's list). */
async function fetchAndKeepLatest(request: Request, url: URL): Promise<Response> {
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(cacheName);
    for (const key of await cache.keys()) {
      if (key.url !== url.href && new URL(key.url).pathname === url.pathname) await cache.delete(key);
    }
    await cache.put(url.href, response.clone());
  }
  return response;
}
