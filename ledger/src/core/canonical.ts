// Canonical JSON (sorted keys, no whitespace, integers only where numbers appear as amounts) and the request hash
// that makes idempotency keys safe: same id with a different canonical body is `id_reused`. Pure: no I/O, no clock.

import { createHash } from 'node:crypto';
import { assert } from '../../../domain/assert.ts';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Encodes `value` as JSON with object keys sorted (by UTF-16 code unit) at every depth, no whitespace,
 * and `undefined` object members dropped. Non-finite numbers are programmer errors.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      assert(Number.isFinite(value), 'canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
      return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
    }
    default:
      assert(false, `canonicalJson: unsupported ${typeof value}`);
  }
}

/** SHA-256 of the canonical JSON of a request: the 32-byte `requestHash` of a unit. */
export function hashRequest(request: unknown): Uint8Array {
  return sha256(new TextEncoder().encode(canonicalJson(request)));
}

export function sha256(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export function bytesEqual(left: Uint8Array, right: Uint8Array): boolean {
  if (left.byteLength !== right.byteLength) return false;
  for (let index = 0; index < left.byteLength; index++) if (left[index] !== right[index]) return false;
  return true;
}
