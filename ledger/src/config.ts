// Reads the environment once into a typed config; a bad value stops start-up with the list of everything wrong.
// Pure: takes the environment as a record, never reads process.env itself, never logs a secret.

import { err, ok, type Result } from '../../domain/result.ts';

export type Config = {
  port: number;
  host: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  /** LINLI_SECRET; undefined means "use (or make) the development key in the data folder". */
  secret: string | undefined;
  bootstrapAdminPassword: string | undefined;
  seed: 'demo' | 'none';
};

export type Env = Record<string, string | undefined>;

export const secretBytesMin = 32;
export const bootstrapPasswordLengthMin = 10;

/** Parses the environment; on failure the error detail lists every problem, one per line. */
export function parseConfig(env: Env): Result<Config, 'invalid_config'> {
  const problems: string[] = [];
  const port = parsePort(env.PORT, problems);
  const databaseUrl = nonEmpty(env.DATABASE_URL) ?? 'file:data/linli.db';
  if (!/^(file:|libsql:|https?:|wss?:|:memory:$)/.test(databaseUrl)) problems.push('DATABASE_URL must start with file:, libsql:, http(s): or ws(s):');
  const secret = nonEmpty(env.LINLI_SECRET);
  if (secret !== undefined && new TextEncoder().encode(secret).length < secretBytesMin) problems.push(`LINLI_SECRET must be at least ${secretBytesMin} bytes`);
  const bootstrapAdminPassword = nonEmpty(env.BOOTSTRAP_ADMIN_PASSWORD);
  if (bootstrapAdminPassword !== undefined && bootstrapAdminPassword.length < bootstrapPasswordLengthMin) {
    problems.push(`BOOTSTRAP_ADMIN_PASSWORD must be at least ${bootstrapPasswordLengthMin} characters`);
  }
  const seedText = nonEmpty(env.SEED) ?? 'demo';
  if (seedText !== 'demo' && seedText !== 'none') problems.push('SEED must be demo or none');
  if (problems.length > 0) return err('invalid_config', problems.join('\n'));
  return ok({
    port,
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    databaseUrl,
    databaseAuthToken: nonEmpty(env.DATABASE_AUTH_TOKEN),
    secret,
    bootstrapAdminPassword,
    seed: seedText === 'none' ? 'none' : 'demo',
  });
}

function parsePort(text: string | undefined, problems: string[]): number {
  if (nonEmpty(text) === undefined) return 8787;
  const port = Number(text);
  if (!/^\d+$/.test(text!.trim()) || port > 65535) {
    problems.push('PORT must be an integer from 0 to 65535');
    return 0;
  }
  return port;
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}
