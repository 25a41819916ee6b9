// Finds a port's device role by asking: a printer answers DLE EOT 1 with one status byte, a card reader
// answers the SAM status command `11 FF` with a GA 467 frame. The printer is asked first so that a printer
// never receives SAM bytes it would print on the next receipt.

import { createCardFrameDecoder, encodeCommand, parseResponseBody } from '../card-reader/protocol.ts';
import { encodeStatusQuery, isStatusByte } from '../printer/status.ts';
import { collectReply, type ByteChannel } from './byte-channel.ts';
import { cardReaderLineSettings, printerLineSettings, type LineSettings } from './line-settings.ts';

export type DeviceRole = 'card_reader' | 'printer';
export type ProbeResult = { readonly role: DeviceRole; readonly channel: ByteChannel } | { readonly role: 'unknown' };
/** Opens the port under test with the given settings (Web Serial or Node). */
export type OpenChannel = (settings: LineSettings) => Promise<ByteChannel>;

export type ProbeOptions = {
  /** Wait for a reply to each probe; a reader answers `11 FF` in a few ms at 115200. */
  readonly probeTimeoutMs: number;
  readonly printerSettings: LineSettings;
  readonly readerSettings: LineSettings;
};

export const defaultProbeOptions: ProbeOptions = { probeTimeoutMs: 400, printerSettings: printerLineSettings, readerSettings: cardReaderLineSettings };

/** True when `reply` holds a single DLE EOT status byte (fixed bits right). */
export function isPrinterProbeReply(reply: Uint8Array): boolean {
  return reply.length >= 1 && isStatusByte(reply[0] ?? 0);
}

/** True when `reply` contains a whole GA 467 response frame with a valid checksum. */
export function isReaderProbeReply(reply: Uint8Array): boolean {
  return createCardFrameDecoder()
    .push(reply)
    .some((event) => event.ok && parseResponseBody(event.body) !== undefined);
}

/** Probes one port; on a match the channel is left open with that role's settings and returned. */
export async function probeDevice(open: OpenChannel, options: Partial<ProbeOptions> = {}): Promise<ProbeResult> {
  const settings = { ...defaultProbeOptions, ...options };
  const attempts = [
    { role: 'printer', settings: settings.printerSettings, request: encodeStatusQuery(1), matches: isPrinterProbeReply },
    { role: 'card_reader', settings: settings.readerSettings, request: encodeCommand('samStatus'), matches: isReaderProbeReply },
  ] as const;
  for (const attempt of attempts) {
    const channel = await open(attempt.settings);
    const reply = collectReply(channel, attempt.matches, settings.probeTimeoutMs);
    await channel.write(attempt.request);
    if ((await reply) !== undefined) return { role: attempt.role, channel };
    await channel.close();
  }
  return { role: 'unknown' };
}
