// A person's page in 居民: their masked details and family links, their balances (time in hours and minutes,
// points), and 查看完整信息, which opens the audited reveal dialog.

import { useState } from 'preact/hooks';
import type { StaffApi } from '../../api/staff-api.ts';
import { formatDateTime, formatMinutes } from '../../format.ts';
import type { Translate } from '../../i18n/i18n.ts';
import { NoticeLine, noticeOfError, Section } from '../../parts.tsx';
import { useLoad } from '../../use-load.ts';
import { RevealDialog } from './reveal-dialog.tsx';

type Props = { t: Translate; api: StaffApi; personId: string; onBack: () => void };

export function PersonPanel(props: Props) {
  const { t, api, personId } = props;
  const person = useLoad(() => api.readPerson(personId), [api, personId]).loaded;
  const balances = useLoad(() => api.readBalances(personId), [api, personId]).loaded;
  const [isRevealing, setRevealing] = useState(false);
  const back = <button type="button" class="quiet" onClick={props.onBack}>{t('personBack')}</button>;

  if (person.status === 'loading') return <Section title={t('peopleTitle')} actions={back}><p>{t('loading')}</p></Section>;
  if (!person.result.ok) return <Section title={t('peopleTitle')} actions={back}><NoticeLine notice={noticeOfError(t, person.result.error)} /></Section>;
  const { person: view, familyLinks } = person.result.value;
  return (
    <Section title={t('personTitle', { name: view.displayName, volunteerNo: view.volunteerNo })} actions={back}>
      <dl class="facts person-facts">
        <dt>{t('personVolunteerNo')}</dt><dd>{view.volunteerNo}</dd>
        <dt>{t('personName')}</dt><dd>{view.displayName}</dd>
        <dt>{t('personIdNumber')}</dt><dd>{view.idNumberMasked}</dd>
        <dt>{t('personPhone')}</dt><dd>{view.phoneMasked ?? t('none')}</dd>
        <dt>{t('personAge')}</dt><dd>{view.age}</dd>
        <dt>{t('personWorkUnit')}</dt><dd>{view.workUnit ?? t('none')}</dd>
        <dt>{t('personConsent')}</dt><dd>{t('personConsentValue', { version: view.consentVersion, time: formatDateTime(view.consentAt) })}</dd>
        <dt>{t('personFamily')}</dt><dd>{familyLinks.length === 0 ? t('none') : familyLinks.map((link) => `${link.relation} ${link.relativeId}`).join('，')}</dd>
      </dl>
      <h3>{t('personBalances')}</h3>
      {balances.status === 'loading' ? <p>{t('loading')}</p> : null}
      {balances.status === 'done' && !balances.result.ok ? <NoticeLine notice={noticeOfError(t, balances.result.error)} /> : null}
      {balances.status === 'done' && balances.result.ok ? (
        <dl class="facts balances">
          <dt>{t('personTime')}</dt><dd>{formatMinutes(t, balances.result.value.time)}</dd>
          <dt>{t('personPoints')}</dt><dd>{t('pointsValue', { points: balances.result.value.points })}</dd>
          <dt></dt><dd class="hint">{t('personAsOf', { seq: balances.result.value.asOfSeq })}</dd>
        </dl>
      ) : null}
      <button type="button" class="danger" onClick={() => setRevealing(true)}>{t('reveal')}</button>
      {isRevealing ? <RevealDialog t={t} api={api} personId={personId} onClose={() => setRevealing(false)} /> : null}
    </Section>
  );
}
