// The reference's API workload (reference/ledger.md §3.5, target T3), run on this engine: an unsigned
// `POST /v1/transactions` that parses and validates JSON and posts one two-leg transfer through the real engine with
// group commit on a WAL + synchronous=FULL file. Its mix follows the reference: 70% credits of 1–8, 25% redemptions
// of 1–10, 5% replays of an earlier request, 20 kiosks with their own sequences, 1,000 people opening at 20.
// It measures the ledger's posting path alone; the signed check-out (station.ts) adds the product's work to it.

import { Hono } from 'hono';
import { seededRandom } from '../../domain/seeded-random.ts';
import { openDatabase } from '../../ledger/src/db/client.ts';
import { createLedger, type Ledger } from '../../ledger/src/db/ledger/ledger.ts';
import { sampleUnit, type SampleRequest } from '../../ledger/src/db/ledger/sample-units.ts';
import type { PreparedRequest } from './load-generator.ts';

export type PostingBody = { id: string; kioskId: string; kioskSeq: number; type: 'credit' | 'redeem'; personId: string; amount: number };
export type PostingStation = { readonly app: Hono; readonly engine: Ledger; readonly openings: PreparedRequest[]; readonly timed: PreparedRequest[]; close(): Promise<void> };

const peopleCount = 1_000;
const kiosksCount = 20;
const openingMinutes = 20;
const path = '/v1/transactions';

export async function preparePostingStation(options: { path: string; groupUnitsMax: number; requests: number; seed?: number }): Promise<PostingStation> {
  const database = await openDatabase({ url: `file:${options.path}` });
  const engine = createLedger({ client: database.client, db: database.db, nowMs: Date.now, groupUnitsMax: options.groupUnitsMax });
  const app = new Hono();
  app.post(path, async (c) => {
    const body = parsePosting(await c.req.json());
    if (body === null) return c.json({ code: 'invalid_input' }, 422);
    const request: SampleRequest = body.type === 'credit'
      ? { type: 'credit', personId: body.personId, asset: 'time', amount: body.amount }
      : { type: 'redeem', personId: body.personId, asset: 'time', amount: body.amount, mode: 'authorize' };
    const outcome = await engine.submit(sampleUnit(body.id, request, { stationId: 'S1', kioskId: body.kioskId, kioskSeq: body.kioskSeq }));
    if (outcome.status === 'created') return c.json(outcome.response as Record<string, unknown>, 201);
    if (outcome.status === 'exists') return c.json(outcome.response as Record<string, unknown>, 200);
    return c.json({ code: 'code' in outcome ? outcome.code : 'rejected' }, 409);
  });
  const sequences = new Array<number>(kiosksCount).fill(0);
  let serial = 0;
  const prepared = (type: PostingBody['type'], personIndex: number, amount: number): PreparedRequest => {
    const kiosk = serial % kiosksCount;
    const body: PostingBody = { id: `T${String(++serial).padStart(12, '0')}`, kioskId: `K${kiosk}`, kioskSeq: ++sequences[kiosk]!, type, personId: `P${personIndex}`, amount };
    return { path, headers: {}, body: JSON.stringify(body) };
  };
  const openings = Array.from({ length: peopleCount }, (_, index) => prepared('credit', index, openingMinutes));
  const random = seededRandom(options.seed ?? 20_260_401);
  const timed: PreparedRequest[] = [];
  for (let index = 0; index < options.requests; index++) {
    const draw = random();
    if (draw < 0.05 && timed.length > 0) timed.push(timed[Math.floor(random() * timed.length)]!);
    else if (draw < 0.30) timed.push(prepared('redeem', Math.floor(random() * peopleCount), 1 + Math.floor(random() * 10)));
    else timed.push(prepared('credit', Math.floor(random() * peopleCount), 1 + Math.floor(random() * 8)));
  }
  return { app, engine, openings, timed, close: async () => { await engine.close(); database.close(); } };
}

function parsePosting(value: unknown): PostingBody | null {
  if (typeof value !== 'object' || value === null) return null;
  const body = value as Record<string, unknown>;
  const text = (field: unknown) => typeof field === 'string' && field.length > 0 && field.length <= 64;
  const count = (field: unknown, max: number) => Number.isSafeInteger(field) && (field as number) >= 1 && (field as number) <= max;
  if (!text(body.id) || !text(body.kioskId) || !text(body.personId) || !count(body.kioskSeq, Number.MAX_SAFE_INTEGER) || !count(body.amount, 1_000)) return null;
  if (body.type !== 'credit' && body.type !== 'redeem') return null;
  return body as PostingBody;
}
