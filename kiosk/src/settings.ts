// The kiosk's display settings (language, 长辈模式, spoken prompts), kept in localStorage: no personal data.

import type { Language } from './i18n/i18n.ts';

export type Settings = { language: Language; isElderMode: boolean; isSpeechOn: boolean };

const settingsKey = 'linli-kiosk-settings';
export const defaultSettings: Settings = { language: 'zh-CN', isElderMode: false, isSpeechOn: false };

export function loadSettings(storage: Pick<Storage, 'getItem'> = localStorage): Settings {
  const raw = storage.getItem(settingsKey);
  if (raw === null) return defaultSettings;
  try {
    const parsed = JSON.parse(raw) as Partial<Settings>;
    return {
      language: parsed.language === 'en' ? 'en' : 'zh-CN',
      isElderMode: parsed.isElderMode === true,
      isSpeechOn: parsed.isSpeechOn === true,
    };
  } catch {
    // A damaged value (hand-edited storage) falls back to the defaults rather than stopping the kiosk.
    return defaultSettings;
  }
}

export function saveSettings(settings: Settings, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(settingsKey, JSON.stringify(settings));
}
