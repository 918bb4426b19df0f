/** True when a write failed on a unique constraint, on SQLite or PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === '23505') return true;
    if (typeof message === 'string' && message.includes('UNIQUE constraint failed')) return true;
  }
  return false;
}

/**
 * Why the database cannot do its work right now, when that is the cause of `error`: it
 * cannot be reached, it stalled past a timeout, or its disk is full. Such failures pass
 * (the database comes back, space is freed), so requests answer 503 and consumers retry;
 * undefined for any other error.
 */
export function unavailable(error: unknown): string | undefined {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const { code, message, errcode } = e as { code?: unknown; message?: unknown; errcode?: unknown };
    const text = typeof message === 'string' ? message : '';
    // SQLite (node:sqlite): SQLITE_FULL 13, SQLITE_IOERR 10, SQLITE_BUSY 5, SQLITE_CANTOPEN 14.
    if (errcode === 13 || /database or disk is full/.test(text)) return 'disk full';
    if (errcode === 10 || /disk I\/O error/.test(text)) return 'disk error';
    if (errcode === 5 || /database is locked/.test(text)) return 'database busy';
    if (typeof code === 'string') {
      if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND'].includes(code))
        return 'database unreachable';
      // PostgreSQL: connection exceptions (08…), shutdown (57P0…), statement and lock timeouts, no space.
      if (code.startsWith('08') || code.startsWith('57P0')) return 'database unreachable';
      if (code === '57014') return 'database too slow (statement timeout)';
      if (code === '55P03') return 'database too slow (lock timeout)';
      if (code === '53100') return 'disk full';
      if (code === '53300') return 'database unreachable (too many connections)';
    }
    if (
      /timeout exceeded when trying to connect|Connection terminated|connection timeout|Client has encountered a connection error|Query read timeout/i.test(
        text,
      )
    )
      return 'database unreachable';
  }
  return undefined;
}
