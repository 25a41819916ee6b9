// The attract screen: station, time, today's activities, the big tap-your-card prompt, the five actions and the
// other ways in (扫码 where a camera exists, the phone keypad).

import type { Activity, Intent } from '../flow/types.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { BigButton, clockTime, type ScreenProps } from './parts.tsx';

const actions: { intent: Intent; key: MessageKey; icon: string }[] = [
  { intent: 'check-in', key: 'checkIn', icon: '✓' },
  { intent: 'check-out', key: 'checkOut', icon: '⏏' },
  { intent: 'query', key: 'query', icon: '☰' },
  { intent: 'redeem', key: 'redeem', icon: '★' },
  { intent: 'register', key: 'register', icon: '+' },
];

const intentKeys: Record<Intent, MessageKey> = { 'check-in': 'checkIn', 'check-out': 'checkOut', query: 'query', redeem: 'redeem', register: 'register' };

export function AttractScreen(props: ScreenProps<'attract'> & { activities: Activity[]; hasCamera: boolean }) {
  const { view, emit, t, activities } = props;
  const prompt = view.intent === null ? t('tapPrompt') : t('tapPromptFor', { action: t(intentKeys[view.intent]) });
  return (
    <section class="attract" aria-label={t('appName')}>
      <div class="tap-prompt" role="status" aria-live="polite">
        <CardArt />
        <p>{prompt}</p>
      </div>
      <div class="actions" role="group" aria-label={t('menuTitle')}>
        {actions.map((action) => (
          <BigButton key={action.intent} label={t(action.key)} icon={action.icon} tone={view.intent === action.intent ? 'primary' : 'plain'} onPress={() => emit({ type: 'intent', intent: action.intent })} />
        ))}
      </div>
      <div class="other-ways">
        {props.hasCamera ? <BigButton label={t('scanQr')} name={t('scanQrName')} icon="▣" onPress={() => emit({ type: 'camera' })} /> : null}
        <BigButton label={t('noCard')} tone="quiet" onPress={() => emit({ type: 'keypad', intent: view.intent })} />
      </div>
      <section class="today" aria-label={t('todayActivities')}>
        <h2>{t('todayActivities')}</h2>
        {activities.length === 0 ? <p>{t('noActivitiesToday')}</p> : (
          <ul>
            {activities.slice(0, 6).map((activity) => (
              <li key={activity.id}><span class="time">{clockTime(activity.startsAt)}–{clockTime(activity.endsAt)}</span> {activity.title}</li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

/** An ID card laid on a reader: the picture residents know from banks and hospitals. */
export function CardArt() {
  return (
    <svg class="card-art" viewBox="0 0 260 170" aria-hidden="true">
      <rect x="10" y="120" width="240" height="40" rx="12" fill="#5f5f5f" />
      <rect x="40" y="20" width="180" height="112" rx="14" fill="#fff" stroke="#b71c1c" stroke-width="8" />
      <circle cx="180" cy="68" r="22" fill="#f9c74f" />
      <rect x="62" y="48" width="78" height="10" rx="5" fill="#b71c1c" />
      <rect x="62" y="70" width="60" height="10" rx="5" fill="#b71c1c" />
      <rect x="62" y="92" width="130" height="10" rx="5" fill="#b71c1c" />
    </svg>
  );
}
