// The admin console: signs a staff member in (token in memory only), picks one of their stations, and shows the
// section chosen in the header. A 401 on any call ends the session and asks for the password again.

import { useEffect, useMemo, useState } from 'preact/hooks';
import type { FetchFn } from './api/http.ts';
import { createStaffApi } from './api/staff-api.ts';
import type { Session } from './api/types.ts';
import { translator, type Language } from './i18n/i18n.ts';
import { LoginPage } from './features/login/login-page.tsx';
import { Console } from './console.tsx';
import type { Notice } from './parts.tsx';

export function App(props: { fetchFn: FetchFn; nowMs: () => number; origin: string }) {
  const [language, setLanguage] = useState<Language>('zh-CN');
  const [session, setSession] = useState<Session | null>(null);
  const [loginNotice, setLoginNotice] = useState<Notice>(null);
  const t = useMemo(() => translator(language), [language]);
  useEffect(() => { document.documentElement.lang = language; }, [language]);
  const toggleLanguage = () => setLanguage((current) => (current === 'zh-CN' ? 'en' : 'zh-CN'));

  const api = useMemo(() => {
    if (session === null) return null;
    const guarded: FetchFn = async (input, init) => {
      const response = await props.fetchFn(input, init);
      if (response.status === 401) {
        setLoginNotice({ tone: 'error', text: translator(language)('error_unauthenticated') });
        setSession(null);
      }
      return response;
    };
    return createStaffApi(guarded, session.token);
  }, [session]);

  const languageButton = <button type="button" class="quiet" lang={language === 'zh-CN' ? 'en' : 'zh-CN'} aria-label={t('languageName')} onClick={toggleLanguage}>{t('language')}</button>;
  if (session === null || api === null) {
    return (
      <div class="page">
        <div class="login-language">{languageButton}</div>
        <LoginPage t={t} fetchFn={props.fetchFn} initialNotice={loginNotice} onSession={(next) => { setLoginNotice(null); setSession(next); }} />
      </div>
    );
  }
  const logOut = async () => {
    await api.logOut();
    setSession(null);
  };
  return <Console t={t} api={api} staff={session.staff} nowMs={props.nowMs} origin={props.origin} languageButton={languageButton} onLogOut={() => void logOut()} />;
}
