// The crash test's load: each worker walks one person at a time through register → check-in (offline, an hour
// ago) → check-out → three redemptions that succeed → one that must fail (insufficient_balance), and stops at the
// first write whose answer is lost; that write is the first one it sends after the restart.

import { makeIdNumber } from '../../domain/id-number.ts';
import type { Answer, CrashKiosk, Json, OutboxEntry } from './crash-kiosk.ts';

export type Catalogue = { activityId: string; haircutServiceId: string; consultServiceId: string };
export type Worker = { kiosk: CrashKiosk; personIndex: number; step: number; personId?: string; current?: OutboxEntry };

/** Steps per person: 0 register, 1 check-in, 2 check-out, 3 haircut, 4 consultation, 5 haircut, 6 haircut (refused). */
export const stepCount = 7;
const checkInAgoMs = 60 * 60_000;


/** Runs a worker until `isStopping()` or a lost answer; `nextPersonIndex` hands out unique person numbers across workers. */
export async function runWorker(worker: Worker, catalogue: Catalogue, baseUrl: () => string, nextPersonIndex: () => number, isStopping: () => boolean): Promise<'stopped' | 'lost'> {
  while (!isStopping()) {
    if (worker.current === undefined) {
      if (worker.step === 0) worker.personIndex = nextPersonIndex();
      worker.current = makeStepWrite(worker, catalogue);
    }
    const delivery = await worker.kiosk.send(baseUrl(), worker.current);
    if (delivery.kind === 'lost') return 'lost';
    advance(worker, delivery.answer);
  }
  return 'stopped';
}

/**
 * Re-sends the worker's unanswered write once (the server is up). `absent`: it was not stored (201 now); `present`:
 * it was stored but its answer was lost (200); `refused`: a 409 either way; `none`: nothing was pending; `lost`: no answer.
 */
export async function settleWorker(worker: Worker, baseUrl: string): Promise<'none' | 'absent' | 'present' | 'refused' | 'lost'> {
  if (worker.current === undefined) return 'none';
  const delivery = await worker.kiosk.send(baseUrl, worker.current);
  if (delivery.kind === 'lost') return 'lost';
  advance(worker, delivery.answer);
  return delivery.answer.status === 201 ? 'absent' : delivery.answer.status === 200 ? 'present' : 'refused';
}

function advance(worker: Worker, answer: Answer): void {
  if (worker.step === 0) worker.personId = String(answer.body.person?.id);
  worker.current = undefined;
  worker.step = (worker.step + 1) % stepCount;
}

function makeStepWrite(worker: Worker, catalogue: Catalogue): OutboxEntry {
  const nowMs = Date.now();
  const personId = worker.personId ?? '';
  const { activityId } = catalogue;
  switch (worker.step) {
    case 0: return worker.kiosk.makeWrite(worker.step, '/api/v1/people', { card: cardOf(worker.personIndex), consentVersion: 'v1' }, nowMs);
    case 1: return worker.kiosk.makeWrite(worker.step, '/api/v1/check-ins', { personId, activityId, offline: true }, nowMs - checkInAgoMs);
    case 2: return worker.kiosk.makeWrite(worker.step, '/api/v1/check-outs', { personId, activityId }, nowMs);
    case 4: return worker.kiosk.makeWrite(worker.step, '/api/v1/redemptions', { personId, serviceId: catalogue.consultServiceId }, nowMs);
    default: return worker.kiosk.makeWrite(worker.step, '/api/v1/redemptions', { personId, serviceId: catalogue.haircutServiceId }, nowMs);
  }
}

const givenNames = '安宁和顺平康乐福寿嘉';

/** A valid resident card no demo person has (region 110108 is not among the demo's). */
function cardOf(index: number): Json {
  const birth = new Date(Date.UTC(1950, 0, 1) + index * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const name = `崩${givenNames[index % 10]}${givenNames[Math.floor(index / 10) % 10]}`;
  return { idNumber: makeIdNumber(`110108${birth}${String(index % 1000).padStart(3, '0')}`), name, sex: index % 2 === 0 ? '女' : '男' };
}
