// The kiosk's service worker: caches the app shell (page, hashed assets, manifest) so a restarted kiosk with no
// network still starts and queues. API calls are never cached: they go to the network or fail.

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
  if (request.method !== 'GET' || url.origin !== worker.location.origin || url.pathname.startsWith('/api/')) return;
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
