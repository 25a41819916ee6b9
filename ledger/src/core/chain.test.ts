// Proves the chain hash is SHA-256(0x00 ‖ prevHash ‖ canonical) and that any field change changes the hash.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toHex } from './canonical.ts';
import { encodeChainRecord, genesisHash, hashRecord, type ChainRecord } from './chain.ts';

const record: ChainRecord = {
  ledgerSeq: 1, id: '01J0000000000000000000000A', requestHash: new Uint8Array(32).fill(7), status: 'posted', code: null,
  kind: 'credit', mode: 'authorize', stationId: 'S1', kioskId: 'K1', kioskSeq: 1, actorId: null, occurredAtMs: 1000,
  recordedAtMs: 2000, opensHold: false, holdExpiresAtMs: null, resolvesHoldId: null, resolution: null, reversesId: null,
  memo: null, metadata: null, response: '{"ok":true}',
  postings: [{ leg: 0, accountKey: 'system:system:issuance:time', asset: 'time', amount: -30, balanceAfter: -30 },
    { leg: 1, accountKey: 'person:P1:main:time', asset: 'time', amount: 30, balanceAfter: 30 }],
};

describe('chain hash', () => {
  it('is SHA-256 over 0x00, the previous hash and the canonical bytes', () => {
    const expected = createHash('sha256').update(Buffer.from([0])).update(genesisHash).update(encodeChainRecord(record)).digest('hex');
    expect(toHex(hashRecord(genesisHash, record))).toBe(expected);
  });
  it('changes when any posting or outcome field changes', () => {
    const base = toHex(hashRecord(genesisHash, record));
    const tampered = { ...record, postings: [record.postings[0]!, { ...record.postings[1]!, balanceAfter: 31 }] };
    expect(toHex(hashRecord(genesisHash, tampered))).not.toBe(base);
    expect(toHex(hashRecord(genesisHash, { ...record, response: '{"ok":false}' }))).not.toBe(base);
    expect(toHex(hashRecord(new Uint8Array(32).fill(1), record))).not.toBe(base);
  });
});
