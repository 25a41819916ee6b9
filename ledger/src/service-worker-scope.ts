// The kiosk's service worker script is a Vite asset under /assets/ but must control /kiosk/: these are the headers
// that allow it (`Service-Worker-Allowed`) and let a new build replace it at once (`no-cache`), on Node and Workers.

/** The scope the kiosk registers its service worker for (kiosk/src/pwa/register.ts). */
export const kioskScope = '/kiosk/';
/** Vite names the kiosk's worker bundle after kiosk/src/pwa/sw.ts: `/assets/sw-<hash>.js`. */
const serviceWorkerPath = /^\/assets\/sw-[A-Za-z0-9_-]+\.js$/;

export function isServiceWorkerPath(path: string): boolean {
  return serviceWorkerPath.test(path);
}

export const serviceWorkerHeaders = { 'Service-Worker-Allowed': kioskScope, 'Cache-Control': 'no-cache' } as const;

/** The asset's response with the service worker headers added (a successful response only). */
export function withServiceWorkerHeaders(response: Response): Response {
  if (!response.ok) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(serviceWorkerHeaders)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
