// Classifies database errors for the service: unique-constraint violations (a rule outcome the caller maps to a
// code) versus operating errors (busy, I/O, network: answered 503 by the app's onError).

/** True when the error (or one it wraps) is a UNIQUE or PRIMARY KEY violation. */
export function isUniqueViolation(error: unknown): boolean {
  return causes(error).some((item) => /UNIQUE constraint failed|SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)/.test(`${item.code ?? ''} ${item.message ?? ''}`));
}

/** The table named by a UNIQUE violation's message (`UNIQUE constraint failed: people.id`), if any. */
export function uniqueViolationTable(error: unknown): string | undefined {
  for (const item of causes(error)) {
    const match = /UNIQUE constraint failed: ([a-z_]+)\./.exec(String(item.message ?? ''));
    if (match) return match[1];
  }
  return undefined;
}

/** True for errors of the database's operation (busy, locked, I/O, full, unreachable server), not of our SQL. */
export function isOperatingError(error: unknown): boolean {
  return causes(error).some((item) => {
    const code = String(item.code ?? '');
    if (/^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|PROTOCOL|NOMEM)/.test(code)) return true;
    if (/^(HRANA_|SERVER_ERROR|CLIENT_CLOSED|STREAM_EXPIRED|HTTP_|WEBSOCKET_|ECONNREFUSED|ECONNRESET|ETIMEDOUT)/.test(code)) return true;
    return item.name === 'TypeError' && /fetch failed|network/i.test(String(item.message));
  });
}

type ErrorLike = { name?: string; code?: unknown; message?: string; cause?: unknown };

function causes(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    chain.push(current as ErrorLike);
    current = (current as ErrorLike).cause;
  }
  return chain;
}
