// Pure view logic of the kiosks screen: a kiosk's state, the station's kiosks in display order, the device status
// line, and the link a kiosk enrols with (the same the demo start-up prints: /kiosk/?enroll=CODE).

import type { Translate } from '../../i18n/i18n.ts';
import type { DeviceStatus, Kiosk } from '../../api/types.ts';

export type KioskState = 'revoked' | 'enrolled' | 'waiting' | 'expired';

/** Revocation wins over everything; an unenrolled kiosk is waiting until its code expires. */
export function kioskState(kiosk: Kiosk, nowMs: number): KioskState {
  if (kiosk.revokedAt !== null) return 'revoked';
  if (kiosk.enrolledAt !== null) return 'enrolled';
  const expiresMs = kiosk.enrollmentExpiresAt === null ? Number.NaN : Date.parse(kiosk.enrollmentExpiresAt);
  return expiresMs > nowMs ? 'waiting' : 'expired';
}

const stateOrder: Record<KioskState, number> = { enrolled: 0, waiting: 1, expired: 2, revoked: 3 };

/** The station's kiosks (the API lists every station the staff member sees): active first, then by name. */
export function kiosksOfStation(kiosks: readonly Kiosk[], stationId: string, nowMs: number): Kiosk[] {
  return kiosks.filter((kiosk) => kiosk.stationId === stationId)
    .sort((a, b) => stateOrder[kioskState(a, nowMs)] - stateOrder[kioskState(b, nowMs)] || a.name.localeCompare(b.name, 'zh-CN'));
}

export function stateLabel(t: Translate, state: KioskState): string {
  return t(state === 'enrolled' ? 'kioskEnrolled' : state === 'waiting' ? 'kioskWaiting' : state === 'expired' ? 'kioskExpired' : 'kioskRevoked');
}

/** "纸张正常 · 读卡器在线 · 待上传 2 条 · 版本 1.0"; fields the kiosk did not send are left out. */
export function deviceStatusLine(t: Translate, status: DeviceStatus | null): string {
  if (status === null) return '';
  const parts: string[] = [];
  if (status.printerPaper !== undefined) parts.push(t(`paper_${status.printerPaper}`));
  if (status.readerPresent !== undefined) parts.push(t(status.readerPresent ? 'readerYes' : 'readerNo'));
  if (status.outboxLength !== undefined) parts.push(t('outboxLength', { count: status.outboxLength }));
  if (status.appVersion !== undefined) parts.push(t('appVersion', { version: status.appVersion }));
  return parts.join(' · ');
}

/** What the QR carries: the kiosk page with the code, which the kiosk's enrol screen reads from `?enroll=`. */
export function enrollUrl(origin: string, enrollmentCode: string): string {
  return `${origin}/kiosk/?enroll=${encodeURIComponent(enrollmentCode)}`;
}

/** Kiosk names are 1–60 characters after trimming (the API's limit). */
export const kioskNameLengthMax = 60;

export function isValidKioskName(name: string): boolean {
  const trimmed = name.trim();
  return trimmed.length > 0 && trimmed.length <= kioskNameLengthMax;
}
