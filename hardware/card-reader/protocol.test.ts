// Proves the GA 467 codec against the reference vectors of hardware.md §1.9: command bytes, whole-frame
// SHA-256 and CHK, reassembly at every chunk boundary, resync after garbage, and named error codes.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeBasicInfoData, takeBasicInfoText } from './basic-info.ts';
import { createCardFrameDecoder, encodeCommand, encodeFrame, encodeResponse, parseResponseBody, type CardFrameEvent } from './protocol.ts';
import { bytesFromHex, referenceTextBlockA, referenceTextBlockB, referenceTextBlockJ } from './reference-vectors.ts';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
const bodies = (events: CardFrameEvent[]) => events.flatMap((event) => (event.ok ? [hex(event.body)] : []));

const shortResponses = [
  'AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97',
  'AA AA AA 96 69 00 04 00 00 80 84',
  'AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C',
  'AA AA AA 96 69 00 04 00 00 81 85',
  'AA AA AA 96 69 00 04 00 00 90 94',
  'AA AA AA 96 69 00 04 00 00 91 95',
  'AA AA AA 96 69 00 04 00 00 10 14',
  'AA AA AA 96 69 00 14 00 00 90 05 00 01 00 A5 3A 34 01 15 CD 5B 07 B1 68 DE 3A 93',
  'AA AA AA 96 69 00 04 00 00 41 45',
  'AA AA AA 96 69 00 04 00 00 32 36',
];

function readFrame(textHex: string): Uint8Array {
  return encodeResponse(0x90, encodeBasicInfoData(bytesFromHex(textHex)));
}

describe('encodeCommand', () => {
  it('encodes every command of §1.3 with the published checksum', () => {
    expect(hex(encodeCommand('resetSam'))).toBe('AA AA AA 96 69 00 03 10 FF EC');
    expect(hex(encodeCommand('samStatus'))).toBe('AA AA AA 96 69 00 03 11 FF ED');
    expect(hex(encodeCommand('samId'))).toBe('AA AA AA 96 69 00 03 12 FF EE');
    expect(hex(encodeCommand('findCard'))).toBe('AA AA AA 96 69 00 03 20 01 22');
    expect(hex(encodeCommand('selectCard'))).toBe('AA AA AA 96 69 00 03 20 02 21');
    expect(hex(encodeCommand('readBasicInfo'))).toBe('AA AA AA 96 69 00 03 30 01 32');
    expect(hex(encodeFrame([0x61, 0xff, 0x50]))).toBe('AA AA AA 96 69 00 04 61 FF 50 CA');
  });
});

describe('encodeResponse', () => {
  it('reproduces each published short response byte for byte', () => {
    for (const frame of shortResponses) {
      const body = bytesFromHex(frame).subarray(7, -1);
      const response = parseResponseBody(body);
      expect(response).toBeDefined();
      expect(hex(encodeResponse(response!.sw3, response!.data, response!.sw1, response!.sw2))).toBe(frame);
    }
  });

  it('builds the `30 01` frames of persons A, B and J with the published CHK and SHA-256', () => {
    for (const vector of [referenceTextBlockA, referenceTextBlockB, referenceTextBlockJ]) {
      const frame = readFrame(vector.hex);
      expect(frame.length).toBe(1295);
      expect(hex(frame.subarray(0, 14))).toBe('AA AA AA 96 69 05 08 00 00 90 01 00 04 00');
      expect(frame[1294]).toBe(vector.frameChecksum);
      expect(createHash('sha256').update(frame).digest('hex')).toBe(vector.frameSha256);
    }
  });
});

describe('createCardFrameDecoder', () => {
  it('decodes each short reference response split at every chunk boundary', () => {
    for (const frameHex of shortResponses) {
      const frame = bytesFromHex(frameHex);
      for (let cut = 0; cut <= frame.length; cut += 1) {
        const decoder = createCardFrameDecoder();
        const events = [...decoder.push(frame.subarray(0, cut)), ...decoder.push(frame.subarray(cut))];
        expect(bodies(events)).toEqual([hex(frame.subarray(7, -1))]);
      }
    }
  });

  it('decodes each 1295-byte read response split at every chunk boundary and byte by byte', () => {
    for (const vector of [referenceTextBlockA, referenceTextBlockB, referenceTextBlockJ]) {
      const frame = readFrame(vector.hex);
      const expected = [hex(frame.subarray(7, -1))];
      for (let cut = 0; cut <= frame.length; cut += 1) {
        const decoder = createCardFrameDecoder();
        expect(bodies([...decoder.push(frame.subarray(0, cut)), ...decoder.push(frame.subarray(cut))])).toEqual(expected);
      }
      const decoder = createCardFrameDecoder();
      expect(bodies(Array.from(frame, (byte) => decoder.push(Uint8Array.of(byte))).flat())).toEqual(expected);
    }
  });

  it('resyncs after garbage, including bytes that look like a preamble start', () => {
    const decoder = createCardFrameDecoder();
    const garbage = bytesFromHex('00 AA AA 13 AA AA AA 96 37');
    const frame = bytesFromHex(shortResponses[1]!);
    const events = [...decoder.push(garbage), ...decoder.push(frame), ...decoder.push(frame)];
    expect(bodies(events)).toEqual([hex(frame.subarray(7, -1)), hex(frame.subarray(7, -1))]);
    expect(decoder.skippedBytes).toBe(garbage.length);
  });

  it('reports a checksum mismatch (frame_checksum_mismatch) and still decodes the next frame', () => {
    const decoder = createCardFrameDecoder();
    const bad = bytesFromHex('AA AA AA 96 69 00 04 00 00 90 95');
    const good = bytesFromHex(shortResponses[4]!);
    const events = decoder.push(Uint8Array.from([...bad, ...good]));
    expect(events.map((event) => (event.ok ? 'frame' : event.code))).toEqual(['frame_checksum_mismatch', 'frame']);
  });

  it('reports lengths below 3 and above the limit (frame_length_invalid) and resyncs', () => {
    for (const badHeader of ['AA AA AA 96 69 00 02', 'AA AA AA 96 69 09 61', 'AA AA AA 96 69 FF FF']) {
      const decoder = createCardFrameDecoder();
      const events = decoder.push(Uint8Array.from([...bytesFromHex(badHeader), ...bytesFromHex(shortResponses[0]!)]));
      expect(events.map((event) => (event.ok ? 'frame' : event.code))).toEqual(['frame_length_invalid', 'frame']);
    }
  });

  it('accepts a frame at the length limit of 2400', () => {
    const frame = encodeFrame(new Uint8Array(2399).fill(7));
    expect(bodies(createCardFrameDecoder().push(frame))).toHaveLength(1);
  });
});

describe('takeBasicInfoText', () => {
  it('takes the 256-byte text and zeroes the photo bytes it was given', () => {
    const data = encodeBasicInfoData(bytesFromHex(referenceTextBlockA.hex), new Uint8Array(1024).fill(0x5a));
    const taken = takeBasicInfoText(data);
    expect(taken.ok && hex(taken.value)).toBe(hex(bytesFromHex(referenceTextBlockA.hex)));
    expect(data.every((byte) => byte === 0)).toBe(true);
  });

  it('rejects a data part whose lengths disagree (basic_info_layout_invalid)', () => {
    expect(takeBasicInfoText(new Uint8Array([0x01, 0x00, 0x04, 0x00, 1, 2, 3]))).toEqual({ ok: false, code: 'basic_info_layout_invalid' });
  });
});
