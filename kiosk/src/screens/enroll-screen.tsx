// First start: staff type the enrolment code from the admin app (or it arrives as ?enroll=CODE) and set the
// maintenance PIN; the kiosk makes its key pair and enrols.

import { useState } from 'preact/hooks';
import type { Translate } from '../i18n/i18n.ts';
import { isValidPin, pinDigitsMax, pinDigitsMin } from '../api/maintenance-pin.ts';
import { BigButton, Frame } from './parts.tsx';

export type EnrollSubmit = (code: string, pin: string) => Promise<{ ok: true } | { ok: false; code: string }>;

export function EnrollScreen(props: { t: Translate; initialCode: string; onSubmit: EnrollSubmit }) {
  const { t } = props;
  const [code, setCode] = useState(props.initialCode);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const canSubmit = code.trim().length > 0 && isValidPin(pin) && !isBusy;

  async function submit(): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await props.onSubmit(code.trim(), pin);
    setBusy(false);
    if (!result.ok) setError(t('enrollFailed', { code: result.code }));
  }

  return (
    <Frame title={t('enrollTitle')}>
      <label class="field">
        <span>{t('enrollPrompt')}</span>
        <input type="text" autoComplete="off" autoCapitalize="characters" value={code} onInput={(event) => setCode(event.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('pinTitle')}（{pinDigitsMin}–{pinDigitsMax}）</span>
        <input type="password" inputMode="numeric" autoComplete="off" value={pin} onInput={(event) => setPin(event.currentTarget.value)} />
      </label>
      {error ? <p class="error" role="alert">{error}</p> : null}
      <BigButton label={t('enrollButton')} tone="primary" disabled={!canSubmit} onPress={() => void submit()} />
    </Frame>
  );
}
