// A small in-memory model of the ledger's rules for the property test: balances per account key, holds, stored
// outcomes per id. It predicts each submission's outcome in the order the writer's group picking applies them.

import { canonicalJson } from '../../core/canonical.ts';
import { pickGroup } from '../../core/group.ts';
import type { SubmitOutcome } from '../../core/transaction.ts';
import type { SampleRequest } from './sample-units.ts';

type Picked = { holdPick: number } | { transactionPick: number } | { commandPick: number };
export type ModelCommand =
  | Exclude<SampleRequest, { type: 'resolve' | 'reverse' | 'check_in' }>
  | { type: 'resolve'; holdPick: number; resolution: Extract<SampleRequest, { type: 'resolve' }>['resolution'] }
  | { type: 'reverse'; transactionPick: number }
  | { type: 'retry'; commandPick: number; times: number }
  | { type: 'reuse'; commandPick: number };
export type Submission = { id: string; request: SampleRequest | (SampleRequest & { reused: true }) };
export type Expected = { status: SubmitOutcome['status']; code: string | undefined };

type Stored = { body: string; expected: Expected; legs: Map<string, number>; opensHold: boolean; resolvesHold: boolean };
type Hold = { sourceKey: string; heldKey: string; destinationKey: string; amount: number; status: 'pending' | 'done' };

const main = (personId: string, asset: string) => `person:${personId}:main:${asset}`;

export class LedgerModel {
  private readonly balances = new Map<string, number>();
  private readonly stored = new Map<string, Stored>();
  private readonly holds = new Map<string, Hold>();
  private readonly reversed = new Set<string>();
  private readonly submitted: Submission[] = [];
  private nextId = 1;

  private freshId(): string {
    return `T${this.nextId++}`;
  }

  /** Turns a command into submissions (a retry becomes 1–5 copies of an earlier submission). */
  expand(command: ModelCommand): Submission[] {
    const previous = (pick: number) => this.submitted[pick % Math.max(1, this.submitted.length)];
    let out: Submission[];
    if (command.type === 'retry') {
      const earlier = previous(command.commandPick);
      out = earlier ? Array.from({ length: command.times }, () => earlier) : [];
    } else if (command.type === 'reuse') {
      const earlier = previous(command.commandPick);
      out = earlier ? [{ id: earlier.id, request: { ...earlier.request, reused: true } as Submission['request'] }] : [];
    } else if (command.type === 'resolve') {
      const holdIds = this.submitted.filter((item) => item.request.type === 'hold').map((item) => item.id);
      const holdId = holdIds.length === 0 || command.holdPick % 7 === 0 ? 'H-missing' : holdIds[command.holdPick % holdIds.length]!;
      out = [{ id: this.freshId(), request: { type: 'resolve', holdId, resolution: command.resolution } }];
    } else if (command.type === 'reverse') {
      const ids = [...new Set(this.submitted.map((item) => item.id))];
      const transactionId = ids.length === 0 || command.transactionPick % 7 === 0 ? 'T-missing' : ids[command.transactionPick % ids.length]!;
      out = [{ id: this.freshId(), request: { type: 'reverse', transactionId } }];
    } else {
      out = [{ id: this.freshId(), request: command }];
    }
    this.submitted.push(...out);
    return out;
  }

  /** The order the writer applies one same-tick batch in: its groups, each in queue order. */
  applicationOrder(conflictKeys: readonly (readonly string[])[]): number[] {
    const queue = conflictKeys.map((keys, index) => ({ index, conflictKeys: keys }));
    const order: number[] = [];
    while (queue.length > 0) {
      const picked = pickGroup(queue, 100);
      order.push(...picked.map((position) => queue[position]!.index));
      for (const position of picked.reverse()) queue.splice(position, 1);
    }
    return order;
  }

  apply(submission: Submission): Expected {
    const body = canonicalJson(submission.request);
    const earlier = this.stored.get(submission.id);
    if (earlier) {
      if (earlier.body !== body) return { status: 'id_reused', code: 'id_reused' };
      return earlier.expected.status === 'created' ? { status: 'exists', code: undefined } : earlier.expected;
    }
    const decision = this.decide(submission);
    const expected: Expected = typeof decision === 'string' ? { status: 'rejected', code: decision } : { status: 'created', code: undefined };
    const legs = typeof decision === 'string' ? new Map<string, number>() : decision;
    for (const [key, delta] of legs) this.balances.set(key, (this.balances.get(key) ?? 0) + delta);
    const request = submission.request;
    if (typeof decision !== 'string') {
      if (request.type === 'hold') this.holds.set(submission.id, { sourceKey: main(request.personId, request.asset), heldKey: `person:${request.personId}:held:${request.asset}`, destinationKey: `system:system:redemption:${request.asset}`, amount: request.amount, status: 'pending' });
      if (request.type === 'resolve') this.holds.get(request.holdId)!.status = 'done';
      if (request.type === 'reverse') this.reversed.add(request.transactionId);
    }
    this.stored.set(submission.id, { body, expected, legs, opensHold: request.type === 'hold', resolvesHold: request.type === 'resolve' });
    return expected;
  }

  nonZeroBalances(): Record<string, number> {
    return Object.fromEntries([...this.balances].filter(([, balance]) => balance !== 0).sort(([left], [right]) => (left < right ? -1 : 1)));
  }

  private decide(submission: Submission): Map<string, number> | string {
    const request = submission.request;
    const legs = new Map<string, number>();
    const add = (key: string, delta: number) => legs.set(key, (legs.get(key) ?? 0) + delta);
    const balance = (key: string) => this.balances.get(key) ?? 0;
    switch (request.type) {
      case 'credit':
        add(`system:system:issuance:${request.asset}`, -request.amount);
        add(main(request.personId, request.asset), request.amount);
        return legs;
      case 'redeem': {
        const key = main(request.personId, request.asset);
        const shortfall = Math.max(0, request.amount - balance(key));
        if (shortfall > 0 && request.mode === 'authorize') return 'insufficient_balance';
        add(key, -(request.amount - shortfall));
        if (shortfall > 0) add(`station:S1:suspense:${request.asset}`, -shortfall);
        add(`system:system:redemption:${request.asset}`, request.amount);
        return legs;
      }
      case 'gift':
        if (balance(main(request.fromId, 'time')) < request.amount) return 'insufficient_balance';
        add(main(request.fromId, 'time'), -request.amount);
        add(main(request.toId, 'time'), request.amount);
        return legs;
      case 'hold':
        if (balance(main(request.personId, request.asset)) < request.amount) return 'insufficient_balance';
        add(main(request.personId, request.asset), -request.amount);
        add(`person:${request.personId}:held:${request.asset}`, request.amount);
        return legs;
      case 'resolve': {
        const hold = this.holds.get(request.holdId);
        if (!hold) return 'hold_not_found';
        if (hold.status !== 'pending') return 'hold_already_resolved';
        const posted = request.resolution.type === 'post' ? request.resolution.amount : 0;
        if (posted > hold.amount) return 'hold_amount_exceeded';
        add(hold.heldKey, -hold.amount);
        if (posted > 0) add(hold.destinationKey, posted);
        if (hold.amount - posted > 0) add(hold.sourceKey, hold.amount - posted);
        return legs;
      }
      case 'reverse': {
        const original = this.stored.get(request.transactionId);
        if (!original || original.expected.status !== 'created') return 'reversal_not_found';
        if (original.opensHold || original.resolvesHold) return 'not_reversible';
        if (this.reversed.has(request.transactionId)) return 'already_reversed';
        for (const [key, delta] of original.legs) add(key, -delta);
        for (const [key, delta] of legs) if (key.startsWith('person:') && balance(key) + delta < 0) return 'insufficient_balance';
        return legs;
      }
      case 'check_in':
        return legs;
    }
  }
}
