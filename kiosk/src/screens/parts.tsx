// Small pieces every screen uses: the props shape, big buttons, balances, a screen frame with a title.
// No business rules here; screens emit flow events and show what the state holds.

import type { ComponentChildren } from 'preact';
import type { Balances } from '../../../domain/assets.ts';
import type { FlowEvent, View } from '../flow/types.ts';
import { formatMinutes, type Translate } from '../i18n/i18n.ts';

export type Emit = (event: FlowEvent) => void;
export type ScreenProps<S extends View['screen']> = { view: Extract<View, { screen: S }>; emit: Emit; t: Translate };

/** `tone` marks the outcome at a glance (a green ✓ for done, an amber ! for a problem); `variant` names the layout. */
export function Frame(props: { title: string; children?: ComponentChildren; footer?: ComponentChildren; label?: string; tone?: 'success' | 'warning'; variant?: string }) {
  const icon = props.tone === 'success' ? '✓' : props.tone === 'warning' ? '!' : null;
  return (
    <section class={`frame${props.variant ? ` ${props.variant}` : ''}${props.tone ? ` ${props.tone}` : ''}`} aria-label={props.label ?? props.title}>
      <h1 class="frame-title">{icon ? <span class="tone-icon" aria-hidden="true">{icon}</span> : null}{props.title}</h1>
      <div class="frame-body">{props.children}</div>
      {props.footer ? <div class="frame-footer">{props.footer}</div> : null}
    </section>
  );
}

/** `name` is the accessible name when the short visible label needs a fuller one (扫码 → 扫描会员码). */
export function BigButton(props: { label: string; onPress: () => void; tone?: 'primary' | 'plain' | 'quiet'; disabled?: boolean; detail?: string; icon?: string; name?: string }) {
  return (
    <button type="button" class={`big-button ${props.tone ?? 'plain'}`} disabled={props.disabled} onClick={props.onPress} aria-label={props.name ?? (props.detail ? `${props.label} ${props.detail}` : props.label)}>
      {props.icon ? <span class="button-icon" aria-hidden="true">{props.icon}</span> : null}
      <span class="button-label">{props.label}</span>
      {props.detail ? <span class="button-detail">{props.detail}</span> : null}
    </button>
  );
}

export function BackButton(props: { emit: Emit; t: Translate }) {
  return <BigButton label={props.t('back')} tone="quiet" onPress={() => props.emit({ type: 'back' })} />;
}

export function HomeButton(props: { emit: Emit; t: Translate; label?: string }) {
  return <BigButton label={props.label ?? props.t('home')} tone="quiet" onPress={() => props.emit({ type: 'finish' })} />;
}

export function BalancesView(props: { balances: Balances; t: Translate; caption?: string }) {
  const { t, balances } = props;
  return (
    <dl class="balances" aria-label={props.caption ?? t('newBalances')}>
      <div class="balance"><dt>{t('balanceTime')}</dt><dd>{formatMinutes(t, balances.time)}</dd></div>
      <div class="balance"><dt>{t('balancePoints')}</dt><dd>{t('pointsValue', { points: balances.points })}</dd></div>
    </dl>
  );
}

export function Waiting(props: { text: string }) {
  return <div class="waiting" role="status" aria-live="polite"><span class="spinner" aria-hidden="true" /><p>{props.text}</p></div>;
}

/** "09:00" in Asia/Shanghai from an ISO time with offset. */
export function clockTime(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return '';
  const shanghai = new Date(ms + 8 * 3_600_000);
  return `${String(shanghai.getUTCHours()).padStart(2, '0')}:${String(shanghai.getUTCMinutes()).padStart(2, '0')}`;
}
