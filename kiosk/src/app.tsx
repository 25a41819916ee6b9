// The kiosk's shell: status bar (station, time, 演示模式, language, 长辈模式, speech), the offline banner, the
// current screen for the flow's view, the maintenance screen, and in demo mode the lazily loaded 模拟刷卡 picker and
// 演示凭条 preview. Renders state; the runtime does the work.

import { useEffect, useReducer, useState } from 'preact/hooks';
import type { Kiosk } from './boot.ts';
import type { Settings } from './settings.ts';
import { translator, type Translate } from './i18n/i18n.ts';
import type { FlowEvent, View } from './flow/types.ts';
import type { Emit } from './screens/parts.tsx';
import { AttractScreen } from './screens/attract-screen.tsx';
import { KeypadScreen } from './screens/keypad-screen.tsx';
import { MenuScreen } from './screens/menu-screen.tsx';
import { ActivitiesScreen } from './screens/activities-screen.tsx';
import { ConfirmScreen } from './screens/confirm-screen.tsx';
import { ServicesScreen } from './screens/services-screen.tsx';
import { StatementScreen } from './screens/statement-screen.tsx';
import { ResultScreen } from './screens/result-screen.tsx';
import { ConsentScreen, RegisterTapScreen } from './screens/consent-screen.tsx';
import { MessageScreen, WaitingScreen } from './screens/message-screen.tsx';
import { CameraScreen } from './screens/camera-screen.tsx';
import { MaintenanceScreen } from './screens/maintenance-screen.tsx';
import { StatusBar } from './screens/status-bar.tsx';
import type * as DemoTools from './screens/demo-tools.tsx';

export const maintenanceIdleMs = 120_000;

export function App(props: { kiosk: Kiosk; settings: Settings; onSettings: (settings: Settings) => void }) {
  const { kiosk, settings } = props;
  const [, bump] = useReducer((count: number) => count + 1, 0);
  const rerender = () => bump(undefined);
  const [isMaintenance, setMaintenance] = useState(false);
  const [maintenanceTouchMs, setMaintenanceTouchMs] = useState(0);
  useEffect(() => {
    // Staff who walk away leave no open maintenance screen behind.
    if (!isMaintenance) return;
    const timer = setTimeout(() => setMaintenance(false), maintenanceIdleMs);
    return () => clearTimeout(timer);
  }, [isMaintenance, maintenanceTouchMs]);
  useEffect(() => {
    const stops = [kiosk.runtime.subscribe(rerender), kiosk.outbox.subscribe(rerender), kiosk.onDevicesChange(rerender)];
    return () => stops.forEach((stop) => stop());
  }, [kiosk]);
  const t = translator(settings.language);
  const emit: Emit = (event: FlowEvent) => kiosk.runtime.dispatch(event);
  const devices = kiosk.devices();
  const view = kiosk.runtime.state().view;
  const isDemo = devices?.status().isDemo === true;
  const [demoTools, setDemoTools] = useState<typeof DemoTools | null>(null);
  useEffect(() => {
    // The demo chunk (picker, receipt decoder) loads only when the kiosk runs on emulated devices.
    if (isDemo && demoTools === null) void import('./screens/demo-tools.tsx').then((module) => setDemoTools(module));
  }, [isDemo]);
  const isWiped = view.screen === 'attract' && view.intent === null;
  useEffect(() => {
    // The receipt preview belongs to the resident who just left: the wipe (idle or 完成) forgets it.
    if (isWiped) devices?.demoForgetPrintout();
  }, [isWiped, devices]);

  return (
    <div class={`kiosk${settings.isElderMode ? ' elder' : ''}`} lang={settings.language} onPointerDown={() => { emit({ type: 'touch' }); if (isMaintenance) setMaintenanceTouchMs(Date.now()); }}>
      <StatusBar t={t} kiosk={kiosk} settings={settings} onSettings={props.onSettings} />
      {!kiosk.outbox.isOnline() ? (
        <div class="offline-banner" role="status">{kiosk.outbox.pendingCount() > 0 ? t('offlineBanner', { count: kiosk.outbox.pendingCount() }) : t('offlineBannerEmpty')}</div>
      ) : null}
      <main class="screen" data-screen={isMaintenance ? 'maintenance' : view.screen}>
        {isMaintenance ? (
          <MaintenanceScreen
            t={t}
            kioskId={kiosk.identity.kioskId}
            devices={devices?.status() ?? { reader: 'missing', printer: 'missing', scanner: 'missing', isDemo: false, printerCode: null }}
            isOnline={kiosk.outbox.isOnline()}
            entries={kiosk.outbox.entries()}
            checkPin={kiosk.checkPin}
            onTestPrint={() => void devices?.print({ kind: 'test', kioskId: kiosk.identity.kioskId, printedAt: new Date().toISOString() })}
            onReprint={kiosk.runtime.lastReceipt() === null ? null : () => { const last = kiosk.runtime.lastReceipt(); if (last) void devices?.print({ kind: 'receipt', ...last }); }}
            onConnect={() => void devices?.connect()}
            onClose={() => setMaintenance(false)}
          />
        ) : (
          <CurrentScreen view={view} emit={emit} t={t} kiosk={kiosk} />
        )}
      </main>
      <footer class="footer">
        {devices && isDemo && demoTools && !isMaintenance ? <demoTools.DemoCardPicker t={t} hub={devices} screen={view.screen} /> : null}
        <button type="button" class="maintenance-link" aria-label={t('maintenance')} onClick={() => { emit({ type: 'finish' }); setMaintenance(true); }}>⚙ {t('maintenance')}</button>
      </footer>
      {devices && isDemo && demoTools && !isMaintenance ? <demoTools.DemoReceiptPreview t={t} hub={devices} /> : null}
    </div>
  );
}

function CurrentScreen(props: { view: View; emit: Emit; t: Translate; kiosk: Kiosk }) {
  const { view, emit, t } = props;
  switch (view.screen) {
    case 'attract': return <AttractScreen view={view} emit={emit} t={t} activities={props.kiosk.runtime.activities()} hasCamera={props.kiosk.camera.isAvailable()} />;
    case 'camera': return <CameraScreen view={view} emit={emit} t={t} openCamera={props.kiosk.camera.open} />;
    case 'phone': return <KeypadScreen view={view} emit={emit} t={t} />;
    case 'check-question': return <KeypadScreen view={view} emit={emit} t={t} />;
    case 'identifying': return <WaitingScreen view={view} emit={emit} t={t} />;
    case 'working': return <WaitingScreen view={view} emit={emit} t={t} />;
    case 'menu': return <MenuScreen view={view} emit={emit} t={t} />;
    case 'activities': return <ActivitiesScreen view={view} emit={emit} t={t} />;
    case 'open-attendances': return <ActivitiesScreen view={view} emit={emit} t={t} />;
    case 'confirm-check-in': return <ConfirmScreen view={view} emit={emit} t={t} />;
    case 'confirm-redeem': return <ConfirmScreen view={view} emit={emit} t={t} />;
    case 'services': return <ServicesScreen view={view} emit={emit} t={t} />;
    case 'statement': return <StatementScreen view={view} emit={emit} t={t} />;
    case 'checked-in': return <ResultScreen view={view} emit={emit} t={t} />;
    case 'checked-out': return <ResultScreen view={view} emit={emit} t={t} />;
    case 'redeemed': return <ResultScreen view={view} emit={emit} t={t} />;
    case 'registered': return <ResultScreen view={view} emit={emit} t={t} />;
    case 'register-tap': return <RegisterTapScreen view={view} emit={emit} t={t} />;
    case 'consent': return <ConsentScreen view={view} emit={emit} t={t} />;
    case 'register-phone': return <KeypadScreen view={view} emit={emit} t={t} />;
    case 'message': return <MessageScreen view={view} emit={emit} t={t} />;
  }
}
