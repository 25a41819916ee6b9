// Looks up a string in the current language and fills its `{name}` slots. Pure.

import { fillMessage, type MessageValues } from '../../../domain/message-text.ts';
import { en } from './en.ts';
import { zhCN, type MessageKey } from './zh-CN.ts';

export type Language = 'zh-CN' | 'en';
export type Translate = (key: MessageKey, values?: MessageValues) => string;

const tables: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export function translator(language: Language): Translate {
  const table = tables[language];
  return (key, values) => fillMessage(table[key], values);
}

/** 90 → "1 小时 30 分钟" (whole minutes, the ledger's unit for time). */
export function formatMinutes(t: Translate, totalMinutes: number): string {
  const sign = totalMinutes < 0 ? '-' : '';
  const minutes = Math.abs(totalMinutes);
  return sign + t('minutesValue', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

export type { MessageKey };
