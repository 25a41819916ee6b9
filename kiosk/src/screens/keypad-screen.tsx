// The keypad path for people without their card: the mobile number, then the check question (year of birth).

import { BackButton, BigButton, Frame, type Emit, type ScreenProps } from './parts.tsx';
import type { Translate } from '../i18n/i18n.ts';

export function KeypadScreen(props: ScreenProps<'phone'> | ScreenProps<'check-question'>) {
  const { view, emit, t } = props;
  const isPhone = view.screen === 'phone';
  const title = isPhone ? t('phoneTitle') : t('checkQuestionTitle');
  return (
    <Frame title={title} footer={<BackButton emit={emit} t={t} />}>
      <output class="keypad-display" aria-label={title} aria-live="polite">{view.digits || '\u00a0'}</output>
      <Keypad emit={emit} t={t} />
    </Frame>
  );
}

function Keypad(props: { emit: Emit; t: Translate }) {
  const { emit, t } = props;
  const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
  return (
    <div class="keypad" role="group" aria-label="keypad">
      {digits.map((digit) => <BigButton key={digit} label={digit} onPress={() => emit({ type: 'digit', digit })} />)}
      <BigButton label={t('keypadDelete')} tone="quiet" onPress={() => emit({ type: 'backspace' })} />
      <BigButton label="0" onPress={() => emit({ type: 'digit', digit: '0' })} />
      <BigButton label={t('keypadNext')} tone="primary" onPress={() => emit({ type: 'enter' })} />
    </div>
  );
}
