// Looks up an admin string in the current language and fills its `{name}` slots. Pure.

import { en } from './en.ts';
import { zhCN, type MessageKey } from './zh-CN.ts';

export type Language = 'zh-CN' | 'en';
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const tables: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export function translator(language: Language): Translate {
  const table = tables[language];
  return (key, values) => table[key].replace(/\{(\w+)\}/g, (slot, name: string) => (values && name in values ? String(values[name]) : slot));
}

/** Whether `key` names a message: lets callers turn a server code into a message key without casting blindly. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

export type { MessageKey };
