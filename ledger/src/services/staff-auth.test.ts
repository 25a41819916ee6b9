// Proves a good login rewrites a hash of the first, single-call PBKDF2 format as chained rounds (so it verifies on
// Workers from then on), that the same password still logs in afterwards, and that a failed login rewrites nothing.

import { pbkdf2Sync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../../../domain/kiosk-signature.ts';
import { findStaffByUsername, updateStaffPasswordHash } from '../db/station/staff.ts';
import { makeFixture, testPassword, type Fixture } from '../../../tests/support/station-fixture.ts';
import { chainedScheme } from './passwords.ts';

let fixture: Fixture;
beforeEach(async () => { fixture = await makeFixture(); });
afterEach(() => fixture.close());

const login = (password: string) => fixture.call('POST', '/api/v1/staff/sessions', { body: { username: 'clerk-a', password } });
const storedHash = async () => (await findStaffByUsername(fixture.database, 'clerk-a'))!.passwordHash;

function singleCallHash(password: string, iterations: number): string {
  const salt = Buffer.alloc(16, 9);
  return `pbkdf2-sha256$${iterations}$${encodeBase64Url(new Uint8Array(salt))}$${encodeBase64Url(new Uint8Array(pbkdf2Sync(password, salt, iterations, 32, 'sha256')))}`;
}

describe('rehash at login', () => {
  it('rewrites a single-call hash as chained rounds after a good login, and the password still works', async () => {
    const staff = (await findStaffByUsername(fixture.database, 'clerk-a'))!;
    await updateStaffPasswordHash(fixture.database, staff.id, singleCallHash(testPassword, 1_000));
    expect((await login(testPassword)).status).toBe(201);
    expect(await storedHash()).toMatch(new RegExp(`^${chainedScheme}\\$1\\$1000\\$`));
    expect((await login(testPassword)).status).toBe(201);
  });

  it('leaves the stored hash alone after a failed login', async () => {
    const staff = (await findStaffByUsername(fixture.database, 'clerk-a'))!;
    const legacy = singleCallHash(testPassword, 1_000);
    await updateStaffPasswordHash(fixture.database, staff.id, legacy);
    expect((await login('wrong password!')).status).toBe(401);
    expect(await storedHash()).toBe(legacy);
  });

  it('keeps a current chained hash as it is', async () => {
    const before = await storedHash();
    expect(before.startsWith(`${chainedScheme}$`)).toBe(true);
    expect((await login(testPassword)).status).toBe(201);
    expect(await storedHash()).toBe(before);
  });
});
