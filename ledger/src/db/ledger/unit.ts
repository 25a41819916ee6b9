// What callers submit to the ledger's single writer: a unit with its idempotency id, request hash, conflict keys,
// an optional group-wide `prefetch` read and async `load` that run inside the writer (seeing every earlier commit)
// and a pure `plan`.

import type { Client, InStatement } from '@libsql/client';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import type { Asset } from '../../../../domain/assets.ts';
import type { AccountRef } from '../../core/accounts.ts';
import type { Plan } from '../../core/transaction.ts';

/** Reads allowed inside `load`: the drizzle database and the raw client (never for writes). */
export type LedgerReader = {
  readonly client: Client;
  readonly db: LibSQLDatabase<Record<string, unknown>>;
  /** Makes these accounts' balances visible to `view.balance` in `plan`. */
  readonly preloadBalances: (accounts: readonly { readonly account: AccountRef; readonly asset: Asset }[]) => Promise<void>;
};

/** Current balances as the plan must see them: every earlier commit plus earlier units of the same group. */
export type BalanceView = {
  /** Balance of an account listed in `unit.accounts`, preloaded in `load`, or touched earlier in the group. */
  readonly balance: (account: AccountRef, asset: Asset) => number;
};

/**
 * A signed kiosk request's nonce, stored in the same batch as the unit (design.md §5: single use). A nonce already
 * stored, or used twice in one group, refuses the unit with nothing written (`refused`, `kiosk_nonce_reused`).
 */
export type UnitNonce = { readonly kioskId: string; readonly nonce: string; readonly expiresAtMs: number };

/**
 * A read made once per commit group for every unit naming the same function (one statement instead of one per
 * unit): called with each unit's `input` in group order, it returns one output per input. It sees the commits before
 * the group only, so a unit must share a conflict key with any unit that could change what it reads.
 */
export type GroupRead = (reader: LedgerReader, inputs: readonly unknown[]) => Promise<unknown[]>;

export type Unit<Loaded = undefined> = {
  /** The kiosk-made (or caller-made) idempotency key, stored as the transaction id. */
  readonly id: string;
  /** `hashRequest(canonical request)`: 32 bytes. Same id, different hash → `id_reused`. */
  readonly requestHash: Uint8Array;
  /** Units whose keys overlap never share a commit group (the later one waits). The id is always a key. */
  readonly conflictKeys?: readonly string[];
  /** Accounts whose balances `plan` reads through the view. */
  readonly accounts?: readonly { readonly account: AccountRef; readonly asset: Asset }[];
  /** Written with the group whatever the outcome (created, exists, rejected, id_reused), so a replay is refused. */
  readonly nonce?: UnitNonce;
  readonly prefetch?: { readonly read: GroupRead; readonly input: unknown };
  /** Runs inside the writer before `plan`; `prefetched` is this unit's output of its `prefetch` read. */
  readonly load?: (reader: LedgerReader, prefetched: unknown) => Promise<Loaded>;
  readonly plan: (loaded: Loaded, view: BalanceView) => Plan<InStatement>;
};
