// The kiosk's entry: opens IndexedDB, enrols on first start (typed code or ?enroll=CODE), else boots the kiosk,
// renders it, then loads the device layer lazily and registers the service worker for offline starts.

import { render } from 'preact';
import { useState } from 'preact/hooks';
import './styles.css';
import { openKioskDb, writeRecord } from './storage/idb.ts';
import { createKeyPair, loadIdentity, saveIdentity } from './api/identity.ts';
import { enroll } from './api/kiosk-api.ts';
import { hashPin } from './api/maintenance-pin.ts';
import { bootKiosk, pinHashKey, stationNameKey, type Kiosk } from './boot.ts';
import { loadSettings, saveSettings, type Settings } from './settings.ts';
import { translator } from './i18n/i18n.ts';
import { createSpeaker } from './speech.ts';
import { App } from './app.tsx';
import { EnrollScreen } from './screens/enroll-screen.tsx';
import { registerServiceWorker } from './pwa/register.ts';

async function start(root: HTMLElement): Promise<void> {
  const baseUrl = location.origin;
  let settings = loadSettings();
  const db = await openKioskDb();
  const identity = await loadIdentity(db);
  registerServiceWorker();
  if (!identity) {
    const initialCode = new URLSearchParams(location.search).get('enroll') ?? '';
    const onSubmit = async (code: string, pin: string) => {
      const keys = await createKeyPair();
      const result = await enroll(baseUrl, code, keys.publicKeyJwk).catch(() => ({ ok: false as const, code: 'network_error' }));
      if (!result.ok) return result;
      await saveIdentity(db, { kioskId: result.value.kioskId, stationId: result.value.stationId, ...keys });
      await writeRecord(db, pinHashKey, await hashPin(pin));
      if (result.value.stationName) await writeRecord(db, stationNameKey, result.value.stationName);
      location.replace(location.pathname);
      return { ok: true as const };
    };
    render(<div class="kiosk"><main class="screen"><EnrollScreen t={translator(settings.language)} initialCode={initialCode} onSubmit={onSubmit} /></main></div>, root);
    return;
  }
  const speaker = createSpeaker(() => ({ t: translator(settings.language), language: settings.language, isOn: settings.isSpeechOn }));
  const kiosk = await bootKiosk(db, identity, baseUrl, { speak: speaker.speak, clearResident: speaker.stop });
  const Root = () => {
    const [current, setCurrent] = useState(settings);
    const update = (next: Settings) => { settings = next; saveSettings(next); setCurrent(next); };
    return <App kiosk={kiosk} settings={current} onSettings={update} />;
  };
  render(<Root />, root);
  await startDevices(kiosk);
}

async function startDevices(kiosk: Kiosk): Promise<void> {
  const [{ startDevices: start }, { attachWedgeScanner }] = await Promise.all([import('./devices/supervisor.ts'), import('../../hardware/scanner/wedge-listener.ts')]);
  // A keyboard-wedge scanner types the member QR as fast keys; the listener tells it apart from people typing.
  attachWedgeScanner(document, (text) => kiosk.runtime.dispatch({ type: 'scan', text }));
  const hub = await start({
    onCard: (card) => kiosk.runtime.dispatch({ type: 'card', card }),
    onCardError: () => kiosk.runtime.dispatch({ type: 'card-error' }),
  });
  kiosk.setDevices(hub);
  await hub.detect();
}

const root = document.getElementById('app');
if (root) void start(root);
