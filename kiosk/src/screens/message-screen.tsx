// Waiting screens (identifying, working) and messages by code; an unknown card is offered registration.

import type { MessageCode } from '../flow/types.ts';
import type { MessageKey, Translate } from '../i18n/i18n.ts';
import { BigButton, Frame, HomeButton, Waiting, type ScreenProps } from './parts.tsx';

export function WaitingScreen(props: ScreenProps<'identifying'> | ScreenProps<'working'>) {
  const { view, t } = props;
  return <Frame title={view.screen === 'identifying' ? t('identifying') : t('working')}><Waiting text={view.screen === 'identifying' ? t('identifyingNote') : t('workingNote')} /></Frame>;
}

export function MessageScreen(props: ScreenProps<'message'>) {
  const { view, emit, t } = props;
  return (
    <Frame title={messageText(t, view.code, view.detail)} label="message" tone="warning">
      <div class="pair">
        {view.code === 'person_not_found' && view.card !== null ? <BigButton label={t('register')} tone="primary" onPress={() => emit({ type: 'intent', intent: 'register' })} /> : null}
        <HomeButton emit={emit} t={t} />
      </div>
    </Frame>
  );
}

const reasonKeys: Record<string, MessageKey> = {
  offline_limit_exceeded: 'reason_offline_limit_exceeded',
  insufficient_balance: 'reason_insufficient_balance',
  registration_needs_network: 'reason_registration_needs_network',
  outbox_full: 'reason_outbox_full',
  already_checked_in: 'reason_already_checked_in',
  activity_ended: 'reason_activity_ended',
  activity_not_open: 'reason_activity_not_open',
  pairs_per_day_exceeded: 'reason_pairs_per_day_exceeded',
  registration_lost: 'reason_registration_lost',
};

export function messageText(t: Translate, code: MessageCode, detail: string | null): string {
  if (code !== 'rejected') return t(`msg_${code}`);
  const reasonKey = detail === null ? undefined : reasonKeys[detail];
  return t('msg_rejected', { reason: reasonKey ? t(reasonKey) : t('reason_other', { code: detail ?? '' }) });
}
