// Web Serial transport: opens a port with explicit line settings and adapts it to a ByteChannel.
// Falls back to web-serial-polyfill (WebUSB, CDC-ACM only) through a lazy import, never in the initial bundle.

import { createChannelEvents, type ByteChannel } from './byte-channel.ts';
import type { LineSettings } from './line-settings.ts';
import type { SerialLike, SerialPortLike } from './serial-types.ts';

const recoverableReadErrors = new Set(['BreakError', 'FramingError', 'BufferOverrunError', 'ParityError']);

export type SerialSource = { readonly serial: SerialLike; readonly kind: 'web_serial' | 'webusb_polyfill' } | { readonly serial: undefined; readonly kind: 'unsupported' };

/** Picks `navigator.serial`, else the polyfill when WebUSB exists (Android kiosks), else reports `unsupported`. */
export async function resolveSerial(navigatorLike: { serial?: unknown; usb?: unknown } = globalThis.navigator ?? {}): Promise<SerialSource> {
  if (navigatorLike.serial !== undefined && navigatorLike.serial !== null) return { serial: navigatorLike.serial as SerialLike, kind: 'web_serial' };
  if (navigatorLike.usb === undefined || navigatorLike.usb === null) return { serial: undefined, kind: 'unsupported' };
  const polyfill = await import('web-serial-polyfill');
  return { serial: polyfill.serial as unknown as SerialLike, kind: 'webusb_polyfill' };
}

/** Opens `port` with `settings` and reads it until closed or lost; writes are serialised. */
export async function openWebSerialChannel(port: SerialPortLike, settings: LineSettings): Promise<ByteChannel> {
  await port.open(settings);
  const events = createChannelEvents();
  let isClosing = false;
  let activeReader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let writeQueue: Promise<void> = Promise.resolve();

  const readLoop = (async () => {
    // A non-fatal error (framing, overrun) replaces `readable`; a lost device leaves it null.
    while (port.readable !== null && !isClosing) {
      activeReader = port.readable.getReader();
      try {
        for (;;) {
          const { value, done } = await activeReader.read();
          if (done) break;
          if (value !== undefined && value.length > 0) events.emitData(value);
        }
      } catch (error) {
        // Only line errors are recoverable (Web Serial hands out a fresh `readable`); anything else ends the channel.
        if (isClosing || !(error instanceof DOMException) || !recoverableReadErrors.has(error.name)) break;
      } finally {
        activeReader.releaseLock();
        activeReader = undefined;
      }
    }
    events.emitEnd(isClosing ? 'closed' : 'lost');
  })();

  async function write(bytes: Uint8Array): Promise<void> {
    const run = writeQueue.then(async () => {
      if (port.writable === null) throw new Error('serial port is not writable (closed or lost)');
      const writer = port.writable.getWriter();
      try {
        await writer.write(bytes);
      } finally {
        writer.releaseLock();
      }
    });
    writeQueue = run.catch(() => undefined);
    return run;
  }

  async function close(): Promise<void> {
    if (events.hasEnded) return;
    isClosing = true;
    await activeReader?.cancel();
    await readLoop;
    await writeQueue;
    await port.close();
  }

  return { write, onData: events.onData, onEnd: events.onEnd, close };
}
