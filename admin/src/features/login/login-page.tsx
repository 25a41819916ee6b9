// 登录: username and password to POST /api/v1/staff/sessions; the session goes up to the app, in memory only.

import { useState } from 'preact/hooks';
import type { FetchFn } from '../../api/http.ts';
import { logIn } from '../../api/staff-api.ts';
import type { Session } from '../../api/types.ts';
import type { Translate } from '../../i18n/i18n.ts';
import { NoticeLine, noticeOfError, type Notice } from '../../parts.tsx';

export function LoginPage(props: { t: Translate; fetchFn: FetchFn; initialNotice: Notice; onSession: (session: Session) => void }) {
  const { t } = props;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [notice, setNotice] = useState<Notice>(props.initialNotice);
  const [isBusy, setBusy] = useState(false);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    const result = await logIn(props.fetchFn, username.trim(), password);
    setBusy(false);
    if (!result.ok) {
      setNotice(noticeOfError(t, result.error));
      return;
    }
    setPassword('');
    props.onSession(result.value);
  }

  return (
    <main class="login">
      <h1>{t('appName')}</h1>
      <form class="panel login-form" onSubmit={(event) => void submit(event)}>
        <h2>{t('loginTitle')}</h2>
        <label class="field">
          <span>{t('username')}</span>
          <input name="username" autoComplete="username" required value={username} onInput={(event) => setUsername(event.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t('password')}</span>
          <input name="password" type="password" autoComplete="current-password" required value={password} onInput={(event) => setPassword(event.currentTarget.value)} />
        </label>
        <NoticeLine notice={notice} />
        <button type="submit" class="primary" disabled={isBusy || username.trim() === '' || password === ''}>{t('loginButton')}</button>
        <p class="hint">{t('loginHint')}</p>
      </form>
    </main>
  );
}
