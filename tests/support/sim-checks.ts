// The simulation's verdict after healing: every stored outbox entry is in the ledger exactly once with the same
// outcome (a lost registration's kioskSeq held by its void), kiosk sequences are continuous, every refused 待同步
// redemption has one offline follow-up, and the ledger's invariants hold (trial balance, balances = postings, chain,
// no person below zero, every offline overdraft in suspense with its reconciliation item).

import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { checkFollowUps, checkLostRegistration, checkVoid, holdsKioskSeq, type FollowUpCounts, type LedgerRow } from './sim-follow-ups.ts';
import type { SimKiosk } from './sim-kiosk.ts';
import type { SimWorld } from './sim-world.ts';

/**
 * `queuedRedemptionsRefused`: redemptions stored as online whose resident left with a 待同步 receipt and that the
 * ledger refused by an online rule; each must have exactly one offline follow-up. `lostRegistrations`: registrations
 * whose card a restart took, each with one sequence void; `registrationsFoundByVoid`: those the void found recorded.
 */
export type SimVerdict = FollowUpCounts & {
  violations: string[]; ledgerKioskRows: number; overdrafts: number; outcomes: Record<string, number>;
  /** Stored entries whose write should hold its own kioskSeq (all but lost registrations and voids that found it taken). */
  expectedKioskRows: number;
  /** SHA-256 over every transaction's id, kiosk fields, status and code and every balance: equal digests, equal ledgers. */
  ledgerDigest: string;
};

export async function checkSimulation(world: SimWorld, kiosks: readonly SimKiosk[]): Promise<SimVerdict> {
  const violations: string[] = [];
  const client = world.fixture.database.client;
  // Kiosk rows, plus the rows a kiosk write left without kiosk fields (a void or registration refused kiosk_seq_reused).
  const rows = (await client.execute("SELECT id, kind, kiosk_id, kiosk_seq, status, code, response, recorded_at_ms FROM transactions WHERE kiosk_id IS NOT NULL OR kind IN ('registration', 'sequence_void')")).rows
    .map((row): LedgerRow => ({ id: String(row.id), kind: String(row.kind), kioskId: row.kiosk_id === null ? null : String(row.kiosk_id), kioskSeq: row.kiosk_seq === null ? null : Number(row.kiosk_seq),
      status: String(row.status), code: row.code === null ? null : String(row.code), response: String(row.response), recordedAtMs: Number(row.recorded_at_ms) }));
  const kioskRows = rows.filter((row) => row.kioskId !== null);
  const byId = new Map<string, LedgerRow[]>();
  const bySeq = new Map<string, LedgerRow[]>();
  for (const row of rows) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
  for (const row of kioskRows) bySeq.set(`${row.kioskId}#${row.kioskSeq}`, [...(bySeq.get(`${row.kioskId}#${row.kioskSeq}`) ?? []), row]);
  const outcomes: Record<string, number> = {};
  const counts: FollowUpCounts = { lostRegistrations: 0, registrationsFoundByVoid: 0, queuedRedemptionsRefused: 0 };
  let expectedKioskRows = 0;
  for (const kiosk of kiosks) {
    const kioskId = kiosk.identity.kioskId;
    for (const entry of kiosk.everStored.values()) {
      if (holdsKioskSeq(entry)) expectedKioskRows++;
      const label = `${kioskId} seq ${entry.kioskSeq} (${entry.operation} ${entry.id})`;
      const matches = byId.get(entry.id) ?? [];
      const atSeq = bySeq.get(`${kioskId}#${entry.kioskSeq}`) ?? [];
      if (entry.state === 'pending') violations.push(`not drained: ${label}`);
      if (matches.length > 1 || atSeq.length > 1) violations.push(`duplicated: ${label}`);
      if (entry.operation === 'sequence-void') { violations.push(...checkVoid(entry, matches[0], atSeq[0], label)); continue; }
      if (entry.operation === 'registration' && entry.lastCode === 'registration_lost') { violations.push(...checkLostRegistration(matches[0], atSeq[0], label)); continue; }
      if (matches.length === 0) { violations.push(`lost: ${label}`); continue; }
      const row = matches[0]!;
      if (row.kioskId !== kioskId || row.kioskSeq !== entry.kioskSeq) violations.push(`stored under ${row.kioskId}#${row.kioskSeq}: ${label}`);
      const outcome = row.status === 'posted' ? 'done' : `rejected:${row.code}`;
      outcomes[`${entry.operation} ${outcome}`] = (outcomes[`${entry.operation} ${outcome}`] ?? 0) + 1;
      // A registration the void found recorded has no stored answer on the kiosk (the card and the answer were lost).
      const isSameResponse = entry.lastCode === 'registration_recorded' || isDeepStrictEqual(entry.response, JSON.parse(row.response));
      if (entry.state === 'done' && (row.status !== 'posted' || !isSameResponse)) violations.push(`outbox done, ledger ${outcome} or another response: ${label}`);
      if (entry.state === 'rejected' && (row.status !== 'rejected' || row.code !== entry.lastCode)) violations.push(`outbox rejected ${entry.lastCode}, ledger ${outcome}: ${label}`);
    }
    const followUps = checkFollowUps(kioskId, kiosk.everStored);
    violations.push(...followUps.violations);
    for (const name of Object.keys(counts) as (keyof FollowUpCounts)[]) counts[name] += followUps.counts[name];
    const sequence = await world.engine.kioskSequenceState(kioskId);
    const seqLast = kiosk.store.snapshot().meta.kioskSeqLast;
    if (sequence.gaps.length > 0 || sequence.maxSeq !== seqLast || sequence.contiguousThrough !== seqLast) violations.push(`kiosk ${kioskId} sequence ${JSON.stringify(sequence)} but outbox kioskSeqLast ${seqLast}`);
  }
  const stored = new Set(kiosks.flatMap((kiosk) => [...kiosk.everStored.keys()]));
  for (const row of rows) if (!stored.has(row.id)) violations.push(`ledger row no outbox stored: ${row.kioskId}#${row.kioskSeq} ${row.id}`);
  if (kioskRows.length !== expectedKioskRows) violations.push(`ledger has ${kioskRows.length} kiosk rows, outboxes stored ${expectedKioskRows}`);
  violations.push(...(await checkLedgerInvariants(world)));
  const overdrafts = Number((await client.execute('SELECT count(*) FROM redemptions WHERE shortfall > 0')).rows[0]?.[0] ?? 0);
  return { violations, ledgerKioskRows: kioskRows.length, expectedKioskRows, overdrafts, outcomes, ...counts, ledgerDigest: await digestLedger(world) };
}

/** Ledger-wide invariants, independent of the kiosks. */
export async function checkLedgerInvariants(world: SimWorld): Promise<string[]> {
  const violations: string[] = [];
  const client = world.fixture.database.client;
  const trial = await world.engine.trialBalance();
  if (trial.time !== 0 || trial.points !== 0) violations.push(`trial balance ${JSON.stringify(trial)}`);
  const matched = await world.engine.checkBalancesMatchPostings();
  if (!matched.ok) violations.push(`balances differ from postings: ${JSON.stringify(matched.mismatches)}`);
  const chain = await world.engine.verifyChain();
  const headSeq = Number((await client.execute('SELECT COALESCE(MAX(ledger_seq), 0) FROM transactions')).rows[0]?.[0]);
  if (!chain.ok || chain.checkedThroughSeq !== headSeq) violations.push(`chain ${JSON.stringify(chain)} head ${headSeq}`);
  const negative = await client.execute("SELECT b.account_key, b.balance FROM balances b JOIN accounts a ON a.key = b.account_key WHERE a.owner_kind = 'person' AND b.balance < 0");
  for (const row of negative.rows) violations.push(`person below zero: ${String(row.account_key)} ${String(row.balance)}`);
  // Each shortfall: the person's part taken to zero, the rest from the station's suspense, one open item naming it.
  const shortfalls = await client.execute(`SELECT r.id, r.offline, r.shortfall, r.asset, r.station_id,
      (SELECT COALESCE(SUM(p.amount), 0) FROM postings p JOIN transactions t ON t.ledger_seq = p.ledger_seq
        WHERE t.id = r.id AND p.account_key = 'station:' || r.station_id || ':suspense:' || r.asset) AS suspense_amount,
      (SELECT count(*) FROM reconciliation_items i WHERE i.transaction_id = r.id AND i.kind = 'offline_shortfall' AND i.amount = r.shortfall AND i.asset = r.asset
        AND NOT EXISTS (SELECT 1 FROM reconciliation_resolutions s WHERE s.item_id = i.id)) AS open_items
    FROM redemptions r`);
  for (const row of shortfalls.rows) {
    const shortfall = Number(row.shortfall);
    if (shortfall > 0 && Number(row.offline) !== 1) violations.push(`online redemption with a shortfall: ${String(row.id)}`);
    if (Number(row.suspense_amount) !== -shortfall) violations.push(`redemption ${String(row.id)}: suspense ${String(row.suspense_amount)} for shortfall ${shortfall}`);
    if (shortfall > 0 && Number(row.open_items) !== 1) violations.push(`overdraft without its reconciliation item: ${String(row.id)}`);
  }
  const suspense = await client.execute(`SELECT a.owner_id, a.asset, b.balance,
      (SELECT COALESCE(SUM(r.shortfall), 0) FROM redemptions r WHERE r.station_id = a.owner_id AND r.asset = a.asset) AS shortfalls
    FROM accounts a JOIN balances b ON b.account_key = a.key WHERE a.purpose = 'suspense'`);
  for (const row of suspense.rows) if (Number(row.balance) !== -Number(row.shortfalls)) violations.push(`suspense ${String(row.owner_id)} ${String(row.asset)} ${String(row.balance)} vs shortfalls ${String(row.shortfalls)}`);
  return violations;
}

async function digestLedger(world: SimWorld): Promise<string> {
  const client = world.fixture.database.client;
  const transactions = await client.execute("SELECT ledger_seq, id, kind, kiosk_id, kiosk_seq, status, COALESCE(code, '') FROM transactions ORDER BY ledger_seq");
  const balances = await client.execute('SELECT account_key, balance FROM balances ORDER BY account_key');
  const text = [...transactions.rows, ...balances.rows].map((row) => Array.from(row).map(String).join('|')).join('\n');
  return createHash('sha256').update(text).digest('hex');
}
