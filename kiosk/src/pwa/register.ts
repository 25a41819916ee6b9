// Registers the kiosk's service worker (built by Vite as a worker asset) for the /kiosk/ scope.
// The service serves the worker with `Service-Worker-Allowed: /kiosk/`, as its file lives under /assets/.

import serviceWorkerUrl from './sw.ts?worker&url';

export const kioskScope = '/kiosk/';

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(serviceWorkerUrl, { scope: kioskScope, type: 'classic' }).catch((error: unknown) => {
    // Without the worker the kiosk still runs online; the maintenance screen's network line tells staff.
    console.warn('service worker not registered', error);
  });
}
