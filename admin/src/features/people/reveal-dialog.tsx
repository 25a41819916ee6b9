// 查看完整信息: a modal dialog that asks the manager for a reason, says the reveal is audited, and shows the full
// name, ID number and phone. They live only in this dialog's own state, gone when it closes (never in app state).

import { useEffect, useRef, useState } from 'preact/hooks';
import type { StaffApi } from '../../api/staff-api.ts';
import type { RevealedPerson } from '../../api/types.ts';
import type { Translate } from '../../i18n/i18n.ts';
import { NoticeLine, type Notice } from '../../parts.tsx';
import { isValidRevealReason, revealErrorText, revealReasonLengthMax } from './people-view.ts';

type Props = { t: Translate; api: StaffApi; personId: string; onClose: () => void };

export function RevealDialog(props: Props) {
  const { t } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [revealed, setRevealed] = useState<RevealedPerson | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [isBusy, setBusy] = useState(false);

  // showModal() traps focus and closes on Esc; the dialog's close event unmounts it, dropping what it showed.
  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    element.showModal();
    const close = () => props.onClose();
    element.addEventListener('close', close);
    return () => element.removeEventListener('close', close);
  }, []);

  async function reveal(event: Event): Promise<void> {
    event.preventDefault();
    if (!isValidRevealReason(reason)) return;
    setBusy(true);
    const result = await props.api.revealPerson(props.personId, reason.trim());
    setBusy(false);
    setNotice(result.ok ? null : { tone: 'error', text: revealErrorText(t, result.error) });
    if (result.ok) setRevealed(result.value);
  }

  return (
    <dialog ref={dialog} class="revealed" aria-labelledby="reveal-title" aria-describedby="reveal-audited">
      <h2 id="reveal-title">{t('revealTitle')}</h2>
      <p id="reveal-audited" class="audited">{t('revealAudited')}</p>
      {revealed === null ? (
        <form onSubmit={(event) => void reveal(event)}>
          <label class="field">
            <span>{t('revealReason')}</span>
            <textarea rows={2} maxLength={revealReasonLengthMax} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />
          </label>
          <NoticeLine notice={notice} />
          <div class="row-form">
            <button type="submit" class="danger" disabled={isBusy || !isValidRevealReason(reason)}>{t('revealSubmit')}</button>
            <button type="button" onClick={() => dialog.current?.close()}>{t('cancel')}</button>
          </div>
        </form>
      ) : (
        <>
          <dl class="facts">
            <dt>{t('revealFullName')}</dt><dd>{revealed.name}</dd>
            <dt>{t('revealIdNumber')}</dt><dd class="id-number">{revealed.idNumber}</dd>
            <dt>{t('revealPhone')}</dt><dd>{revealed.phone ?? t('none')}</dd>
          </dl>
          <p class="hint">{t('revealShown')}</p>
          <button type="button" autoFocus onClick={() => dialog.current?.close()}>{t('close')}</button>
        </>
      )}
    </dialog>
  );
}
