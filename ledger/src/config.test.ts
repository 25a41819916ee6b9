// Proves the environment is parsed with the documented defaults and that every problem is listed at once.
import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';

describe('parseConfig', () => {
  it('uses the documented defaults for an empty environment', () => {
    const result = parseConfig({});
    expect(result).toEqual({ ok: true, value: { port: 8787, host: '127.0.0.1', databaseUrl: 'file:data/linli.db', databaseAuthToken: undefined, secret: undefined, bootstrapAdminPassword: undefined, seed: 'demo' } });
  });

  it('accepts a 32-byte secret, port 0 and SEED=none', () => {
    const result = parseConfig({ PORT: '0', LINLI_SECRET: 'x'.repeat(32), SEED: 'none', DATABASE_URL: 'libsql://db.example', DATABASE_AUTH_TOKEN: 't' });
    expect(result.ok && result.value).toMatchObject({ port: 0, secret: 'x'.repeat(32), seed: 'none', databaseAuthToken: 't' });
  });

  it('lists every wrong value together (invalid_config)', () => {
    const result = parseConfig({ PORT: '99999', LINLI_SECRET: 'short', SEED: 'lots', DATABASE_URL: 'mysql://x', BOOTSTRAP_ADMIN_PASSWORD: 'abc' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('invalid_config');
    expect(result.detail?.split('\n')).toHaveLength(5);
    expect(result.detail).not.toContain('short');
  });

  it('rejects a secret one byte under the minimum', () => {
    expect(parseConfig({ LINLI_SECRET: 'x'.repeat(31) }).ok).toBe(false);
  });
});
