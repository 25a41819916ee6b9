// Proves canonical JSON is independent of key order and that the request hash separates different bodies.
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashRequest, toHex } from './canonical.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true }, e: undefined })).toBe('{"a":{"c":true,"d":[1,"x",null]},"b":1}');
  });
  it('encodes the same object the same way whatever the key order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
  it('crashes on a non-finite number (programmer error)', () => {
    expect(() => canonicalJson({ amount: Number.NaN })).toThrow(/non-finite/);
  });
});

describe('hashRequest', () => {
  it('gives 32 bytes, equal for equal bodies and different for different bodies', () => {
    const first = hashRequest({ amount: 5, person: 'P' });
    expect(first.byteLength).toBe(32);
    expect(toHex(hashRequest({ person: 'P', amount: 5 }))).toBe(toHex(first));
    expect(toHex(hashRequest({ person: 'P', amount: 6 }))).not.toBe(toHex(first));
  });
});
