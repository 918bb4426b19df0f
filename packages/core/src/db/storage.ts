import { existsSync, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { openSqlite } from './sqlite-driver.ts';
import { Checkpoints } from './checkpoints.ts';
import { observedDialect, type ObserverSlot, type SqlObserver } from './observed.ts';

export type { SqlObserver } from './observed.ts';

export type Dialect = 'sqlite' | 'postgres';

// Module tables are private to the module; the chassis sees them untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = Kysely<any>;

export interface ModuleDatabase {
  name: string;
  dialect: Dialect;
  db: Db;
  /** The PostgreSQL schema that holds the module's tables. */
  schema?: string;
}

/**
 * Where module databases live. SQLite: one file per module under a directory (or in
 * memory for tests). PostgreSQL: one schema per module in one database, optionally
 * prefixed so parallel test runs never see each other.
 */
export interface Storage {
  dialect: Dialect;
  open(module: string): ModuleDatabase;
  /** Tells `observe(module)` about every statement of every module's database (tracing). */
  observe(observe: (module: string) => SqlObserver): void;
  /** Whether a database of this name holds anything yet (without making one). */
  exists(name: string): Promise<boolean>;
  /** Closes the database of this name and removes it with everything in it (a ghost, ghost.ts). */
  drop(name: string): Promise<void>;
  /** Removes everything this storage created; used by tests that own a throw-away prefix. */
  destroy(): Promise<void>;
  close(): Promise<void>;
}

export type StorageSpec =
  | {
      kind: 'sqlite';
      /** A directory, or `:memory:` for throw-away test databases. */
      directory: string;
      /** See docs/guarantees.md: `normal` (the default) or `full`. */
      synchronous?: 'normal' | 'full';
    }
  | { kind: 'postgres'; url: string; schemaPrefix?: string; poolSize?: number };

const CONNECT_TIMEOUT_MS = 2000;
const STATEMENT_TIMEOUT_MS = 5000;
const LOCK_TIMEOUT_MS = 3000;
const QUERY_TIMEOUT_MS = 6000;
const IDLE_IN_TRANSACTION_MS = 15_000;

// PostgreSQL returns int8 (counts, bigserial) as strings by default; our numbers fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

export function openStorage(spec: StorageSpec): Storage {
  return spec.kind === 'sqlite' ? sqliteStorage(spec) : postgresStorage(spec);
}

/** One file per module under a directory (or in memory), checkpointed by a thread of its own. */
function sqliteStorage(spec: Extract<StorageSpec, { kind: 'sqlite' }>): Storage {
  const open = new Map<string, ModuleDatabase>();
  if (spec.directory !== ':memory:') mkdirSync(spec.directory, { recursive: true });
  const checkpoints = new Checkpoints();
  const observers = new Observers();
  return {
    dialect: 'sqlite',
    observe: (observe) => observers.set(observe),
    open(module) {
      const existing = open.get(module);
      if (existing) return existing;
      const path = spec.directory === ':memory:' ? ':memory:' : join(spec.directory, `${module}.sqlite`);
      const { dialect } = openSqlite(path, spec.synchronous ?? 'normal');
      const handle: ModuleDatabase = {
        name: module,
        dialect: 'sqlite',
        db: new Kysely({ dialect: observedDialect(dialect, observers.slot(module)) }),
      };
      open.set(module, handle);
      if (path !== ':memory:') checkpoints.add(path);
      return handle;
    },
    async exists(name) {
      if (spec.directory !== ':memory:') return existsSync(join(spec.directory, `${name}.sqlite`));
      const handle = open.get(name);
      if (!handle) return false;
      const tables = await sql`select name from sqlite_master where type = 'table'`.execute(handle.db);
      return tables.rows.length > 0;
    },
    async drop(name) {
      const handle = open.get(name);
      open.delete(name);
      await handle?.db.destroy();
      if (spec.directory === ':memory:') return;
      // The checkpoint thread may keep its connection to the removed file until the process
      // ends: it copies into a file nobody reads, and a new file of the name is a new one.
      for (const suffix of ['', '-wal', '-shm'])
        await rm(join(spec.directory, `${name}.sqlite${suffix}`), { force: true });
    },
    async destroy() {
      await this.close();
    },
    async close() {
      const all = [...open.values()];
      open.clear();
      await checkpoints.close();
      await Promise.all(all.map((m) => m.db.destroy()));
    },
  };
}

/** One schema per module in one database, each module's pool seeing only its own. */
function postgresStorage(spec: Extract<StorageSpec, { kind: 'postgres' }>): Storage {
  const open = new Map<string, ModuleDatabase>();
  const prefix = spec.schemaPrefix ?? '';
  const schemaOf = (module: string): string => `${prefix}${module}`.replace(/[^a-z0-9_]/g, '_');
  const pools: pg.Pool[] = [];
  // Remembered past close(): tests close the app (and so the storage) before destroying it.
  const opened = new Set<string>();
  const observers = new Observers();
  return {
    dialect: 'postgres',
    observe: (observe) => observers.set(observe),
    open(module) {
      const existing = open.get(module);
      if (existing) return existing;
      const schema = schemaOf(module);
      opened.add(module);
      const pool = new pg.Pool({
        connectionString: spec.url,
        max: spec.poolSize ?? 4,
        // Each module sees only its own schema: its tables are private by construction.
        // Nothing we run takes seconds, so a stalled server fails a request fast instead of
        // holding it: statements, lock waits and idle transactions are bounded on the server,
        // connecting and waiting for an answer (a frozen link) on the client.
        options: `-c search_path=${schema} -c statement_timeout=${STATEMENT_TIMEOUT_MS} -c lock_timeout=${LOCK_TIMEOUT_MS} -c idle_in_transaction_session_timeout=${IDLE_IN_TRANSACTION_MS}`,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
        query_timeout: QUERY_TIMEOUT_MS,
      });
      pools.push(pool);
      // A connection that dies while idle in the pool (the server restarted, the link was
      // cut) is an event on the pool: unheard, it would end the process.
      pool.on('error', () => undefined);
      pool.on('connect', (client) => {
        client.on('error', () => undefined);
      });
      const handle: ModuleDatabase = {
        name: module,
        dialect: 'postgres',
        schema,
        db: new Kysely({ dialect: observedDialect(new PostgresDialect({ pool }), observers.slot(module)) }),
      };
      open.set(module, handle);
      return handle;
    },
    async exists(name) {
      const found = await withClient(spec.url, (client) =>
        client.query('select 1 from information_schema.schemata where schema_name = $1', [schemaOf(name)]),
      );
      return found.rows.length > 0;
    },
    async drop(name) {
      const handle = open.get(name);
      open.delete(name);
      await handle?.db.destroy();
      opened.delete(name);
      // schemaOf leaves only [a-z0-9_], so the quoted name is safe.
      await withClient(spec.url, (client) =>
        client.query(`drop schema if exists "${schemaOf(name)}" cascade`),
      );
    },
    async destroy() {
      await this.close();
      if (opened.size === 0) return;
      const client = new pg.Client({ connectionString: spec.url });
      await client.connect();
      try {
        // schemaOf leaves only [a-z0-9_], so the quoted name is safe.
        for (const module of opened)
          await client.query(`drop schema if exists "${schemaOf(module)}" cascade`);
        opened.clear();
      } finally {
        await client.end();
      }
    },
    async close() {
      const all = [...open.values()];
      open.clear();
      await Promise.all(all.map((m) => m.db.destroy()));
    },
  };
}

/** A connection of its own for a statement outside every module's pool. */
async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Each module database's observer slot, filled when the storage is told whom to tell. */
class Observers {
  readonly #slots = new Map<string, ObserverSlot>();
  #observe: ((module: string) => SqlObserver) | null = null;
  slot(module: string): ObserverSlot {
    const slot: ObserverSlot = { observer: this.#observe?.(module) ?? null };
    this.#slots.set(module, slot);
    return slot;
  }
  set(observe: (module: string) => SqlObserver): void {
    this.#observe = observe;
    for (const [module, slot] of this.#slots) slot.observer = observe(module);
  }
}

export async function ensureSchema(m: ModuleDatabase): Promise<void> {
  if (m.dialect !== 'postgres' || !m.schema) return;
  await sql`create schema if not exists ${sql.id(m.schema)}`.execute(m.db);
}
