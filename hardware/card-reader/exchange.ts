// One command at a time over a ByteChannel: write a GA 467 frame, wait for one response frame, with a
// timeout and retries. Moves bytes only; the meaning of a response is the driver's business.

import type { ByteChannel } from '../serial/byte-channel.ts';
import { createCardFrameDecoder, encodeCommand, parseResponseBody, type CardCommandName, type CardFrameErrorCode, type CardResponse } from './protocol.ts';

export type ExchangeErrorCode = 'reader_timeout' | 'reader_closed' | CardFrameErrorCode;
export type ExchangeOutcome = { readonly ok: true; readonly value: CardResponse } | { readonly ok: false; readonly code: ExchangeErrorCode };

export type ExchangeOptions = {
  /**
   * Silence allowed while waiting for a reply; restarted by every chunk, so a slow line (a read takes
   * ≈ 1.35 s at 9600 baud) is not cut off mid-frame. One public daemon uses 5000 ms per command.
   */
  readonly commandTimeoutMs: number;
  /** Attempts per command when the reply times out or arrives damaged. */
  readonly commandAttemptsMax: number;
};

export type CardExchange = {
  request(name: CardCommandName): Promise<ExchangeOutcome>;
  dispose(): void;
};

export function createCardExchange(channel: ByteChannel, options: ExchangeOptions): CardExchange {
  const decoder = createCardFrameDecoder();
  let waiter: ((outcome: ExchangeOutcome) => void) | undefined;
  let restartTimer: (() => void) | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let hasEnded = false;

  const stopData = channel.onData((chunk) => {
    restartTimer?.();
    for (const event of decoder.push(chunk)) {
      const response = event.ok ? parseResponseBody(event.body) : undefined;
      const outcome: ExchangeOutcome = event.ok
        ? response === undefined ? { ok: false, code: 'frame_length_invalid' } : { ok: true, value: response }
        : { ok: false, code: event.code };
      // A frame nobody waits for (a late reply after a timeout) is dropped.
      waiter?.(outcome);
    }
  });
  const stopEnd = channel.onEnd(() => {
    hasEnded = true;
    waiter?.({ ok: false, code: 'reader_closed' });
  });

  function attempt(name: CardCommandName): Promise<ExchangeOutcome> {
    if (hasEnded) return Promise.resolve({ ok: false, code: 'reader_closed' });
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settle = (outcome: ExchangeOutcome) => {
        clearTimeout(timer);
        waiter = undefined;
        restartTimer = undefined;
        resolve(outcome);
      };
      restartTimer = () => {
        clearTimeout(timer);
        timer = setTimeout(() => settle({ ok: false, code: 'reader_timeout' }), options.commandTimeoutMs);
      };
      restartTimer();
      waiter = settle;
      channel.write(encodeCommand(name)).catch(() => settle({ ok: false, code: 'reader_closed' }));
    });
  }

  async function requestWithRetries(name: CardCommandName): Promise<ExchangeOutcome> {
    let outcome: ExchangeOutcome = { ok: false, code: 'reader_timeout' };
    for (let attemptIndex = 0; attemptIndex < options.commandAttemptsMax; attemptIndex += 1) {
      outcome = await attempt(name);
      if (outcome.ok || outcome.code === 'reader_closed') return outcome;
    }
    return outcome;
  }

  return {
    request(name) {
      const run = queue.then(() => requestWithRetries(name));
      queue = run;
      return run;
    },
    dispose() {
      stopData();
      stopEnd();
    },
  };
}
