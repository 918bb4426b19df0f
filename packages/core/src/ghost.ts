import { sql } from 'kysely';
import type { App } from './app.ts';
import { migrate } from './db/migrations.ts';
import type { Db, Dialect, ModuleDatabase } from './db/storage.ts';
import { logHead, type ModuleChannel, type Tx } from './delivery/delivery.ts';
import { deliveryMigrations } from './delivery/tables.ts';
import type { ModuleDefinition } from './module.ts';
import { rereadViews } from './views.ts';

/**
 * Ghost mode: a module's projection built beside the live one from the event log while the
 * site runs and keeps writing, compared with the live tables, and swapped in only when the
 * operator asks (`rebuild <module> --ghost`, `--switch`, `--drop-ghost`). This is how a
 * changed projection (its migrations and handlers, in the code that runs the command)
 * rolls out without stopping the site.
 *
 * The ghost is a database of its own beside the module's (`<module>__ghost`: a sibling
 * PostgreSQL schema, a sibling SQLite file) made by the module's migrations, with a
 * checkpoint of its own: it is replayed a page a transaction, so the live module never
 * waits for it, and an interrupted build goes on where it stopped. Comparing and switching
 * happen inside one transaction of the live module, which holds its write lock: the live
 * module is first settled (its outbox moved into the log, everything of its types up to the
 * log's end applied) and the ghost brought to that same position, so both are the log up to
 * one position and nothing is compared at two moments, lost or applied twice.
 */

const GHOST = '__ghost';
const PREVIOUS = '__previous';
/** The checkpoint row a switch moves, so each serving node learns to read its views again. */
const SWITCHED = '(switched)';
/** Left for the locked step: a ghost this close to the log's end is caught up there. */
const CLOSE_ENOUGH = 1000;
/** Rows a statement inserts at a time while a switch copies them (SQLite). */
const COPY_PAGE = 200;
/** Keys shown for each kind of difference. */
const SAMPLES = 3;

/** A ghost request the operator must change: said on one line, with what to do. */
export class GhostError extends Error {}

export interface GhostProgress {
  module: string;
  /** How far the ghost has applied the log. */
  position: number;
  /** The log's end when this round of catching up began. */
  head: number;
  events: number;
  seconds: number;
}

export interface TableDifference {
  table: string;
  live: number;
  ghost: number;
  onlyLive: number;
  onlyGhost: number;
  differing: number;
  /** A few keys of each kind, e.g. `only live ["m1"]`. */
  samples: string[];
  /** Columns one side has and the other lacks (a changed projection). */
  columns: { onlyLive: string[]; onlyGhost: string[] };
}

export interface GhostReport {
  module: string;
  /** The log position both were compared at. */
  position: number;
  events: number;
  seconds: number;
  tables: TableDifference[];
}

interface Ghost {
  module: ModuleDefinition;
  live: ModuleChannel;
  ghost: ModuleChannel;
  log: ModuleDatabase;
}

type OnProgress = (progress: GhostProgress) => void;

/** The module, when it has a projection a ghost can be built of. */
function projected(app: App, name: string): ModuleDefinition {
  const module = app.modules.find((m) => m.name === name);
  const withProjections = app.modules.filter((m) => m.projections.length > 0).map((m) => m.name);
  if (!module)
    throw new GhostError(`No module named ${name}; modules with projections: ${withProjections.join(', ')}.`);
  if (module.projections.length === 0)
    throw new GhostError(
      `${name} has no projection to build a ghost of (its tables are written by its commands, not made from events); modules with projections: ${withProjections.join(', ')}.`,
    );
  return module;
}

/** Opens (making it when new) the module's ghost database, migrated by the code running now. */
async function openGhost(app: App, module: ModuleDefinition): Promise<Ghost> {
  const database = app.storage.open(`${module.name}${GHOST}`);
  await migrate(database, [...deliveryMigrations, ...module.migrations]);
  const live = app.channel(module.name);
  return { module, live, ghost: live.ghost(database), log: app.dispatcher.log };
}

/**
 * Replays the log into the ghost a page a transaction, round after round, until one round
 * leaves it close to the log's end; the rest is for the locked step.
 */
async function catchUp(g: Ghost, onProgress: OnProgress): Promise<number> {
  const started = performance.now();
  let events = 0;
  for (;;) {
    const head = await logHead(g.log);
    const round = await g.ghost.replayTo(g.log, head, (position, applied) =>
      onProgress({
        module: g.module.name,
        position,
        head,
        events: events + applied,
        seconds: (performance.now() - started) / 1000,
      }),
    );
    events += round;
    if (round < CLOSE_ENOUGH) return events;
  }
}

/**
 * `rebuild <module> --ghost`: builds the ghost to the log's end while the site runs, then
 * reports how it differs from the live tables at one position; the ghost stays.
 */
export async function buildGhost(app: App, name: string, onProgress: OnProgress): Promise<GhostReport> {
  const module = projected(app, name);
  if (await app.storage.exists(`${name}${GHOST}`))
    throw new GhostError(
      `A ghost of ${name} is there already: switch to it with "rebuild ${name} --switch", or remove it with "rebuild ${name} --drop-ghost".`,
    );
  if (await app.storage.exists(`${name}${PREVIOUS}`))
    throw new GhostError(
      `${name} still keeps the tables its last switch replaced: remove them with "rebuild ${name} --drop-ghost" before building another ghost.`,
    );
  const started = performance.now();
  const g = await openGhost(app, module);
  const events = await catchUp(g, onProgress);
  const { position, live } = await g.live.transaction(async (tx) => {
    const position = await atOnePosition(g, tx);
    const live = new Map<string, Rows>();
    for (const table of module.projections)
      live.set(table, await readRows(tx.db, g.live.database.dialect, table));
    return { position, live };
  });
  const tables: TableDifference[] = [];
  for (const table of module.projections) {
    const ghost = await readRows(g.ghost.database.db, g.ghost.database.dialect, table);
    tables.push(differences(table, live.get(table)!, ghost));
  }
  return { module: name, position, events, seconds: (performance.now() - started) / 1000, tables };
}

/**
 * Inside the live module's transaction (its write lock held): the live tables settled to
 * the log's end and the ghost replayed to the same position, which it returns.
 */
async function atOnePosition(g: Ghost, tx: Tx): Promise<number> {
  const position = await g.live.settle(tx, g.log);
  await g.ghost.replayTo(g.log, position);
  return position;
}

/**
 * `rebuild <module> --switch`: catches the ghost up, then in one transaction of the live
 * module swaps the ghost's tables in for the live ones; the replaced tables are kept as
 * `<module>__previous` until `--drop-ghost`. Serving nodes read their views again (SWITCHED).
 */
export async function switchGhost(
  app: App,
  name: string,
  onProgress: OnProgress,
): Promise<{ position: number; events: number }> {
  const module = projected(app, name);
  if (!(await app.storage.exists(`${name}${GHOST}`)))
    throw new GhostError(`${name} has no ghost to switch to: build one with "rebuild ${name} --ghost".`);
  if (await app.storage.exists(`${name}${PREVIOUS}`))
    throw new GhostError(
      `${name} still keeps the tables its last switch replaced: remove them with "rebuild ${name} --drop-ghost" first.`,
    );
  const g = await openGhost(app, module);
  const events = await catchUp(g, onProgress);
  const previous = app.storage.open(`${name}${PREVIOUS}`);
  let position: number;
  try {
    position = await g.live.transaction(async (tx) => {
      const at = await atOnePosition(g, tx);
      if (g.live.database.dialect === 'postgres') await swapSchemas(tx, module.projections, g, previous);
      else await swapCopies(tx, module.projections, g.ghost.database.db, previous.db);
      await tx.db
        .insertInto('checkpoint')
        .values({ consumer: SWITCHED, position: 1 })
        .onConflict((oc) => oc.column('consumer').doUpdateSet({ position: sql`checkpoint.position + 1` }))
        .execute();
      return at;
    });
  } catch (error) {
    await app.storage.drop(previous.name);
    throw error;
  }
  await app.storage.drop(g.ghost.database.name);
  await rereadViews(app.views, name);
  return { position, events };
}

/** PostgreSQL: live tables move to the previous schema and the ghost's into the live one, in the transaction. */
async function swapSchemas(
  tx: Tx,
  tables: readonly string[],
  g: Ghost,
  previous: ModuleDatabase,
): Promise<void> {
  const [live, ghost, kept] = [g.live.database.schema!, g.ghost.database.schema!, previous.schema!];
  await sql`create schema ${sql.id(kept)}`.execute(tx.db);
  for (const table of tables) {
    await sql`alter table ${sql.id(live, table)} set schema ${sql.id(kept)}`.execute(tx.db);
    await sql`alter table ${sql.id(ghost, table)} set schema ${sql.id(live)}`.execute(tx.db);
  }
}

/**
 * SQLite: a table cannot move between files, so each live table is dropped and made again
 * from the ghost's statements and rows inside the live transaction; the rows it held are
 * written to the previous file before that commits.
 */
async function swapCopies(tx: Tx, tables: readonly string[], ghost: Db, previous: Db): Promise<void> {
  for (const table of tables) {
    const replaced = { ddl: await ddlOf(tx.db, table), rows: await selectAll(tx.db, table) };
    await sql`drop table ${sql.table(table)}`.execute(tx.db);
    await copyTable(tx.db, await ddlOf(ghost, table), table, await selectAll(ghost, table));
    await previous.transaction().execute((kept) => copyTable(kept, replaced.ddl, table, replaced.rows));
  }
}

async function ddlOf(db: Db, table: string): Promise<string[]> {
  const rows = await sql<{ sql: string }>`select sql from sqlite_master
    where tbl_name = ${table} and sql is not null order by case type when 'table' then 0 else 1 end`.execute(
    db,
  );
  return rows.rows.map((r) => r.sql);
}

async function selectAll(db: Db, table: string): Promise<Array<Record<string, unknown>>> {
  return (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows;
}

async function copyTable(
  db: Db,
  ddl: string[],
  table: string,
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  for (const statement of ddl) await sql.raw(statement).execute(db);
  for (let i = 0; i < rows.length; i += COPY_PAGE)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + COPY_PAGE))
      .execute();
}

/** `rebuild <module> --drop-ghost`: removes the ghost and the tables a switch replaced, if any. */
export async function dropGhost(app: App, name: string): Promise<{ ghost: boolean; previous: boolean }> {
  projected(app, name);
  const ghost = await app.storage.exists(`${name}${GHOST}`);
  const previous = await app.storage.exists(`${name}${PREVIOUS}`);
  await app.storage.drop(`${name}${GHOST}`);
  await app.storage.drop(`${name}${PREVIOUS}`);
  return { ghost, previous };
}

/** A table's rows by key (its primary key, else the whole row), with its columns. */
interface Rows {
  columns: string[];
  byKey: Map<string, { row: string; count: number }>;
}

async function readRows(db: Db, dialect: Dialect, table: string): Promise<Rows> {
  const columns = await columnsOf(db, dialect, table);
  const key = columns.filter((c) => c.key).map((c) => c.name);
  const byKey = new Map<string, { row: string; count: number }>();
  for (const row of await selectAll(db, table)) {
    const text = JSON.stringify(row, Object.keys(row).sort());
    const id = key.length > 0 ? JSON.stringify(key.map((k) => row[k])) : text;
    const seen = byKey.get(id);
    if (seen) seen.count++;
    else byKey.set(id, { row: text, count: 1 });
  }
  return { columns: columns.map((c) => c.name), byKey };
}

async function columnsOf(
  db: Db,
  dialect: Dialect,
  table: string,
): Promise<Array<{ name: string; key: boolean }>> {
  if (dialect === 'sqlite') {
    const rows = await sql<{
      name: string;
      pk: number;
    }>`select name, pk from pragma_table_info(${table}) order by cid`.execute(db);
    return rows.rows.map((r) => ({ name: r.name, key: r.pk > 0 }));
  }
  // Unqualified, as each pool's search path names its own schema.
  const rows = await sql<{ name: string; key: boolean }>`select a.attname as name,
      exists (select 1 from pg_index i where i.indrelid = a.attrelid and i.indisprimary and a.attnum = any(i.indkey)) as key
    from pg_attribute a where a.attrelid = to_regclass(${table}) and a.attnum > 0 and not a.attisdropped
    order by a.attnum`.execute(db);
  return rows.rows;
}

function differences(table: string, live: Rows, ghost: Rows): TableDifference {
  const found: TableDifference = {
    table,
    live: 0,
    ghost: 0,
    onlyLive: 0,
    onlyGhost: 0,
    differing: 0,
    samples: [],
    columns: {
      onlyLive: live.columns.filter((c) => !ghost.columns.includes(c)),
      onlyGhost: ghost.columns.filter((c) => !live.columns.includes(c)),
    },
  };
  const shown = new Map<string, number>();
  const sample = (kind: string, key: string) => {
    const n = shown.get(kind) ?? 0;
    if (n < SAMPLES) found.samples.push(`${kind} ${key}`);
    shown.set(kind, n + 1);
  };
  for (const [key, l] of live.byKey) {
    found.live += l.count;
    const g = ghost.byKey.get(key);
    if (!g || g.count < l.count) {
      sample('only live', key);
      found.onlyLive += l.count - (g?.count ?? 0);
    } else if (g.row !== l.row) {
      sample('differing', key);
      found.differing++;
    }
  }
  for (const [key, g] of ghost.byKey) {
    found.ghost += g.count;
    const l = live.byKey.get(key);
    if (!l || l.count < g.count) {
      sample('only in the ghost', key);
      found.onlyGhost += g.count - (l?.count ?? 0);
    }
  }
  return found;
}

/** How often a serving node looks whether a switch replaced a module's tables. */
const SWITCH_POLL_MS = 1000;

/**
 * A serving node's watch for switches made by another process (the CLI): when a module's
 * SWITCHED row moves, its views are read again from the tables now in place. Only modules
 * with views are watched, one small read each a second; until it is seen (a second at
 * most) the node answers from views of the replaced tables.
 */
export function watchSwitches(
  modules: ReadonlyArray<{ name: string; database: ModuleDatabase }>,
  views: App['views'],
  onError: (error: unknown) => void,
): { start(): Promise<void>; stop(): void } {
  const watched = modules.filter((m) => views.some((v) => v.module === m.name));
  const seen = new Map<string, number>();
  let timer: NodeJS.Timeout | null = null;
  const switches = async (database: ModuleDatabase): Promise<number> => {
    const row = await database.db
      .selectFrom('checkpoint')
      .select('position')
      .where('consumer', '=', SWITCHED)
      .executeTakeFirst();
    return Number(row?.position ?? 0);
  };
  const look = async () => {
    for (const { name, database } of watched) {
      const now = await switches(database);
      if (now === seen.get(name)) continue;
      seen.set(name, now);
      await rereadViews(views, name);
    }
  };
  return {
    async start() {
      for (const { name, database } of watched) seen.set(name, await switches(database));
      timer = setInterval(() => {
        look().catch(onError);
      }, SWITCH_POLL_MS);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
