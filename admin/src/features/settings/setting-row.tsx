// One numeric setting of 站点设置: its input (hours for time), effective value, meaning, range, and 恢复默认 with a
// confirm step, because putting a rule back changes every later entry.

import { useState } from 'preact/hooks';
import type { Translate } from '../../i18n/i18n.ts';
import { isDefault, settingRangeText, settingRules, settingValueText, type FieldProblem, type NumericSetting } from './settings-view.ts';

type Props = {
  t: Translate; name: NumericSetting; text: string; current: number; problem: FieldProblem | undefined; isReadOnly: boolean; isBusy: boolean;
  onInput: (text: string) => void; onRestore: () => void;
};

export function NumericSettingRow(props: Props) {
  const { t, name, current } = props;
  const [isConfirming, setConfirming] = useState(false);
  const label = t(`setting_${name}`);
  const defaultText = settingValueText(t, name, settingRules[name].defaultValue);
  const inputId = `setting-${name}`;
  const hintId = `${inputId}-hint`;
  const problemId = `${inputId}-problem`;
  return (
    <fieldset class="setting" disabled={props.isReadOnly}>
      <legend>{label}</legend>
      <div class="row-form">
        <input id={inputId} type="text" inputMode="decimal" aria-label={label} aria-describedby={props.problem ? `${hintId} ${problemId}` : hintId}
          aria-invalid={props.problem !== undefined} value={props.text} size={10} onInput={(event) => props.onInput(event.currentTarget.value)} />
        <span class="unit">{t(`settingUnit_${settingRules[name].unit}`, { value: '' }).trim()}</span>
        <span class="setting-current">
          {t('settingCurrent', { value: settingValueText(t, name, current) })}{isDefault(name, current) ? t('settingDefaultMark') : ''}
        </span>
        {isConfirming ? (
          <span class="confirm" role="group" aria-label={t('settingRestoreConfirm', { label, value: defaultText })}>
            <span>{t('settingRestoreConfirm', { label, value: defaultText })}</span>
            <button type="button" class="danger" disabled={props.isBusy} onClick={() => { setConfirming(false); props.onRestore(); }}>{t('settingRestoreYes')}</button>
            <button type="button" class="quiet" onClick={() => setConfirming(false)}>{t('cancel')}</button>
          </span>
        ) : (
          <button type="button" class="quiet" aria-label={t('settingRestoreLabel', { label, value: defaultText })} disabled={props.isBusy || isDefault(name, current)}
            onClick={() => setConfirming(true)}>{t('settingRestore')}</button>
        )}
      </div>
      <p class="hint" id={hintId}>
        {t(`settingMeaning_${name}`)} {t('settingRange', { range: settingRangeText(t, name) })} · {t('settingDefault', { value: defaultText })}
      </p>
      {props.problem ? <p class="notice notice-error" id={problemId}>{t(props.problem)}</p> : null}
    </fieldset>
  );
}
