// One question before a write: check in to this activity, or redeem this service for this price.

import { BigButton, Frame, clockTime, type ScreenProps } from './parts.tsx';
import { priceText } from './services-screen.tsx';

export function ConfirmScreen(props: ScreenProps<'confirm-check-in'> | ScreenProps<'confirm-redeem'>) {
  const { view, emit, t } = props;
  const title = view.screen === 'confirm-check-in'
    ? t('confirmCheckIn', { title: view.activity.title })
    : t('confirmRedeem', { name: view.service.name, price: priceText(t, view.service) });
  return (
    <Frame title={title}>
      {view.screen === 'confirm-check-in' ? <p class="lead">{t('activityTime', { start: clockTime(view.activity.startsAt), end: clockTime(view.activity.endsAt) })}</p> : null}
      <div class="pair">
        <BigButton label={t('confirm')} tone="primary" onPress={() => emit({ type: 'confirm' })} />
        <BigButton label={t('cancel')} tone="quiet" onPress={() => emit({ type: 'back' })} />
      </div>
    </Frame>
  );
}
