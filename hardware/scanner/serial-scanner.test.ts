// Proves serial scanning: CR, LF and CR LF end scans at any chunk boundary, UTF-8 and GB18030 content both
// decode, an over-long scan is a named code, and a suffix-less scanner is ended by silence over a fake port.

import { describe, expect, it, vi } from 'vitest';
import { encodeGb18030 } from '../printer/gb18030.ts';
import { createFakeSerialPort } from '../serial/fake-serial.ts';
import { scannerLineSettings } from '../serial/line-settings.ts';
import type { DeviceEmulator } from '../serial/serial-types.ts';
import { openWebSerialChannel } from '../serial/web-serial.ts';
import { createScanLineDecoder, type ScanLineOutcome } from './scan-lines.ts';
import { startSerialScanner } from './serial-scanner.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('createScanLineDecoder', () => {
  it('splits on CR, LF and CR LF at every chunk boundary', () => {
    const stream = bytes('https://x.cn/1\r\nK-2\rK-3\n');
    for (let cut = 0; cut <= stream.length; cut += 1) {
      const decoder = createScanLineDecoder();
      const outcomes = [...decoder.push(stream.subarray(0, cut)), ...decoder.push(stream.subarray(cut))];
      expect(outcomes).toEqual([{ ok: true, value: 'https://x.cn/1' }, { ok: true, value: 'K-2' }, { ok: true, value: 'K-3' }]);
    }
  });

  it('decodes UTF-8 content and falls back to GB18030 for bytes that are not UTF-8', () => {
    const decoder = createScanLineDecoder();
    expect(decoder.push(Uint8Array.from([...bytes('邻里'), 0x0d]))).toEqual([{ ok: true, value: '邻里' }]);
    expect(decoder.push(Uint8Array.from([...encodeGb18030('社区服务站'), 0x0d]))).toEqual([{ ok: true, value: '社区服务站' }]);
  });

  it('reports a scan longer than the limit (scan_too_long) and recovers at the next terminator', () => {
    const decoder = createScanLineDecoder(8);
    expect(decoder.push(bytes('12345678\r'))).toEqual([{ ok: true, value: '12345678' }]);
    expect(decoder.push(bytes('123456789\rOK\r'))).toEqual([{ ok: false, code: 'scan_too_long' }, { ok: true, value: 'OK' }]);
  });
});

describe('startSerialScanner', () => {
  it('ends a scan without suffix after the idle period', async () => {
    const listeners = new Set<(bytes: Uint8Array) => void>();
    const scanner: DeviceEmulator & { scan(text: string): void } = {
      receive: () => undefined,
      onOutput: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
      scan: (text) => listeners.forEach((listener) => listener(bytes(text))),
    };
    const channel = await openWebSerialChannel(createFakeSerialPort(scanner), scannerLineSettings);
    const scans: ScanLineOutcome[] = [];
    const stop = startSerialScanner(channel, (outcome) => scans.push(outcome), { scanEndIdleMs: 30 });
    scanner.scan('6901234');
    scanner.scan('567892');
    await vi.waitFor(() => expect(scans).toEqual([{ ok: true, value: '6901234567892' }]));
    stop();
  });
});
