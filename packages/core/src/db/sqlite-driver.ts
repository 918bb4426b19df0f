import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';

/**
 * Kysely's SQLite dialect speaks to a better-sqlite3-shaped object; node:sqlite is
 * close enough that a thin wrapper bridges it, so we need no native addon.
 */
class Statement implements SqliteStatement {
  readonly reader: boolean;
  readonly #stmt: StatementSync;
  constructor(stmt: StatementSync) {
    this.#stmt = stmt;
    this.reader = stmt.columns().length > 0;
  }
  all(parameters: ReadonlyArray<unknown>): unknown[] {
    return this.#stmt.all(...(parameters as SqlValue[]));
  }
  run(parameters: ReadonlyArray<unknown>): { changes: number | bigint; lastInsertRowid: number | bigint } {
    return this.#stmt.run(...(parameters as SqlValue[]));
  }
  iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    return this.#stmt.iterate(...(parameters as SqlValue[])) as IterableIterator<unknown>;
  }
}

type SqlValue = null | number | bigint | string | NodeJS.ArrayBufferView;

// Preparing a statement costs more than running a small one, and the same few hundred
// queries run over and over (projections, the log), so prepared statements are reused.
// Nothing streams with iterate(), so reusing a statement never cuts a read short.
const CACHED_STATEMENTS = 500;

/**
 * SQLite copies the write-ahead log back into the database (a checkpoint, with fsyncs)
 * when the log passes a number of pages, inside whichever commit crosses the line. A
 * thread of our own does it beside the writers (checkpoints.ts), so this is the fallback
 * for a log that outgrows it anyway (the thread gone, or a database opened by a tool):
 * 4,000 pages is 16 MiB of log per module at most, and the log's file is cut back to
 * 4 MiB after each checkpoint.
 */
const CHECKPOINT_PAGES = 4000;
const WAL_KEEP_BYTES = 4 * 1024 * 1024;

export function openSqlite(
  path: string,
  synchronous: 'normal' | 'full' = 'normal',
): { dialect: SqliteDialect; raw: DatabaseSync } {
  const raw = new DatabaseSync(path);
  // WAL lets readers run beside the writer; a busy timeout rides over short write contention.
  raw.exec('PRAGMA journal_mode = WAL');
  // NORMAL: a commit survives the process being killed; FULL: also a power cut (docs/guarantees.md).
  raw.exec(`PRAGMA synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  raw.exec('PRAGMA busy_timeout = 5000');
  raw.exec('PRAGMA foreign_keys = ON');
  raw.exec(`PRAGMA wal_autocheckpoint = ${CHECKPOINT_PAGES}`);
  raw.exec(`PRAGMA journal_size_limit = ${WAL_KEEP_BYTES}`);
  const statements = new Map<string, Statement>();
  const rollback: SqliteStatement = {
    reader: false,
    all: () => [],
    run: () => {
      if (raw.isTransaction) raw.exec('rollback');
      return { changes: 0, lastInsertRowid: 0 };
    },
    iterate: () => [][Symbol.iterator](),
  };
  const database: SqliteDatabase = {
    close: () => {
      statements.clear();
      raw.close();
    },
    prepare: (sql: string) => {
      // SQLite rolls a transaction back by itself when its COMMIT fails (a full disk, an I/O
      // error); Kysely's ROLLBACK after that would fail with "no transaction is active" and
      // hide the real cause. Rolling back what is already rolled back is nothing to do.
      if (sql === 'rollback') return rollback;
      // A transaction takes the write lock when it begins (IMMEDIATE), so that while the
      // checkpoint thread holds it (checkpoints.ts) the transaction waits its turn (the busy
      // timeout); a deferred one that had read first would instead fail at its first write,
      // its snapshot gone stale. Every transaction here may write, one at a time anyway.
      if (sql === 'begin') sql = 'begin immediate';
      let statement = statements.get(sql);
      if (statement) return statement;
      statement = new Statement(raw.prepare(sql));
      // Oldest first out: queries built with a varying number of values come and go.
      if (statements.size >= CACHED_STATEMENTS) statements.delete(statements.keys().next().value!);
      statements.set(sql, statement);
      return statement;
    },
  };
  return { dialect: new SqliteDialect({ database }), raw };
}
