// The top bar: station name, the time (Asia/Shanghai), device badges, 演示模式, and the language, 长辈模式 and
// spoken-prompt switches, each a real button with an accessible name.

import { useEffect, useState } from 'preact/hooks';
import type { Kiosk } from '../boot.ts';
import type { Settings } from '../settings.ts';
import type { Translate } from '../i18n/i18n.ts';

const clockRefreshMs = 15_000;

export function StatusBar(props: { t: Translate; kiosk: Kiosk; settings: Settings; onSettings: (settings: Settings) => void }) {
  const { t, kiosk, settings, onSettings } = props;
  const [nowMs, setNowMs] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNowMs(Date.now()), clockRefreshMs);
    return () => clearInterval(timer);
  }, []);
  const status = kiosk.devices()?.status();
  return (
    <header class="status-bar">
      <div class="station">
        <strong>{kiosk.stationName()}</strong>
        <time class="clock" aria-label="time">{shanghaiClock(nowMs, settings.language)}</time>
      </div>
      {status?.isDemo ? <span class="demo-badge" role="note">{t('demoBadge')}</span> : null}
      <div class="switches">
        <button type="button" class="switch" aria-pressed={settings.isElderMode} onClick={() => onSettings({ ...settings, isElderMode: !settings.isElderMode })}>{settings.isElderMode ? t('elderModeOff') : t('elderMode')}</button>
        <button type="button" class="switch" aria-pressed={settings.isSpeechOn} onClick={() => onSettings({ ...settings, isSpeechOn: !settings.isSpeechOn })}>{settings.isSpeechOn ? t('speechOn') : t('speechOff')}</button>
        <button type="button" class="switch" lang={settings.language === 'zh-CN' ? 'en' : 'zh-CN'} onClick={() => onSettings({ ...settings, language: settings.language === 'zh-CN' ? 'en' : 'zh-CN' })}>{t('language')}</button>
      </div>
    </header>
  );
}

function shanghaiClock(nowMs: number, language: string): string {
  const local = new Date(nowMs + 8 * 3_600_000);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  const weekdaysZh = ['日', '一', '二', '三', '四', '五', '六'];
  if (language === 'en') return `${local.getUTCFullYear()}-${local.getUTCMonth() + 1}-${local.getUTCDate()} ${hh}:${mm}`;
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 星期${weekdaysZh[local.getUTCDay()]} ${hh}:${mm}`;
}
