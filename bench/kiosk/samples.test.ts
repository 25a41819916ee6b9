// Proves how bench rounds become timings: the card time starts at the last byte of the basic-info reply (not at a
// later poll), the receipt time ends at the last print byte (not at a status query), and median/p95 by nearest rank.
import { describe, expect, it } from 'vitest';
import { cardTapToScreenMs, isStatusQuery, summarize, tapToLastPrintByteMs } from './samples.ts';

describe('cardTapToScreenMs', () => {
  const deliveries = [
    { port: 0, byteCount: 15, atMs: 1_000 },
    { port: 0, byteCount: 1_295, atMs: 1_010 },
    { port: 1, byteCount: 1, atMs: 1_011 },
    { port: 0, byteCount: 15, atMs: 1_030 },
  ];

  it('times from the last byte of the card reply to the first mark of the screen', () => {
    const screens = [{ screen: 'identifying', atMs: 1_012 }, { screen: 'menu', atMs: 1_050 }, { screen: 'menu', atMs: 1_090 }];
    expect(cardTapToScreenMs(deliveries, screens, 'identifying')).toBe(2);
    expect(cardTapToScreenMs(deliveries, screens, 'menu')).toBe(40);
  });

  it('answers null without the screen or without a card reply before it', () => {
    expect(cardTapToScreenMs(deliveries, [{ screen: 'attract', atMs: 1_050 }], 'menu')).toBeNull();
    expect(cardTapToScreenMs(deliveries, [{ screen: 'menu', atMs: 1_005 }], 'menu')).toBeNull();
  });
});

describe('tapToLastPrintByteMs', () => {
  const bytes = (...values: number[]) => Uint8Array.from(values);
  it('ends at the last print data on the printer port after the tap, skipping status queries and the reader', () => {
    const writes = [
      { port: 1, bytes: bytes(0x1b, 0x40), atMs: 90 },
      { port: 1, bytes: bytes(0x10, 0x04, 0x04), atMs: 120 },
      { port: 1, bytes: bytes(0x1b, 0x40, 0x0a), atMs: 150 },
      { port: 1, bytes: bytes(0x1d, 0x56, 0x00), atMs: 180 },
      { port: 1, bytes: bytes(0x10, 0x04, 0x04), atMs: 400 },
      { port: 0, bytes: bytes(0xaa, 0xaa), atMs: 500 },
    ];
    expect(tapToLastPrintByteMs(100, writes)).toBe(80);
    expect(tapToLastPrintByteMs(200, writes)).toBeNull();
  });

  it('knows DLE EOT n from print data that starts the same way', () => {
    expect(isStatusQuery(bytes(0x10, 0x04, 0x01))).toBe(true);
    expect(isStatusQuery(bytes(0x10, 0x04, 0x01, 0x0a))).toBe(false);
  });
});

describe('summarize', () => {
  it('gives count, nearest-rank median, p95 and max', () => {
    const samples = Array.from({ length: 20 }, (_, index) => 20 - index);
    expect(summarize(samples)).toEqual({ count: 20, medianMs: 10, p95Ms: 19, maxMs: 20 });
    expect(summarize([7])).toEqual({ count: 1, medianMs: 7, p95Ms: 7, maxMs: 7 });
  });
});
