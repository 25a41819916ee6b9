// Kiosk self-registration as a ledger unit that moves no value: idempotent by `id`, chained, counted in the
// kiosk's sequence, and final (rejections included). The person row is written in the same batch.

import type { InStatement } from '@libsql/client';
import type { Plan } from '../core/transaction.ts';
import type { Database } from '../db/client.ts';
import type { Unit } from '../db/ledger/unit.ts';
import { countPeople, findPersonByIdNumberHash, insertPersonStatement } from '../db/station/people.ts';
import { kioskFieldsOf, type KioskWrite } from '../operations/kiosk-write.ts';
import type { Keys } from './crypto.ts';
import { formatVolunteerNo } from '../../../domain/volunteer-no.ts';
import { signMemberQr } from './member-qr.ts';
import { personSummary, type PreparedPerson } from './people.ts';

/** Every registration takes the next volunteer number, so registrations never share a commit group. */
const registrationConflictKey = 'person_registration';

type Loaded = { exists: boolean; volunteerNo: string; memberQr: string; database: Pick<Database, 'db'> };

export function registrationUnit(write: KioskWrite<unknown>, prepared: PreparedPerson | 'self_registration_too_young', keys: Keys, nowMs: number): Unit<Loaded> {
  const kiosk = kioskFieldsOf(write, 'registration');
  return {
    id: write.id,
    requestHash: write.requestHash,
    conflictKeys: [registrationConflictKey],
    load: async (reader) => {
      const database = { client: reader.client, db: reader.db, close: () => undefined } as unknown as Database;
      const exists = prepared !== 'self_registration_too_young' && (await findPersonByIdNumberHash(database, prepared.idNumberHash)) !== undefined;
      const volunteerNo = formatVolunteerNo((await countPeople(database)) + 1);
      return { exists, volunteerNo, memberQr: await signMemberQr(keys, volunteerNo), database };
    },
    plan: (loaded): Plan<InStatement> => {
      if (prepared === 'self_registration_too_young') return { reject: prepared, response: { code: prepared }, ...kiosk };
      if (loaded.exists) return { reject: 'already_registered', response: { code: 'already_registered' }, ...kiosk };
      const row = { ...prepared, volunteerNo: loaded.volunteerNo };
      return {
        ...kiosk, mode: 'authorize', transfers: [], metadata: { personId: row.id },
        extraStatements: [insertPersonStatement(loaded.database, row)],
        respond: () => ({ person: personSummary(row, nowMs), memberQr: loaded.memberQr }),
      };
    },
  };
}
