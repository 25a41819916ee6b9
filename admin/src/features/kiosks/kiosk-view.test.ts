// Proves the kiosks screen's view logic: states, display order per station, the device line and the enrol link.
import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/i18n.ts';
import type { Kiosk } from '../../api/types.ts';
import { deviceStatusLine, enrollUrl, isValidKioskName, kioskNameLengthMax, kioskState, kiosksOfStation } from './kiosk-view.ts';

const nowMs = Date.parse('2026-11-22T08:00:00Z');
const t = translator('zh-CN');

function kiosk(fields: Partial<Kiosk>): Kiosk {
  return { id: 'k', stationId: 's1', name: 'A', enrolledAt: null, revokedAt: null, enrollmentExpiresAt: null, lastHeartbeatAt: null, deviceStatus: null, ...fields };
}

describe('kioskState', () => {
  it('is revoked once revoked, even when enrolled', () => {
    expect(kioskState(kiosk({ enrolledAt: '2026-11-01T00:00:00Z', revokedAt: '2026-11-02T00:00:00Z' }), nowMs)).toBe('revoked');
  });

  it('is enrolled, waiting before its code expires, expired at the expiry instant', () => {
    expect(kioskState(kiosk({ enrolledAt: '2026-11-01T00:00:00Z' }), nowMs)).toBe('enrolled');
    expect(kioskState(kiosk({ enrollmentExpiresAt: '2026-11-22T08:00:00.001Z' }), nowMs)).toBe('waiting');
    expect(kioskState(kiosk({ enrollmentExpiresAt: '2026-11-22T08:00:00.000Z' }), nowMs)).toBe('expired');
    expect(kioskState(kiosk({}), nowMs)).toBe('expired');
  });
});

describe('kiosksOfStation', () => {
  it('keeps the station\'s kiosks, active first, then by name', () => {
    const list = [
      kiosk({ id: 'r', name: 'A', revokedAt: '2026-11-02T00:00:00Z' }),
      kiosk({ id: 'other', stationId: 's2', enrolledAt: '2026-11-01T00:00:00Z' }),
      kiosk({ id: 'w', name: 'B', enrollmentExpiresAt: '2026-11-22T08:10:00Z' }),
      kiosk({ id: 'e2', name: 'D', enrolledAt: '2026-11-01T00:00:00Z' }),
      kiosk({ id: 'e1', name: 'C', enrolledAt: '2026-11-01T00:00:00Z' }),
    ];
    expect(kiosksOfStation(list, 's1', nowMs).map((item) => item.id)).toEqual(['e1', 'e2', 'w', 'r']);
  });
});

describe('deviceStatusLine', () => {
  it('lists what the kiosk reported and nothing it did not', () => {
    expect(deviceStatusLine(t, { printerPaper: 'low', readerPresent: true, outboxLength: 2, appVersion: '1.0' })).toBe('纸张将尽 · 读卡器在线 · 待上传 2 条 · 版本 1.0');
    expect(deviceStatusLine(t, { readerPresent: false })).toBe('读卡器未连接');
    expect(deviceStatusLine(t, null)).toBe('');
  });
});

describe('enrollUrl', () => {
  it('points at the kiosk page with the code as ?enroll=, encoded', () => {
    expect(enrollUrl('http://127.0.0.1:8787', 'AB CD+1')).toBe('http://127.0.0.1:8787/kiosk/?enroll=AB%20CD%2B1');
  });
});

describe('isValidKioskName', () => {
  it('needs 1 to 60 characters after trimming', () => {
    expect(isValidKioskName('  ')).toBe(false);
    expect(isValidKioskName('一号机')).toBe(true);
    expect(isValidKioskName('机'.repeat(kioskNameLengthMax))).toBe(true);
    expect(isValidKioskName('机'.repeat(kioskNameLengthMax + 1))).toBe(false);
  });
});
