// GB18030 encoder without a bundled table: the BMP table is derived on first use from the platform's own
// TextDecoder('gb18030'); supplementary planes follow the standard's linear rule. Pure apart from the lazy cache.

/** Packed codes per BMP code point: 0 = not built/unmapped, < 0x10000 two bytes, otherwise four bytes. */
let bmpTable: Uint32Array | undefined;

const replacementByte = 0x3f;
const replacementCharacterCode = 0x8431a437;

/** Encodes `text` as GB18030; ASCII stays one byte. Lone surrogates become `?`. */
export function encodeGb18030(text: string): Uint8Array {
  const table = bmpTable ?? (bmpTable = buildBmpTable());
  const out = new Uint8Array(text.length * 4);
  let length = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? replacementByte;
    if (codePoint < 0x80) {
      out[length++] = codePoint;
    } else if (codePoint >= 0x10000) {
      const index = codePoint - 0x10000 + 189_000;
      out[length++] = 0x81 + Math.floor(index / 12_600);
      out[length++] = 0x30 + (Math.floor(index / 1260) % 10);
      out[length++] = 0x81 + (Math.floor(index / 10) % 126);
      out[length++] = 0x30 + (index % 10);
    } else {
      const packed = table[codePoint] ?? 0;
      if (packed === 0) out[length++] = replacementByte;
      else if (packed < 0x10000) {
        out[length++] = packed >> 8;
        out[length++] = packed & 0xff;
      } else {
        out[length++] = packed >>> 24;
        out[length++] = (packed >> 16) & 0xff;
        out[length++] = (packed >> 8) & 0xff;
        out[length++] = packed & 0xff;
      }
    }
  }
  return out.slice(0, length);
}

function buildBmpTable(): Uint32Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Uint32Array(0x10000);
  // Four-byte codes first, so that where both forms decode to the same code point the two-byte form wins.
  forEachCode(decoder, fourByteBmpCodes(), 4, (packed, codePoint) => void (table[codePoint] = packed));
  forEachCode(decoder, twoByteCodes(), 2, (packed, codePoint) => void (table[codePoint] = packed));
  return table;
}

/** Decodes every code in one call (one character each) and reports code → code point; falls back to one-by-one. */
function forEachCode(decoder: TextDecoder, codes: number[], width: 2 | 4, visit: (packed: number, codePoint: number) => void): void {
  const bytes = new Uint8Array(codes.length * width);
  codes.forEach((packed, i) => {
    for (let b = 0; b < width; b += 1) bytes[i * width + b] = (packed >>> (8 * (width - 1 - b))) & 0xff;
  });
  const decoded = decoder.decode(bytes);
  const isOneUnitEach = decoded.length === codes.length;
  codes.forEach((packed, i) => {
    const character = isOneUnitEach ? decoded[i] : decoder.decode(bytes.subarray(i * width, (i + 1) * width));
    const codePoint = character?.codePointAt(0);
    // U+FFFD is also what the decoder returns for an invalid code; only 84 31 A4 37 truly encodes it.
    const isRealCharacter = codePoint !== 0xfffd || packed === replacementCharacterCode;
    if (character?.length === 1 && codePoint !== undefined && codePoint >= 0x80 && isRealCharacter) visit(packed, codePoint);
  });
}

function twoByteCodes(): number[] {
  const codes: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) if (trail !== 0x7f) codes.push((lead << 8) | trail);
  }
  return codes;
}

/** The BMP part of the four-byte region: 81 30 81 30 … 84 31 A4 39 (39 420 codes). */
function fourByteBmpCodes(): number[] {
  const codes: number[] = [];
  for (let index = 0; index < 39_420; index += 1) {
    const b1 = 0x81 + Math.floor(index / 12_600);
    const b2 = 0x30 + (Math.floor(index / 1260) % 10);
    const b3 = 0x81 + (Math.floor(index / 10) % 126);
    const b4 = 0x30 + (index % 10);
    codes.push(((b1 << 24) | (b2 << 16) | (b3 << 8) | b4) >>> 0);
  }
  return codes;
}
