// Spoken prompts through speechSynthesis in the kiosk's language (zh-CN by default), when switched on.

import type { SpeechKey } from './flow/types.ts';
import type { Translate } from './i18n/i18n.ts';

export function createSpeaker(current: () => { t: Translate; language: string; isOn: boolean }) {
  const synthesis = typeof speechSynthesis === 'undefined' ? null : speechSynthesis;
  return {
    speak(key: SpeechKey): void {
      const { t, language, isOn } = current();
      if (!isOn || synthesis === null) return;
      synthesis.cancel();
      const utterance = new SpeechSynthesisUtterance(t(`speak_${key}`));
      utterance.lang = language;
      utterance.rate = 0.9;
      synthesis.speak(utterance);
    },
    /** Stops anything still being read out, e.g. when a resident's turn ends. */
    stop(): void {
      synthesis?.cancel();
    },
  };
}
