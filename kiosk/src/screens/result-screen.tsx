// Results of a write: checked in, checked out (minutes, credits, new balances), redeemed (pickup code), registered.
// A write stored offline says 待同步 and what that means.

import { formatMinutes } from '../i18n/i18n.ts';
import { BalancesView, BigButton, Frame, type ScreenProps } from './parts.tsx';

type ResultScreens = ScreenProps<'checked-in'> | ScreenProps<'checked-out'> | ScreenProps<'redeemed'> | ScreenProps<'registered'>;

export function ResultScreen(props: ResultScreens) {
  const { view, emit, t } = props;
  const footer = <BigButton label={t('finish')} tone="primary" onPress={() => emit({ type: 'finish' })} />;
  const pending = 'isQueued' in view && view.isQueued ? <PendingNote t={t} /> : null;
  switch (view.screen) {
    case 'checked-in':
      return (
        <Frame title={t('checkedIn')} footer={footer} tone="success">
          <p class="lead success" role="status">{t('checkedInDetail', { title: view.activity.title })}</p>
          {pending}
        </Frame>
      );
    case 'checked-out':
      return (
        <Frame title={t('checkedOut')} footer={footer} tone="success">
          <p class="lead success" role="status">{t('takeReceipt')}</p>
          {view.result ? (
            <>
              <dl class="facts">
                <div><dt>{t('minutesServed')}</dt><dd>{formatMinutes(t, view.result.minutes)}</dd></div>
                <div><dt>{t('credited')}</dt><dd>{formatMinutes(t, view.result.credited.time)} · {t('pointsValue', { points: view.result.credited.points })}</dd></div>
              </dl>
              <BalancesView balances={view.result.balances} t={t} caption={t('newBalances')} />
            </>
          ) : null}
          {pending}
        </Frame>
      );
    case 'redeemed':
      return (
        <Frame title={t('redeemed')} footer={footer} tone="success">
          <p class="lead success" role="status">{t('redeemedDetail', { name: view.service.name })}</p>
          {view.result ? <p class="pickup" aria-label={`${t('pickupCode')} ${view.result.pickupCode}`}><span>{t('pickupCode')}</span><strong>{view.result.pickupCode}</strong></p> : null}
          {view.result?.balances ? <BalancesView balances={view.result.balances} t={t} caption={t('newBalances')} /> : null}
          {pending}
        </Frame>
      );
    case 'registered':
      return (
        <Frame title={t('registered')} footer={footer} tone="success">
          {view.person ? <p class="lead success">{t('registeredDetail', { number: view.person.volunteerNo })}</p> : null}
        </Frame>
      );
  }
}

function PendingNote(props: { t: (key: 'pending' | 'pendingNote') => string }) {
  return (
    <p class="pending" role="status"><strong>{props.t('pending')}</strong> {props.t('pendingNote')}</p>
  );
}
