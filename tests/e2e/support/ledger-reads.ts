// What the ledger says, read the way staff and the public read it: a person's balances, the change feed filtered
// to one kiosk's writes, and a printed receipt's verify link. The journeys compare the kiosk's screen and paper to these.

import type { Staff } from './staff-api.ts';

export type FeedPosting = { account: string; asset: 'time' | 'points'; amount: number; side: 'credit' | 'debit' };
export type FeedTransaction = { ledgerSeq: number; id: string; kind: string; status: string; kioskId: string | null; kioskSeq: number | null; postings: FeedPosting[] };
export type ReceiptCheck = { status: number; body: { valid?: boolean; kind?: string; amounts?: { time: number; points: number } } };

/** Longest change-feed page the service allows. */
const feedPageLimit = 1_000;

export async function ledgerBalances(staff: Staff, personId: string): Promise<{ time: number; points: number }> {
  const answer = await staff.call('GET', `/api/v1/people/${personId}/balances`);
  if (answer.status !== 200) throw new Error(`balances: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { time: answer.body.time, points: answer.body.points };
}

/** Every transaction in the change feed written by `kioskId`, in ledger order (pages until the feed is exhausted). */
export async function kioskTransactions(staff: Staff, kioskId: string): Promise<FeedTransaction[]> {
  const found: FeedTransaction[] = [];
  for (let afterSeq = 0; ;) {
    const page = await staff.call('GET', `/api/v1/ledger/transactions?afterSeq=${afterSeq}&limit=${feedPageLimit}`);
    if (page.status !== 200) throw new Error(`change feed: ${page.status} ${JSON.stringify(page.body)}`);
    const transactions = page.body.transactions as FeedTransaction[];
    found.push(...transactions.filter((transaction) => transaction.kioskId === kioskId));
    if (transactions.length < feedPageLimit) return found;
    afterSeq = page.body.nextAfterSeq as number;
  }
}

/** The sum a transaction credits to the person's main account per asset (what a check-out's receipt calls 本次获得). */
export function creditedToPerson(transaction: FeedTransaction, personId: string): { time: number; points: number } {
  const credited = { time: 0, points: 0 };
  for (const posting of transaction.postings) {
    if (posting.account === `person:${personId}:main:${posting.asset}`) credited[posting.asset] += posting.side === 'credit' ? posting.amount : -posting.amount;
  }
  return credited;
}

/** Opens a receipt's verify link as anyone would, without credentials. */
export async function openVerifyUrl(url: string): Promise<ReceiptCheck> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as ReceiptCheck['body'] };
}

/** `{kioskId, kioskSeq}` of a verify link `…/api/v1/receipts/{kioskId}/{kioskSeq}`. */
export function receiptPlace(verifyUrl: string): { kioskId: string; kioskSeq: number } {
  const match = /\/api\/v1\/receipts\/([^/]+)\/(\d+)$/.exec(new URL(verifyUrl).pathname);
  if (!match) throw new Error(`not a verify link: ${verifyUrl}`);
  return { kioskId: decodeURIComponent(match[1]!), kioskSeq: Number(match[2]) };
}
