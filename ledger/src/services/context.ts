// What every service function receives: the database, keys, audit log, clock, randomness and id maker.
// Built once by createApp from its deps, so Node, the Worker and tests wire the same services.

import type { IdGenerator } from '../../../domain/ids.ts';
import type { Database } from '../db/client.ts';
import type { AuditLog } from './audit.ts';
import type { Keys } from './crypto.ts';

export type RandomBytes = (count: number) => Uint8Array;

export type ServiceContext = {
  database: Database;
  keys: Keys;
  audit: AuditLog;
  nowMs: () => number;
  randomBytes: RandomBytes;
  newId: IdGenerator;
  /** PBKDF2 iterations for new password hashes (≥ 600,000 in production). */
  passwordIterations: number;
};
