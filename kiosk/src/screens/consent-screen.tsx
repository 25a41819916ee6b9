// Registration: ask for the card, then show the purpose and the separate consent (单独同意). Nothing is sent
// before 同意; 不同意 returns to the attract screen and the card leaves memory.

import { BigButton, Frame, HomeButton, type ScreenProps } from './parts.tsx';
import { CardArt } from './attract-screen.tsx';

export function RegisterTapScreen(props: ScreenProps<'register-tap'>) {
  const { emit, t } = props;
  return (
    <Frame title={t('registerTapTitle')} footer={<HomeButton emit={emit} t={t} label={t('back')} />}>
      <div class="tap-prompt" role="status"><CardArt /><p>{t('registerTapTitle')}</p></div>
    </Frame>
  );
}

export function ConsentScreen(props: ScreenProps<'consent'>) {
  const { emit, t } = props;
  return (
    <Frame title={t('consentTitle')}>
      <div class="consent" role="document">
        <p>{t('consentPurpose')}</p>
        <p>{t('consentStorage')}</p>
        <p>{t('consentRights')}</p>
      </div>
      <p class="lead">{t('consentQuestion')}</p>
      <div class="pair">
        <BigButton label={t('agree')} tone="primary" onPress={() => emit({ type: 'agree' })} />
        <BigButton label={t('disagree')} tone="quiet" onPress={() => emit({ type: 'back' })} />
      </div>
    </Frame>
  );
}
