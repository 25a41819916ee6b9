// GA 467 SAM frame codec: command encoding and a streaming frame decoder (reference/hardware.md §1.2-1.4).
// Pure: no I/O, no clock, no timers. Chunks are not frame boundaries; the decoder reassembles and resyncs.

export const framePreamble: readonly number[] = [0xaa, 0xaa, 0xaa, 0x96, 0x69];
const headerBytes = 7;
/** Smallest Len: a request's CMD + Para + CHK. */
export const frameLengthMin = 3;
/** Largest Len accepted: a `30 10` response with two fingerprint templates is 2314; above this is noise. */
export const frameLengthMax = 2400;

/** Named commands (CMD, Para) of §1.3. */
export const cardCommands = {
  resetSam: [0x10, 0xff],
  samStatus: [0x11, 0xff],
  samId: [0x12, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readBasicInfo: [0x30, 0x01],
} as const satisfies Record<string, readonly [number, number]>;

export type CardCommandName = keyof typeof cardCommands;

export type CardFrameErrorCode = 'frame_length_invalid' | 'frame_checksum_mismatch';
export type CardFrameEvent =
  | { readonly ok: true; readonly body: Uint8Array }
  | { readonly ok: false; readonly code: CardFrameErrorCode };

/** XOR of Len1, Len2 and the body: every byte except the preamble and CHK. */
export function computeFrameChecksum(bytes: Uint8Array, from: number, toExclusive: number): number {
  let checksum = 0;
  for (let i = from; i < toExclusive; i += 1) checksum ^= bytes[i] ?? 0;
  return checksum;
}

/** Wraps a body (CMD Para Data… for requests, SW1 SW2 SW3 Data… for responses) into a whole frame. */
export function encodeFrame(body: Uint8Array | readonly number[]): Uint8Array {
  const length = body.length + 1;
  if (length < frameLengthMin || length > frameLengthMax) throw new RangeError(`frame body of ${body.length} bytes`);
  const frame = new Uint8Array(headerBytes + length);
  frame.set(framePreamble, 0);
  frame[5] = length >> 8;
  frame[6] = length & 0xff;
  frame.set(body, headerBytes);
  frame[frame.length - 1] = computeFrameChecksum(frame, 5, frame.length - 1);
  return frame;
}

export function encodeCommand(name: CardCommandName, data: readonly number[] = []): Uint8Array {
  return encodeFrame([...cardCommands[name], ...data]);
}

export function encodeResponse(sw3: number, data: Uint8Array | readonly number[] = [], sw1 = 0, sw2 = 0): Uint8Array {
  const body = new Uint8Array(3 + data.length);
  body[0] = sw1;
  body[1] = sw2;
  body[2] = sw3;
  body.set(data, 3);
  return encodeFrame(body);
}

export type CardResponse = { readonly sw1: number; readonly sw2: number; readonly sw3: number; readonly data: Uint8Array };
export type CardRequest = { readonly command: number; readonly parameter: number; readonly data: Uint8Array };

/** Splits a response body; undefined when it is shorter than the three status words. */
export function parseResponseBody(body: Uint8Array): CardResponse | undefined {
  if (body.length < 3) return undefined;
  return { sw1: body[0] ?? 0, sw2: body[1] ?? 0, sw3: body[2] ?? 0, data: body.subarray(3) };
}

export function parseRequestBody(body: Uint8Array): CardRequest | undefined {
  if (body.length < 2) return undefined;
  return { command: body[0] ?? 0, parameter: body[1] ?? 0, data: body.subarray(2) };
}

export type CardFrameDecoder = {
  /** Accepts a chunk of any size; returns the frames completed by it and the errors met, in order. */
  push(chunk: Uint8Array): CardFrameEvent[];
  /** Bytes dropped while hunting for a preamble, since creation. */
  readonly skippedBytes: number;
};

export function createCardFrameDecoder(): CardFrameDecoder {
  let buffer = new Uint8Array(256);
  let start = 0;
  let end = 0;
  let skippedBytes = 0;

  function append(chunk: Uint8Array): void {
    if (end + chunk.length > buffer.length) {
      const live = end - start;
      if (live + chunk.length <= buffer.length) {
        buffer.copyWithin(0, start, end);
        buffer.fill(0, live, end);
      } else {
        const grown = new Uint8Array(Math.max(buffer.length * 2, live + chunk.length));
        grown.set(buffer.subarray(start, end), 0);
        buffer.fill(0);
        buffer = grown;
      }
      start = 0;
      end = live;
    }
    buffer.set(chunk, end);
    end += chunk.length;
  }

  function consume(count: number): void {
    // Zero what was consumed so photo and fingerprint bytes do not linger in the buffer.
    buffer.fill(0, start, start + count);
    start += count;
    if (start === end) start = end = 0;
  }

  function findPreamble(): number {
    for (let i = start; i + framePreamble.length <= end; i += 1) {
      if (buffer[i] === 0xaa && buffer[i + 1] === 0xaa && buffer[i + 2] === 0xaa && buffer[i + 3] === 0x96 && buffer[i + 4] === 0x69) return i;
    }
    return -1;
  }

  /** Length of the longest tail of the buffer that could still begin a preamble. */
  function partialPreambleTail(): number {
    for (let keep = Math.min(framePreamble.length - 1, end - start); keep > 0; keep -= 1) {
      let matches = true;
      for (let j = 0; j < keep && matches; j += 1) matches = buffer[end - keep + j] === framePreamble[j];
      if (matches) return keep;
    }
    return 0;
  }

  function push(chunk: Uint8Array): CardFrameEvent[] {
    append(chunk);
    const events: CardFrameEvent[] = [];
    for (;;) {
      const at = findPreamble();
      if (at === -1) {
        const drop = end - start - partialPreambleTail();
        skippedBytes += drop;
        consume(drop);
        return events;
      }
      skippedBytes += at - start;
      consume(at - start);
      if (end - start < headerBytes) return events;
      const length = ((buffer[start + 5] ?? 0) << 8) | (buffer[start + 6] ?? 0);
      if (length < frameLengthMin || length > frameLengthMax) {
        events.push({ ok: false, code: 'frame_length_invalid' });
        skippedBytes += 1;
        consume(1);
        continue;
      }
      if (end - start < headerBytes + length) return events;
      const checksumAt = start + headerBytes + length - 1;
      if (computeFrameChecksum(buffer, start + 5, checksumAt) !== buffer[checksumAt]) {
        events.push({ ok: false, code: 'frame_checksum_mismatch' });
        skippedBytes += 1;
        consume(1);
        continue;
      }
      events.push({ ok: true, body: buffer.slice(start + headerBytes, checksumAt) });
      consume(headerBytes + length);
    }
  }

  return {
    push,
    get skippedBytes() {
      return skippedBytes;
    },
  };
}
