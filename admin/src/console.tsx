// The signed-in console: header (station, language, who, 退出), the section tabs, and the chosen section.

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { StaffApi } from './api/staff-api.ts';
import type { StaffMember, Station } from './api/types.ts';
import type { Translate } from './i18n/i18n.ts';
import { NoticeLine, noticeOfError } from './parts.tsx';
import { useLoad } from './use-load.ts';
import { KiosksPage } from './features/kiosks/kiosks-page.tsx';
import { ApprovalsPage } from './features/approvals/approvals-page.tsx';
import { ClosesPage } from './features/closes/closes-page.tsx';
import { ReconciliationPage } from './features/reconciliation/reconciliation-page.tsx';
import { CataloguePage } from './features/catalogue/catalogue-page.tsx';
import { PeoplePage } from './features/people/people-page.tsx';
import { ReportsPage } from './features/reports/reports-page.tsx';
import { SettingsPage } from './features/settings/settings-page.tsx';

export const tabs = ['kiosks', 'catalogue', 'people', 'approvals', 'closes', 'reconciliation', 'reports', 'settings'] as const;
export type Tab = (typeof tabs)[number];

type ConsoleProps = { t: Translate; api: StaffApi; staff: StaffMember; nowMs: () => number; origin: string; languageButton: ComponentChildren; onLogOut: () => void };

export function Console(props: ConsoleProps) {
  const { t, api } = props;
  const { loaded } = useLoad(() => api.listStations(), [api]);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('kiosks');
  const stations: Station[] = loaded.status === 'done' && loaded.result.ok ? loaded.result.value.stations : [];
  const station = stations.find((candidate) => candidate.id === chosenId) ?? stations[0];

  return (
    <div class="page">
      <header class="top">
        <h1>{t('appName')}</h1>
        {stations.length > 0 && station ? (
          <label class="station-picker">
            <span>{t('station')}</span>
            <select value={station.id} onChange={(event) => setChosenId(event.currentTarget.value)}>
              {stations.map((option) => <option key={option.id} value={option.id}>{option.name}</option>)}
            </select>
          </label>
        ) : null}
        <span class="who">{t('signedInAs', { name: props.staff.displayName || props.staff.username, role: t(`role_${props.staff.role}`) })}</span>
        {props.languageButton}
        <button type="button" class="quiet" onClick={props.onLogOut}>{t('logout')}</button>
      </header>
      <nav class="tabs" aria-label={t('tabs')}>
        {tabs.map((name) => (
          <button key={name} type="button" class={name === tab ? 'tab current' : 'tab'} aria-current={name === tab ? 'page' : undefined} onClick={() => setTab(name)}>{t(`tab_${name}`)}</button>
        ))}
      </nav>
      <main>
        {loaded.status === 'loading' ? <p>{t('loading')}</p> : null}
        {loaded.status === 'done' && !loaded.result.ok ? <NoticeLine notice={noticeOfError(t, loaded.result.error)} /> : null}
        {loaded.status === 'done' && loaded.result.ok && !station ? <p>{t('noStations')}</p> : null}
        {station ? <Section tab={tab} {...props} stationId={station.id} stationName={station.name} /> : null}
      </main>
    </div>
  );
}

function Section(props: ConsoleProps & { tab: Tab; stationId: string; stationName: string }) {
  const common = { t: props.t, api: props.api, stationId: props.stationId, nowMs: props.nowMs };
  switch (props.tab) {
    case 'kiosks': return <KiosksPage key={props.stationId} {...common} origin={props.origin} />;
    case 'catalogue': return <CataloguePage key={props.stationId} {...common} />;
    case 'people': return <PeoplePage key={props.stationId} {...common} />;
    case 'approvals': return <ApprovalsPage key={props.stationId} {...common} />;
    case 'closes': return <ClosesPage key={props.stationId} {...common} staff={props.staff} />;
    case 'reconciliation': return <ReconciliationPage key={props.stationId} {...common} />;
    case 'reports': return <ReportsPage key={props.stationId} {...common} stationName={props.stationName} />;
    case 'settings': return <SettingsPage key={props.stationId} t={props.t} api={props.api} stationId={props.stationId} staff={props.staff} />;
  }
}
