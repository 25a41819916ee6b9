// Proves the password formats: chained rounds at the production work factor never ask PBKDF2 for more than 100,000
// iterations per call (as Workers demand) and match an independent node:crypto computation; hashes of the first,
// single-call format still verify; malformed or out-of-range stored values never verify.

import { createHash, pbkdf2Sync } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeBase64Url } from '../../../domain/kiosk-signature.ts';
import { chainedScheme, hashPassword, needsRehash, passwordIterationsDefault, pbkdf2IterationsPerCallMax, verifyPassword } from './passwords.ts';

const random = (count: number) => crypto.getRandomValues(new Uint8Array(count));
const fixedSalt = (count: number) => new Uint8Array(count).fill(7);
const password = '正确的 horse battery';

/** Behaves like workerd in production: PBKDF2 above 100,000 iterations is refused. */
function refuseLargeIterationCounts(): number[] {
  const seen: number[] = [];
  const deriveBits = crypto.subtle.deriveBits.bind(crypto.subtle);
  vi.spyOn(crypto.subtle, 'deriveBits').mockImplementation(async (algorithm, key, length) => {
    const iterations = (algorithm as Pbkdf2Params).iterations;
    seen.push(iterations);
    if (iterations > pbkdf2IterationsPerCallMax) throw new DOMException(`Pbkdf2 failed: iteration counts above ${pbkdf2IterationsPerCallMax} are not supported`, 'NotSupportedError');
    return deriveBits(algorithm, key, length);
  });
  return seen;
}

/** The chained format computed with node:crypto, independently of WebCrypto. */
function chainedWithNode(text: string, salt: Buffer, rounds: number, iterations: number): string {
  let input: Buffer = Buffer.from(text, 'utf8');
  for (let round = 0; round < rounds; round++) {
    const index = Buffer.alloc(4);
    index.writeUInt32BE(round);
    const roundSalt = createHash('sha256').update(Buffer.concat([salt, Buffer.from('linli/password-round'), index])).digest();
    input = pbkdf2Sync(input, roundSalt, iterations, 32, 'sha256');
  }
  return encodeBase64Url(new Uint8Array(input));
}

afterEach(() => { vi.restoreAllMocks(); });

describe('chained password hashes', () => {
  it('stores the production work factor as 6 rounds of 100,000 and verifies where PBKDF2 refuses more per call', async () => {
    const calls = refuseLargeIterationCounts();
    const stored = await hashPassword(password, passwordIterationsDefault, random);
    expect(stored).toMatch(new RegExp(`^${chainedScheme}\\$6\\$100000\\$[A-Za-z0-9_-]{22}\\$[A-Za-z0-9_-]{43}$`));
    expect(await verifyPassword(password, stored)).toBe(true);
    expect(await verifyPassword('正确的 horse batterY', stored)).toBe(false);
    expect(calls).toHaveLength(18);
    expect(Math.max(...calls)).toBe(pbkdf2IterationsPerCallMax);
  });

  it('matches the format computed independently with node:crypto', async () => {
    const stored = await hashPassword(password, 250_000, fixedSalt);
    const [, rounds, perRound, salt, hash] = stored.split('$');
    expect([rounds, perRound]).toEqual(['3', '83334']);
    expect(hash).toBe(chainedWithNode(password, Buffer.alloc(16, 7), 3, 83_334));
    expect(salt).toBe(encodeBase64Url(fixedSalt(16)));
  });

  it('uses one round at or below 100,000 iterations and two just above', async () => {
    expect((await hashPassword(password, 100_000, random)).split('$').slice(1, 3)).toEqual(['1', '100000']);
    expect((await hashPassword(password, 100_001, random)).split('$').slice(1, 3)).toEqual(['2', '50001']);
  });

  it('derives a different salt per round: two rounds of n differ from one round of 2n', async () => {
    const chained = (await hashPassword(password, 2_000, fixedSalt)).split('$')[4];
    const single = encodeBase64Url(new Uint8Array(pbkdf2Sync(password, Buffer.alloc(16, 7), 2_000, 32, 'sha256')));
    expect(chained).not.toBe(single);
  });
});

describe('the first, single-call format', () => {
  it('still verifies, and asks to be rehashed', async () => {
    const salt = Buffer.alloc(16, 3);
    const stored = `pbkdf2-sha256$1000$${encodeBase64Url(new Uint8Array(salt))}$${encodeBase64Url(new Uint8Array(pbkdf2Sync(password, salt, 1_000, 32, 'sha256')))}`;
    expect(await verifyPassword(password, stored)).toBe(true);
    expect(await verifyPassword('wrong password', stored)).toBe(false);
    expect(needsRehash(stored, 1_000)).toBe(true);
  });
});

describe('needsRehash and malformed values', () => {
  it('asks to rehash a chained hash below the wanted work factor only', async () => {
    const stored = await hashPassword(password, 1_000, random);
    expect(needsRehash(stored, 1_000)).toBe(false);
    expect(needsRehash(stored, 2_000)).toBe(true);
  });

  it('never verifies malformed values, more than 100,000 iterations per round, or too many rounds', async () => {
    const stored = await hashPassword(password, 1_000, random);
    const [, , , salt, hash] = stored.split('$');
    for (const bad of ['', 'plain', `${chainedScheme}$1$1000$${salt}`, `${chainedScheme}$0$1000$${salt}$${hash}`, `${chainedScheme}$1$100001$${salt}$${hash}`,
      `${chainedScheme}$65$1$${salt}$${hash}`, `${chainedScheme}$1$1000$%%%$${hash}`, `scrypt$1$1000$${salt}$${hash}`]) {
      expect(await verifyPassword(password, bad)).toBe(false);
    }
  });
});
