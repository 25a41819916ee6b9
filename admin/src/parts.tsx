// Small shared pieces of the admin screens: a status line for a failed or finished action, and a loading row.

import type { ComponentChildren } from 'preact';
import type { ApiError } from './api/http.ts';
import { errorMessage } from './format.ts';
import type { Translate } from './i18n/i18n.ts';

export type Notice = { tone: 'ok' | 'error'; text: string } | null;

export function noticeOfError(t: Translate, error: ApiError): Notice {
  return { tone: 'error', text: errorMessage(t, error) };
}

/** Errors are announced at once (role=alert); confirmations politely (role=status). */
export function NoticeLine(props: { notice: Notice }) {
  if (props.notice === null) return null;
  return <p class={`notice notice-${props.notice.tone}`} role={props.notice.tone === 'error' ? 'alert' : 'status'}>{props.notice.text}</p>;
}

export function Section(props: { title: string; actions?: ComponentChildren; children: ComponentChildren }) {
  return (
    <section class="panel" aria-label={props.title}>
      <div class="panel-head"><h2>{props.title}</h2>{props.actions}</div>
      {props.children}
    </section>
  );
}
