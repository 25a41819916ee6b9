// The keypad screens: the mobile number and its check question (year of birth) for people without their card, and
// the optional mobile number at registration. A line under the digits says how many are still missing.

import { BackButton, BigButton, Frame, type Emit, type ScreenProps } from './parts.tsx';
import type { Translate } from '../i18n/i18n.ts';
import { birthYearDigits, phoneDigitsMax } from '../flow/identify-steps.ts';

export function KeypadScreen(props: ScreenProps<'phone'> | ScreenProps<'check-question'> | ScreenProps<'register-phone'>) {
  const { view, emit, t } = props;
  const isRegistration = view.screen === 'register-phone';
  const title = view.screen === 'check-question' ? t('checkQuestionTitle') : isRegistration ? t('registerPhoneTitle') : t('phoneTitle');
  const digitsWanted = view.screen === 'check-question' ? birthYearDigits : phoneDigitsMax;
  const missing = digitsWanted - view.digits.length;
  const nextLabel = isRegistration ? t('registerPhoneDone') : t('keypadNext');
  const hint = view.screen === 'check-question' && view.digits.length === 0 ? t('checkQuestionHint') : missing > 0 ? t('phoneDigitsLeft', { count: missing }) : t('phoneDigitsDone', { next: nextLabel });
  const footer = isRegistration
    ? <><BigButton label={t('registerPhoneSkip')} onPress={() => emit({ type: 'skip' })} /><BackButton emit={emit} t={t} /></>
    : <BackButton emit={emit} t={t} />;
  return (
    <Frame title={title} footer={footer} variant="keypad-screen">
      {isRegistration ? <p class="note">{t('registerPhoneNote')}</p> : null}
      <output class="keypad-display" aria-label={title} aria-live="polite">{view.digits || '\u00a0'}</output>
      <p class="keypad-hint" role="status">{hint}</p>
      <Keypad emit={emit} t={t} nextLabel={nextLabel} isComplete={missing === 0} />
    </Frame>
  );
}

function Keypad(props: { emit: Emit; t: Translate; nextLabel: string; isComplete: boolean }) {
  const { emit, t } = props;
  const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
  return (
    <div class="keypad" role="group" aria-label="keypad">
      {digits.map((digit) => <BigButton key={digit} label={digit} onPress={() => emit({ type: 'digit', digit })} />)}
      <BigButton label={t('keypadDelete')} tone="quiet" onPress={() => emit({ type: 'backspace' })} />
      <BigButton label="0" onPress={() => emit({ type: 'digit', digit: '0' })} />
      <BigButton label={props.nextLabel} tone={props.isComplete ? 'primary' : 'plain'} onPress={() => emit({ type: 'enter' })} />
    </div>
  );
}
