// Proves the GB18030 encoder against iconv-verified vectors (reference/hardware.md §3.1) and that the
// platform decoder reads back every BMP character it encodes.

import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from './gb18030.ts';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');

describe('encodeGb18030', () => {
  it('encodes the published vectors: two-byte Hanzi, middle dot, euro, four-byte bullet and U+20000', () => {
    expect(hex(encodeGb18030('社区服务站'))).toBe('C9 E7 C7 F8 B7 FE CE F1 D5 BE');
    expect(hex(encodeGb18030('张三'))).toBe('D5 C5 C8 FD');
    expect(hex(encodeGb18030('·'))).toBe('A1 A4');
    expect(hex(encodeGb18030('€'))).toBe('A2 E3');
    expect(hex(encodeGb18030('•'))).toBe('81 36 A6 31');
    expect(hex(encodeGb18030('\u{20000}'))).toBe('95 32 82 36');
  });

  it('keeps ASCII as single bytes', () => {
    expect(hex(encodeGb18030('A1 ~'))).toBe('41 31 20 7E');
  });

  it('round-trips every BMP character through TextDecoder("gb18030"), except private-use ones the decoder never yields', () => {
    const decoder = new TextDecoder('gb18030');
    const mismatches: number[] = [];
    for (let codePoint = 0x80; codePoint <= 0xffff; codePoint += 1) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const character = String.fromCodePoint(codePoint);
      if (decoder.decode(encodeGb18030(character)) !== character) mismatches.push(codePoint);
    }
    // GB18030-2022 moved some byte pairs off the private-use area; those code points encode as `?`.
    expect(mismatches.filter((codePoint) => codePoint < 0xe000 || codePoint > 0xf8ff)).toEqual([]);
    expect(mismatches.length).toBeLessThan(30);
  });

  it('replaces a lone surrogate with ?', () => {
    expect(hex(encodeGb18030('\ud800'))).toBe('3F');
  });
});
