// Looks up an admin string in the current language and fills its `{name}` slots. Pure.

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

/** Whether `key` names a message: lets callers turn a server code into a message key without casting blindly. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

export type { MessageKey };
