// Card reader driver: polls find → select → read (`30 01`) and reports one `card_read` per card placement.
// The photo bytes are zeroed on arrival; only the parsed text leaves this file.

import type { ByteChannel } from '../serial/byte-channel.ts';
import { takeBasicInfoText } from './basic-info.ts';
import { parseCardText, type CardTextErrorCode, type IdCard } from './card-text.ts';
import { createCardExchange, type ExchangeErrorCode, type ExchangeOptions } from './exchange.ts';
import { describeSamStatus, type SamStatusCode } from './status-codes.ts';

export type CardReadErrorCode = ExchangeErrorCode | SamStatusCode | CardTextErrorCode | 'basic_info_layout_invalid';
export type CardReadOutcome =
  | { readonly ok: true; readonly value: IdCard }
  | { readonly ok: false; readonly code: 'card_absent' }
  | { readonly ok: false; readonly code: CardReadErrorCode };

export type CardReaderEvent =
  | { readonly type: 'card_read'; readonly card: IdCard }
  | { readonly type: 'card_read_failed'; readonly code: CardReadErrorCode }
  | { readonly type: 'reader_unresponsive' }
  | { readonly type: 'reader_ready' }
  | { readonly type: 'reader_lost' };

export type CardReaderOptions = ExchangeOptions & {
  /** Pause between find commands while waiting for a card. */
  readonly pollIntervalMs: number;
  /** Whole find → select → read attempts for one placement before reporting `card_read_failed`. */
  readonly readAttemptsMax: number;
};

export const defaultCardReaderOptions: CardReaderOptions = { commandTimeoutMs: 1500, commandAttemptsMax: 2, pollIntervalMs: 300, readAttemptsMax: 3 };

export type CardReaderDriver = {
  /** One find → select → read; `card_absent` when no (new) card is in the field. */
  readCard(): Promise<CardReadOutcome>;
  /** SAM status (`11 FF`): `ok` when the reader is healthy. */
  checkStatus(): Promise<{ readonly ok: true } | { readonly ok: false; readonly code: ExchangeErrorCode | SamStatusCode }>;
  /** Starts polling; events arrive through `listener` until stop() or the channel ends. */
  start(listener: (event: CardReaderEvent) => void): void;
  stop(): Promise<void>;
};

export function createCardReaderDriver(channel: ByteChannel, options: Partial<CardReaderOptions> = {}): CardReaderDriver {
  const settings = { ...defaultCardReaderOptions, ...options };
  const exchange = createCardExchange(channel, settings);
  let loop: Promise<void> | undefined;
  let isStopping = false;
  let wake: (() => void) | undefined;

  async function readCard(): Promise<CardReadOutcome> {
    const found = await exchange.request('findCard');
    if (!found.ok) return found;
    if (found.value.sw3 === 0x80) return { ok: false, code: 'card_absent' };
    if (found.value.sw3 !== 0x9f) return { ok: false, code: describeSamStatus(found.value.sw3).code };
    const selected = await exchange.request('selectCard');
    if (!selected.ok) return selected;
    if (selected.value.sw3 !== 0x90) return { ok: false, code: describeSamStatus(selected.value.sw3).code };
    const read = await exchange.request('readBasicInfo');
    if (!read.ok) return read;
    if (read.value.sw3 !== 0x90) {
      read.value.data.fill(0);
      return { ok: false, code: describeSamStatus(read.value.sw3).code };
    }
    const text = takeBasicInfoText(read.value.data);
    if (!text.ok) return text;
    const card = parseCardText(text.value);
    text.value.fill(0);
    return card;
  }

  async function checkStatus() {
    const outcome = await exchange.request('samStatus');
    if (!outcome.ok) return outcome;
    return outcome.value.sw3 === 0x90 ? ({ ok: true } as const) : ({ ok: false, code: describeSamStatus(outcome.value.sw3).code } as const);
  }

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async function poll(listener: (event: CardReaderEvent) => void): Promise<void> {
    let isPlacementHandled = false;
    let isResponsive = true;
    while (!isStopping) {
      let outcome: CardReadOutcome = { ok: false, code: 'card_absent' };
      for (let attempt = 0; attempt < settings.readAttemptsMax && !isStopping; attempt += 1) {
        outcome = isPlacementHandled ? await findOnly() : await readCard();
        if (outcome.ok || outcome.code === 'card_absent' || outcome.code === 'reader_closed' || outcome.code === 'reader_timeout' || isPlacementHandled) break;
      }
      if (!outcome.ok && outcome.code === 'reader_closed') {
        if (!isStopping) listener({ type: 'reader_lost' });
        return;
      }
      const isTimeout = !outcome.ok && outcome.code === 'reader_timeout';
      if (isTimeout === isResponsive) listener({ type: isTimeout ? 'reader_unresponsive' : 'reader_ready' });
      isResponsive = !isTimeout;
      if (outcome.ok) listener({ type: 'card_read', card: outcome.value });
      else if (outcome.code === 'card_absent') isPlacementHandled = false;
      else if (!isTimeout && !isPlacementHandled) listener({ type: 'card_read_failed', code: outcome.code });
      if (outcome.ok || (!isTimeout && outcome.code !== 'card_absent')) isPlacementHandled = true;
      if (!isStopping) await pause(settings.pollIntervalMs);
    }
  }

  /** While a placement is handled, only watch for the card leaving (find answering `80`). */
  async function findOnly(): Promise<CardReadOutcome> {
    const found = await exchange.request('findCard');
    if (!found.ok) return found;
    return found.value.sw3 === 0x80 ? { ok: false, code: 'card_absent' } : { ok: false, code: describeSamStatus(found.value.sw3).code };
  }

  return {
    readCard,
    checkStatus,
    start(listener) {
      if (loop !== undefined) throw new Error('card reader driver already started');
      isStopping = false;
      loop = poll(listener);
    },
    async stop() {
      isStopping = true;
      wake?.();
      await loop;
      loop = undefined;
    },
  };
}
