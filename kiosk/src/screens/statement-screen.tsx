// 查询: balances and the most recent ledger entries, with a printed statement on request.

import { formatMinutes, type MessageKey, type Translate } from '../i18n/i18n.ts';
import { BackButton, BalancesView, BigButton, Frame, Waiting, type ScreenProps } from './parts.tsx';

export function StatementScreen(props: ScreenProps<'statement'>) {
  const { view, emit, t } = props;
  return (
    <Frame title={t('statementTitle')} footer={<><BigButton label={t('printStatement')} tone="primary" disabled={view.entries === null} onPress={() => emit({ type: 'print-statement' })} /><BackButton emit={emit} t={t} /></>}>
      <BalancesView balances={view.resident.balances} t={t} caption={t('statementTitle')} />
      {view.entries === null ? <Waiting text={t('loading')} /> : view.entries.length === 0 ? <p>{t('noEntries')}</p> : (
        <table class="entries">
          <tbody>
            {view.entries.map((entry) => (
              <tr key={entry.ledgerSeq}>
                <td>{entry.occurredAt.slice(0, 10)}</td>
                <td>{kindName(t, entry.kind)}</td>
                <td>{formatMinutes(t, entry.time)}</td>
                <td>{t('pointsValue', { points: entry.points })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Frame>
  );
}

const kindKeys: Record<string, MessageKey> = { check_in: 'kind_check_in', check_out: 'kind_check_out', redemption: 'kind_redemption', registration: 'kind_registration' };

function kindName(t: Translate, kind: string): string {
  const key = kindKeys[kind];
  return key ? t(key) : kind;
}
