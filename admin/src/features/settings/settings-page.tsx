// 站点设置: the station's five rule settings with their effective values and meaning; 保存 sends only what changed,
// 恢复默认 (after a confirm) sends null for one setting, and a refusal is shown beside the form.

import { useState } from 'preact/hooks';
import type { StaffApi } from '../../api/staff-api.ts';
import type { StaffMember, StationSettings } from '../../api/types.ts';
import type { Translate } from '../../i18n/i18n.ts';
import { NoticeLine, Section, noticeOfError, type Notice } from '../../parts.tsx';
import { useLoad } from '../../use-load.ts';
import { changedSettings, formOfSettings, formProblems, settingsErrorText, type NumericSetting, type SettingsForm } from './settings-view.ts';
import { NumericSettingRow } from './setting-row.tsx';

type Props = { t: Translate; api: StaffApi; stationId: string; staff: StaffMember };

/** Roles the server lets change settings; anyone else sees them read-only (the server still decides, a 403 also locks). */
const changingRoles: readonly string[] = ['station_manager', 'street_admin', 'district_admin'];

export function SettingsPage(props: Props) {
  const { t, api, stationId } = props;
  const { loaded } = useLoad(() => api.readStationSettings(stationId), [api, stationId]);
  if (loaded.status === 'loading') return <Section title={t('settingsTitle')}><p>{t('loading')}</p></Section>;
  if (!loaded.result.ok) return <Section title={t('settingsTitle')}><NoticeLine notice={noticeOfError(t, loaded.result.error)} /></Section>;
  return <SettingsForm {...props} initial={loaded.result.value.settings} canChange={changingRoles.includes(props.staff.role)} />;
}

function SettingsForm(props: Props & { initial: StationSettings; canChange: boolean }) {
  const { t, api, stationId } = props;
  const [current, setCurrent] = useState(props.initial);
  const [form, setForm] = useState<SettingsForm>(() => formOfSettings(props.initial));
  const [isReadOnly, setReadOnly] = useState(!props.canChange);
  const [notice, setNotice] = useState<Notice>(props.canChange ? null : { tone: 'error', text: t('settingsForbidden') });
  const [isBusy, setBusy] = useState(false);
  const problems = formProblems(form);
  const hasProblem = Object.keys(problems).length > 0;

  async function send(change: Parameters<StaffApi['changeStationSettings']>[1], done: (settings: StationSettings) => void): Promise<void> {
    setBusy(true);
    setNotice({ tone: 'ok', text: t('settingsSaving') });
    const result = await api.changeStationSettings(stationId, change);
    setBusy(false);
    if (result.ok) return done(result.value.settings);
    if (result.error.status === 403) setReadOnly(true);
    setNotice({ tone: 'error', text: settingsErrorText(t, result.error) });
  }

  function save(event: Event): void {
    event.preventDefault();
    const change = changedSettings(current, form);
    if (Object.keys(change).length === 0) return setNotice({ tone: 'ok', text: t('settingsUnchanged') });
    void send(change, (settings) => {
      setCurrent(settings);
      setForm(formOfSettings(settings));
      setNotice({ tone: 'ok', text: t('settingsSaved') });
    });
  }

  function restore(name: NumericSetting): void {
    void send({ [name]: null }, (settings) => {
      setCurrent(settings);
      // Other fields keep what the manager typed but has not saved yet.
      setForm((typed) => ({ ...typed, [name]: formOfSettings(settings)[name] }));
      setNotice({ tone: 'ok', text: t('settingsRestored', { label: t(`setting_${name}`) }) });
    });
  }

  return (
    <Section title={t('settingsTitle')}>
      <p class="hint">{t('settingsIntro')}</p>
      <form class="settings-form" onSubmit={save}>
        <fieldset class="setting" disabled={isReadOnly}>
          <legend>{t('setting_pointsExpiryEnabled')}</legend>
          <label class="field inline">
            <input type="checkbox" checked={form.pointsExpiryEnabled} onChange={(event) => setForm({ ...form, pointsExpiryEnabled: event.currentTarget.checked })} />
            <span>{t('settingExpiryToggle')}</span>
          </label>
          <p class="hint">{t(form.pointsExpiryEnabled ? 'settingMeaning_pointsExpiryEnabledOn' : 'settingMeaning_pointsExpiryEnabledOff')}</p>
          <p class="setting-current">{t('settingCurrent', { value: t(current.pointsExpiryEnabled ? 'settingExpiryOn' : 'settingExpiryOff') })}</p>
        </fieldset>
        {(['pairsPerDayMax', 'pointsDailyCapDefault', 'timeStorageCapMinutes', 'giftYearlyCapMinutes'] as const).map((name) => (
          <NumericSettingRow key={name} t={t} name={name} text={form[name]} current={current[name]} problem={problems[name]} isReadOnly={isReadOnly} isBusy={isBusy}
            onInput={(text) => setForm({ ...form, [name]: text })} onRestore={() => restore(name)} />
        ))}
        <div class="form-foot">
          <button type="submit" class="primary" disabled={isReadOnly || isBusy || hasProblem}>{t('settingsSave')}</button>
          <NoticeLine notice={notice} />
        </div>
      </form>
    </Section>
  );
}
