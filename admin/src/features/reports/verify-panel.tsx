// 账本校验: runs the ledger's and the audit log's hash-chain checks side by side and says each result in words.

import { useState } from 'preact/hooks';
import type { ApiResult } from '../../api/http.ts';
import type { StaffApi } from '../../api/staff-api.ts';
import type { ChainCheck } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import type { Translate } from '../../i18n/i18n.ts';
import { Section } from '../../parts.tsx';
import { chainVerdict, type ChainName } from './verify-view.ts';

type Props = { t: Translate; api: StaffApi; nowMs: () => number };
// The answers are kept, not their wording, so switching the language rewords them.
type Checked = { atIso: string; answers: Record<ChainName, ApiResult<ChainCheck>> };
const chains: readonly ChainName[] = ['ledger', 'audit'];

export function VerifyPanel(props: Props) {
  const { t, api } = props;
  const [checked, setChecked] = useState<Checked | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function verify(): Promise<void> {
    setBusy(true);
    const [ledger, audit] = await Promise.all([api.verifyLedger(), api.verifyAudit()]);
    setBusy(false);
    setChecked({ atIso: new Date(props.nowMs()).toISOString(), answers: { ledger, audit } });
  }

  return (
    <Section title={t('verifyTitle')}>
      <p class="hint">{t('verifyHint')}</p>
      <button type="button" class="primary" disabled={isBusy} onClick={() => void verify()}>{t('verifyButton')}</button>
      {isBusy ? <p role="status">{t('verifyRunning')}</p> : null}
      {checked && !isBusy ? (
        <div class="verify-results" role="status">
          <dl>
            {chains.map((chain) => {
              const verdict = chainVerdict(t, chain, checked.answers[chain]);
              return (
                <div key={chain} class={`verify-${verdict.tone}`}>
                  <dt>{t(`verifyName_${chain}`)}</dt>
                  <dd>{verdict.text}</dd>
                </div>
              );
            })}
          </dl>
          <p class="hint">{t('verifyCheckedAt', { time: formatDateTime(checked.atIso) })}</p>
        </div>
      ) : null}
    </Section>
  );
}
