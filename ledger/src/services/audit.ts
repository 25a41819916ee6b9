// The audit log: append-only and hash-chained (hash = SHA-256 hex of prevHash + "\n" + canonical record).
// Appends are serialised in-process; across processes a lost race on `seq` is retried on the new head.

import { assert } from '../../../domain/assert.ts';
import { insertAuditRow, listAuditRows, readAuditHead, type AuditRow } from '../db/station/audit.ts';
import { isUniqueViolation } from '../db/station/errors.ts';
import type { Database } from '../db/client.ts';
import { sha256Hex } from './crypto.ts';

export type AuditEvent =
  | 'login' | 'logout' | 'authorization_failure' | 'personal_data_reveal' | 'adjustment' | 'reversal'
  | 'kiosk_created' | 'kiosk_enrolled' | 'kiosk_revoked' | 'staff_created' | 'role_changed' | 'person_registered'
  | 'family_link_created' | 'bootstrap_admin_created'
  // Ledger corrections and the daily close, each its own event so an auditor can filter on it.
  | 'close_signed' | 'reconciliation_resolved' | 'attendance_approved' | 'attendance_rejected' | 'supplementary_minutes'
  | 'service_retired' | 'identify_throttled' | 'work_unit_changed' | 'station_settings_changed' | 'points_expiry_run';

export type AuditEntry = {
  actorType: AuditRow['actorType'];
  actorId?: string | null;
  stationId?: string | null;
  event: AuditEvent;
  outcome: 'success' | 'failure' | 'denied';
  target?: string | null;
  /** Structured detail, stored as JSON (so newlines and control characters are encoded). Never personal data. */
  detail?: Record<string, string | number | boolean | null>;
};

export type AuditLog = { append(entry: AuditEntry): Promise<AuditRow> };

export const genesisAuditHash = '0'.repeat(64);
const appendAttemptsMax = 5;

export function createAuditLog(database: Database, nowMs: () => number): AuditLog {
  let queue: Promise<unknown> = Promise.resolve();
  const append = async (entry: AuditEntry): Promise<AuditRow> => {
    for (let attempt = 1; ; attempt++) {
      const head = await readAuditHead(database);
      const row = await sealAuditRow(entry, head?.seq ?? 0, head?.hash ?? genesisAuditHash, nowMs());
      try {
        await insertAuditRow(database, row);
        return row;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= appendAttemptsMax) throw error;
      }
    }
  };
  return {
    append(entry) {
      const result = queue.then(() => append(entry));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

/** Walks the chain from the start; answers the first seq whose hash or link does not verify. */
export async function verifyAuditChain(database: Database): Promise<{ ok: boolean; checkedThroughSeq: number; firstBadSeq?: number }> {
  let prevHash = genesisAuditHash;
  let checkedThroughSeq = 0;
  for (;;) {
    const rows = await listAuditRows(database, checkedThroughSeq, 500);
    if (rows.length === 0) return { ok: true, checkedThroughSeq };
    for (const row of rows) {
      const expected = await sealAuditRow(rowEntry(row), row.seq - 1, prevHash, row.atMs);
      if (row.seq !== checkedThroughSeq + 1 || row.prevHash !== prevHash || row.hash !== expected.hash) return { ok: false, checkedThroughSeq, firstBadSeq: row.seq };
      prevHash = row.hash;
      checkedThroughSeq = row.seq;
    }
  }
}

async function sealAuditRow(entry: AuditEntry, headSeq: number, prevHash: string, atMs: number): Promise<AuditRow> {
  const fields = {
    seq: headSeq + 1,
    atMs,
    actorType: entry.actorType,
    actorId: entry.actorId ?? null,
    stationId: entry.stationId ?? null,
    event: entry.event,
    outcome: entry.outcome,
    target: entry.target ?? null,
    detail: canonicalDetail(entry.detail ?? {}),
  };
  const hash = await sha256Hex(`${prevHash}\n${JSON.stringify(fields)}`);
  return { ...fields, prevHash, hash };
}

function rowEntry(row: AuditRow): AuditEntry {
  const detail: unknown = JSON.parse(row.detail);
  assert(typeof detail === 'object' && detail !== null, 'audit detail must be an object');
  return { actorType: row.actorType, actorId: row.actorId, stationId: row.stationId, event: row.event as AuditEvent, outcome: row.outcome as AuditEntry['outcome'], target: row.target, detail: detail as AuditEntry['detail'] };
}

function canonicalDetail(detail: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.keys(detail).sort().map((key) => [key, detail[key]])));
}
