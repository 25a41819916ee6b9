// Fuzzes the card frame decoder: arbitrary bytes in arbitrary chunks never throw and yield only frames or
// typed codes; every valid frame round-trips through any chunking; no frame with a bad checksum is accepted.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCardFrameDecoder, encodeFrame, type CardFrameEvent } from './protocol.ts';

const numRuns = Number(process.env.FUZZ_RUNS ?? 100_000);
const errorCodes = new Set(['frame_length_invalid', 'frame_checksum_mismatch']);

/** Feeds `bytes` split at the given cut points (taken modulo the length, sorted). */
function feed(bytes: Uint8Array, cuts: number[]): CardFrameEvent[] {
  const decoder = createCardFrameDecoder();
  const points = [...new Set(cuts.map((cut) => (bytes.length === 0 ? 0 : cut % (bytes.length + 1))))].sort((a, b) => a - b);
  const events: CardFrameEvent[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    events.push(...decoder.push(bytes.subarray(from, point)));
    from = point;
  }
  return events;
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const preamblePrefix = fc.constantFrom([], [0xaa], [0xaa, 0xaa, 0xaa], [0xaa, 0xaa, 0xaa, 0x96, 0x69]);
/** Noise biased towards the preamble's bytes so that false starts are common. */
const noisyBytes = fc
  .array(fc.tuple(preamblePrefix, fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0xaa, 0x96, 0x69, 0x00)), { maxLength: 24 })), { maxLength: 12 })
  .map((parts) => Uint8Array.from(parts.flatMap(([prefix, rest]) => [...prefix, ...rest])));
const body = fc.uint8Array({ minLength: 2, maxLength: 80 });
const cuts = fc.array(fc.nat(4000), { maxLength: 8 });

describe('createCardFrameDecoder (fuzz)', () => {
  it('never throws on arbitrary input and returns only frames or typed codes, each frame present verbatim in the input', () => {
    const withFrames = fc.array(fc.oneof(noisyBytes, body.map((b) => encodeFrame(b))), { maxLength: 6 })
      .map((parts) => Uint8Array.from(parts.flatMap((part) => [...part])));
    fc.assert(
      fc.property(withFrames, cuts, (input, cutPoints) => {
        for (const event of feed(input, cutPoints)) {
          if (event.ok) expect(contains(input, encodeFrame(event.body))).toBe(true);
          else expect(errorCodes.has(event.code)).toBe(true);
        }
      }),
      { numRuns },
    );
  });

  it('round-trips every valid frame through any chunking, with noise free of 0xAA between frames', () => {
    const noise = fc.uint8Array({ maxLength: 20 }).map((bytes) => bytes.map((byte) => (byte === 0xaa ? 0x55 : byte)));
    fc.assert(
      fc.property(fc.array(fc.tuple(noise, body), { minLength: 1, maxLength: 5 }), cuts, (pairs, cutPoints) => {
        const input = Uint8Array.from(pairs.flatMap(([gap, frameBody]) => [...gap, ...encodeFrame(frameBody)]));
        const decoded = feed(input, cutPoints).flatMap((event) => (event.ok ? [Array.from(event.body)] : []));
        expect(decoded).toEqual(pairs.map(([, frameBody]) => Array.from(frameBody)));
      }),
      { numRuns },
    );
  });

  it('accepts no frame whose checksum byte is wrong', () => {
    const cleanBody = body.map((bytes) => bytes.map((byte) => (byte === 0xaa ? 0x55 : byte)));
    fc.assert(
      fc.property(cleanBody, fc.integer({ min: 1, max: 255 }), cuts, (frameBody, flip, cutPoints) => {
        const frame = encodeFrame(frameBody);
        frame[frame.length - 1]! ^= flip;
        const events = feed(frame, cutPoints);
        expect(events.filter((event) => event.ok)).toEqual([]);
        expect(events.some((event) => !event.ok && event.code === 'frame_checksum_mismatch')).toBe(true);
      }),
      { numRuns },
    );
  });
});
