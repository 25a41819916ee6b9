// Proves the engine stores a signed request's nonce in the unit's own batch and refuses a unit whose nonce is already
// used (stored earlier, earlier in the same group, or stored by another writer after the check) with nothing written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowCounts } from '../../../../tests/support/row-counts.ts';
import type { Database } from '../client.ts';
import type { Ledger } from './ledger.ts';
import { sampleUnit } from './sample-units.ts';
import { openTestLedger } from './test-ledger.ts';
import type { Unit, UnitNonce } from './unit.ts';

let database: Database;
let ledger: Ledger;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ database, ledger, close } = await openTestLedger());
});
afterEach(() => close());

const nonce = (value: string, expiresAtMs = 10_000): UnitNonce => ({ kioskId: 'K1', nonce: value, expiresAtMs });
const credit = (id: string, used?: UnitNonce): Unit<undefined> => ({ ...sampleUnit(id, { type: 'credit', personId: `P-${id}`, asset: 'time', amount: 5 }), ...(used && { nonce: used }) });
const storedNonces = async () => (await database.client.execute('SELECT kiosk_id, nonce FROM kiosk_nonces ORDER BY nonce')).rows.map((row) => `${String(row.kiosk_id)}/${String(row.nonce)}`);

describe('nonces in the write batch', () => {
  it('stores the nonce with the transaction in one group', async () => {
    expect(await ledger.submit(credit('T1', nonce('n-00000001')))).toMatchObject({ status: 'created' });
    expect(await storedNonces()).toEqual(['K1/n-00000001']);
    expect(ledger.stats()).toMatchObject({ groupsCommitted: 1, unitsCommitted: 1 });
  });

  it('refuses a unit whose nonce is already stored and writes nothing (kiosk_nonce_reused)', async () => {
    await ledger.submit(credit('T1', nonce('n-00000001')));
    const before = await rowCounts(database);
    expect(await ledger.submit(credit('T2', nonce('n-00000001')))).toEqual({ status: 'refused', code: 'kiosk_nonce_reused', response: { code: 'kiosk_nonce_reused' } });
    expect(await rowCounts(database)).toEqual(before);
  });

  it('refuses the second unit with the same nonce in one commit group and commits the others', async () => {
    const outcomes = await Promise.all([
      ledger.submit(credit('T1', nonce('n-00000001'))), ledger.submit(credit('T2', nonce('n-00000001'))), ledger.submit(credit('T3', nonce('n-00000002'))),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['created', 'refused', 'created']);
    expect(ledger.stats()).toMatchObject({ groupsCommitted: 1, fallbackGroups: 0 });
    expect(await database.client.execute("SELECT count(*) AS n FROM transactions WHERE id = 'T2'")).toMatchObject({ rows: [{ n: 0 }] });
    expect(await storedNonces()).toEqual(['K1/n-00000001', 'K1/n-00000002']);
  });

  it('stores the nonce of a unit answered from its stored outcome (exists), so that request cannot be replayed', async () => {
    await ledger.submit(credit('T1', nonce('n-00000001')));
    expect(await ledger.submit(credit('T1', nonce('n-00000002')))).toMatchObject({ status: 'exists' });
    expect(await storedNonces()).toEqual(['K1/n-00000001', 'K1/n-00000002']);
    expect(await ledger.submit(credit('T1', nonce('n-00000002')))).toMatchObject({ status: 'refused' });
  });

  it('refuses only the unit whose nonce another writer stored after the check, through the per-unit fallback', async () => {
    // The load of the unit runs after the group's nonce check: storing the nonce there stands in for a second
    // Worker isolate committing the same signed request between the check and the batch.
    const raced: Unit<undefined> = {
      ...credit('T2', nonce('n-00000002')),
      load: async (reader) => {
        await reader.client.execute({ sql: "INSERT OR IGNORE INTO kiosk_nonces (kiosk_id, nonce, expires_at_ms) VALUES ('K1', 'n-00000002', 10000)", args: [] });
        return undefined;
      },
    };
    const outcomes = await Promise.all([ledger.submit(credit('T1', nonce('n-00000001'))), ledger.submit(raced), ledger.submit(credit('T3'))]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['created', 'refused', 'created']);
    expect(ledger.stats().fallbackGroups).toBe(1);
    expect(await database.client.execute("SELECT count(*) AS n FROM transactions WHERE id = 'T2'")).toMatchObject({ rows: [{ n: 0 }] });
    expect(await ledger.verifyChain()).toMatchObject({ ok: true });
  });

  it('purges nonces past their expiry in the same batch', async () => {
    await ledger.submit(credit('T1', nonce('n-00000001', 999)));
    await ledger.submit(credit('T2', nonce('n-00000002')));
    expect(await storedNonces()).toEqual(['K1/n-00000002']);
  });
});
