// A SAM card reader emulator speaking GA 467 bytes: configurable cards, status errors, silence, slow and
// split reply chunks. Behaves like a real reader: after a read, find fails until the card is lifted and placed again.

import type { DeviceEmulator } from '../serial/serial-types.ts';
import { encodeBasicInfoData } from './basic-info.ts';
import { encodeCardText } from './card-text-encode.ts';
import type { IdCard } from './card-text.ts';
import { cardCommands, createCardFrameDecoder, encodeResponse, parseRequestBody, type CardCommandName } from './protocol.ts';

export type CardReaderEmulatorOptions = {
  /** Replies are cut into chunks of at most this many bytes (like a USB-serial bridge's packets). */
  readonly chunkBytesMax?: number;
  /** Delay before each chunk, to emulate a slow line. */
  readonly chunkDelayMs?: number;
  /** SW3 answered to the SAM status command `11 FF` (0x90 = healthy, 0x60 = self-test failed). */
  readonly samStatus?: number;
};

export type CardReaderEmulator = DeviceEmulator & {
  placeCard(card: IdCard | Uint8Array): void;
  liftCard(): void;
  /** The next `command` is answered with `sw3` instead of its normal reply, `times` times. */
  injectStatus(command: CardCommandName, sw3: number, times?: number): void;
  /** While true the reader answers nothing (timeouts). */
  setSilent(isSilent: boolean): void;
  /** The next `count` replies go out with a wrong checksum byte (line noise). */
  corruptReplies(count: number): void;
  /** Names of the commands received, in order (unknown ones as hex). */
  readonly receivedCommands: readonly string[];
};

const samIdData = [0x05, 0x00, 0x01, 0x00, 0xa5, 0x3a, 0x34, 0x01, 0x15, 0xcd, 0x5b, 0x07, 0xb1, 0x68, 0xde, 0x3a];

export function createCardReaderEmulator(options: CardReaderEmulatorOptions = {}): CardReaderEmulator {
  const { chunkBytesMax = Number.POSITIVE_INFINITY, chunkDelayMs = 0, samStatus = 0x90 } = options;
  const listeners = new Set<(bytes: Uint8Array) => void>();
  const decoder = createCardFrameDecoder();
  const injected: { command: CardCommandName; sw3: number; times: number }[] = [];
  const receivedCommands: string[] = [];
  let cardText: Uint8Array | undefined;
  let phase: 'idle' | 'found' | 'selected' | 'read' = 'idle';
  let isSilent = false;
  let corruptCount = 0;
  let sendChain: Promise<void> = Promise.resolve();

  function send(frame: Uint8Array): void {
    if (isSilent) return;
    if (corruptCount > 0) {
      corruptCount -= 1;
      frame[frame.length - 1]! ^= 0xff;
    }
    const chunkBytes = Math.max(1, Math.min(chunkBytesMax, frame.length));
    for (let from = 0; from < frame.length; from += chunkBytes) {
      const chunk = frame.slice(from, from + chunkBytes);
      sendChain = sendChain.then(() => new Promise<void>((resolve) => setTimeout(() => {
        for (const listener of [...listeners]) listener(chunk);
        resolve();
      }, chunkDelayMs)));
    }
  }

  function answer(name: CardCommandName | undefined): Uint8Array {
    const fault = name === undefined ? undefined : injected.find((entry) => entry.command === name);
    if (fault !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) injected.splice(injected.indexOf(fault), 1);
      return encodeResponse(fault.sw3);
    }
    switch (name) {
      case 'samStatus': return encodeResponse(samStatus);
      case 'resetSam': return encodeResponse(0x90);
      case 'samId': return encodeResponse(0x90, samIdData);
      case 'findCard':
        if (cardText === undefined || phase === 'read') return encodeResponse(0x80);
        phase = 'found';
        return encodeResponse(0x9f, [0, 0, 0, 0]);
      case 'selectCard':
        if (cardText === undefined || phase !== 'found') return encodeResponse(0x81);
        phase = 'selected';
        return encodeResponse(0x90, new Uint8Array(8));
      case 'readBasicInfo':
        // A selected card can be read again (the host may have lost the first reply); find still fails until lifted.
        if (cardText === undefined || (phase !== 'selected' && phase !== 'read')) return encodeResponse(0x41);
        phase = 'read';
        return encodeResponse(0x90, encodeBasicInfoData(cardText));
      case undefined: return encodeResponse(0x21);
    }
  }

  function receive(bytes: Uint8Array): void {
    for (const event of decoder.push(bytes)) {
      if (!event.ok) {
        send(encodeResponse(event.code === 'frame_checksum_mismatch' ? 0x10 : 0x11));
        continue;
      }
      const request = parseRequestBody(event.body);
      const name = (Object.keys(cardCommands) as CardCommandName[]).find(
        (key) => cardCommands[key][0] === request?.command && cardCommands[key][1] === request?.parameter,
      );
      receivedCommands.push(name ?? Array.from(event.body.subarray(0, 2), (b) => b.toString(16).padStart(2, '0')).join(' '));
      send(answer(name));
    }
  }

  return {
    receive,
    onOutput(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    placeCard(card) {
      cardText = card instanceof Uint8Array ? card : encodeCardText(card);
      phase = 'idle';
    },
    liftCard() {
      cardText = undefined;
      phase = 'idle';
    },
    injectStatus(command, sw3, times = 1) {
      injected.push({ command, sw3, times });
    },
    setSilent(value) {
      isSilent = value;
    },
    corruptReplies(count) {
      corruptCount = count;
    },
    receivedCommands,
  };
}
