import type { Compilable, CompiledQuery, InsertQueryBuilder, InsertResult, Kysely } from 'kysely';

type Slot = number | { value: unknown };

interface Template {
  compiled: CompiledQuery;
  slots: Slot[];
}

const marker = (i: number) => `\u0000prepared-${i}\u0000`;

/** A compiled query whose parameters are the stand-ins `marker(i)`: where each argument goes. */
function templateOf(compiled: CompiledQuery, markers: number): Template {
  const index = new Map(Array.from({ length: markers }, (_, i) => [marker(i), i]));
  const slots = compiled.parameters.map((p): Slot => index.get(p as string) ?? { value: p });
  return { compiled, slots };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped unless the caller names its database
type AnyDb = Kysely<any>;

async function run<R>(db: AnyDb, template: Template, args: readonly unknown[]): Promise<R[]> {
  const parameters = template.slots.map((s) => (typeof s === 'number' ? args[s] : s.value));
  const result = await db.executeQuery<R>({ ...template.compiled, parameters });
  return result.rows;
}

/**
 * A query built and compiled once per database kind, then run with new values bound to
 * its parameters. Building and compiling a Kysely query costs more than SQLite takes to
 * run a small one, and the hot statements (outbox, inbox, checkpoints, the reads every
 * request makes) are the same few over and over. `build` receives stand-ins for the
 * arguments and must use each as a plain value (not in an `in` list, whose length varies).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped unless `build` names its database
export function prepared<A extends readonly unknown[], R, DB = any>(
  build: (db: Kysely<DB>, ...args: A) => Compilable<R>,
): (db: Kysely<DB>, ...args: A) => Promise<R[]> {
  // One template per SQL dialect: the same statement reads `?` on SQLite and `$1` on PostgreSQL.
  const templates = new WeakMap<object, Template>();
  return async (db, ...args) => {
    const adapter = db.getExecutor().adapter;
    let template = templates.get(adapter);
    if (!template) {
      const markers = args.map((_, i) => marker(i));
      template = templateOf(build(db, ...(markers as unknown as A)).compile(), args.length);
      templates.set(adapter, template);
    }
    return run<R>(db as AnyDb, template, args);
  };
}

/** Row counts whose inserts are kept compiled, per database kind (the most recent ones). */
const INSERT_SHAPES = 64;

/**
 * A multi-row insert of `columns` (values in that order, one array a row), built and
 * compiled once per database kind and row count, then run with the rows bound. Building
 * one with Kysely costs a few µs a row, and the hot ones (impressions) put tens of rows
 * in every commit. `finish` adds what follows the values (on conflict, returning).
 */
export function preparedInsert<R = never>(
  table: string,
  columns: readonly string[],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table of no database in particular
  finish: (query: InsertQueryBuilder<any, any, InsertResult>) => Compilable<R> = (query) => query,
): (db: AnyDb, rows: ReadonlyArray<readonly unknown[]>) => Promise<R[]> {
  const templates = new WeakMap<object, Map<number, Template>>();
  return async (db, rows) => {
    if (rows.length === 0) return [];
    const adapter = db.getExecutor().adapter;
    let byCount = templates.get(adapter);
    if (!byCount) templates.set(adapter, (byCount = new Map<number, Template>()));
    let template = byCount.get(rows.length);
    if (!template) {
      const values = rows.map((_, r) =>
        Object.fromEntries(columns.map((column, c) => [column, marker(r * columns.length + c)])),
      );
      template = templateOf(
        finish(db.insertInto(table).values(values)).compile(),
        rows.length * columns.length,
      );
      if (byCount.size >= INSERT_SHAPES) byCount.delete(byCount.keys().next().value!);
      byCount.set(rows.length, template);
    }
    return run<R>(db, template, rows.flat());
  };
}
