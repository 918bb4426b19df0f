import { sql, type Generated, type Kysely } from 'kysely';
import type { Dialect } from './storage.ts';

/**
 * A module's tables, declared once as values so that both the compiler and a test can
 * read them: `TablesOf<typeof tables>` is the Kysely schema the module's queries are
 * checked against, and `describeTables` (tables.check.ts) compares the same declaration
 * with what the module's migrations made, on SQLite and on PostgreSQL.
 *
 *   export const tables = {
 *     visits: { member_id: text(), visitor_id: text(), day: text(), visited_at: text() },
 *   } satisfies TableSpecs;
 *   export type VisitsDb = Kysely<TablesOf<typeof tables>>;
 */

/** How a column is stored: `text`, `integer` (also bigint, and booleans as 0/1) or `real` (double precision). */
export type ColumnKind = 'text' | 'integer' | 'real';

export interface Column<T, Null extends boolean = boolean, Gen extends boolean = boolean> {
  readonly kind: ColumnKind;
  readonly nullable: Null;
  /** The database fills it in when an insert leaves it out (autoincrement or a default). */
  readonly generated: Gen;
  /** Never set: carries the TypeScript type of the column's values. */
  readonly type?: T;
}

/** A text column; the type parameter narrows it, e.g. `text<'woman' | 'man'>()`. */
export function text<T extends string = string>(): Column<T, false, false> {
  return { kind: 'text', nullable: false, generated: false };
}

/** An integer column (integer or bigint); booleans are kept as 0 and 1 on both databases. */
export function integer<T extends number = number>(): Column<T, false, false> {
  return { kind: 'integer', nullable: false, generated: false };
}

/** A floating-point column (double precision). */
export function real(): Column<number, false, false> {
  return { kind: 'real', nullable: false, generated: false };
}

/** The column may hold null. */
export function nullable<T, G extends boolean>(column: Column<T, false, G>): Column<T, true, G> {
  return { ...column, nullable: true };
}

/** Inserts may leave the column out: the database numbers it or has a default. */
export function generated<T>(column: Column<T, false, false>): Column<T, false, true> {
  return { ...column, generated: true };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any column, whatever its value type
export type AnyColumn = Column<any>;
export type TableSpecs = Record<string, Record<string, AnyColumn>>;

type ValueOf<C> =
  C extends Column<infer T, infer Null, infer Gen>
    ? Gen extends true
      ? Generated<T>
      : Null extends true
        ? T | null
        : T
    : never;

/** The Kysely schema a module's table declaration describes. */
export type TablesOf<S extends TableSpecs> = {
  -readonly [Table in keyof S]: { -readonly [Name in keyof S[Table]]: ValueOf<S[Table][Name]> };
};

/** The typed database handle of a module whose tables are `S`. */
export type DbOf<S extends TableSpecs> = Kysely<TablesOf<S>>;

/** What a declared column and a column the migrations made disagree on. */
export interface TableMismatch {
  table: string;
  column?: string;
  problem: string;
}

interface FoundColumn {
  name: string;
  dataType: string;
  isNullable: boolean;
  isAutoIncrementing: boolean;
  hasDefaultValue: boolean;
}

/** The column kind a database's own type name stands for, or null for one we never declare. */
export function kindOfType(dataType: string): ColumnKind | null {
  const type = dataType.toLowerCase();
  if (type === 'text' || type.startsWith('varchar') || type.startsWith('character')) return 'text';
  if (['integer', 'int', 'int4', 'int8', 'bigint', 'smallint', 'int2', 'bigserial', 'serial'].includes(type))
    return 'integer';
  if (['real', 'double precision', 'float8', 'float4', 'double'].includes(type)) return 'real';
  return null;
}

/**
 * Compares declared tables with the tables a module's migrations made (`found`, as
 * Kysely's introspection lists them), ignoring the chassis' own tables (`ignore`).
 * SQLite lets a primary key column hold null unless it says otherwise; a primary key
 * never does here, so nullability is only compared where the database is sure.
 */
export function compareTables(
  declared: TableSpecs,
  found: readonly { name: string; columns: readonly FoundColumn[] }[],
  options: {
    dialect: Dialect;
    ignore: ReadonlySet<string>;
    primaryKeys?: ReadonlyMap<string, ReadonlySet<string>>;
  },
): TableMismatch[] {
  const mismatches: TableMismatch[] = [];
  const made = new Map(found.filter((t) => !options.ignore.has(t.name)).map((t) => [t.name, t]));
  for (const table of Object.keys(declared)) {
    if (!made.has(table)) mismatches.push({ table, problem: 'declared, but no migration makes it' });
  }
  for (const [name, table] of made) {
    const columns = declared[name];
    if (!columns) {
      mismatches.push({ table: name, problem: 'made by a migration, but not declared' });
      continue;
    }
    const present = new Map(table.columns.map((c) => [c.name, c]));
    for (const column of Object.keys(columns)) {
      if (!present.has(column))
        mismatches.push({ table: name, column, problem: 'declared, but not in the table' });
    }
    for (const column of table.columns) {
      const spec = columns[column.name];
      if (!spec) {
        mismatches.push({ table: name, column: column.name, problem: 'in the table, but not declared' });
        continue;
      }
      const kind = kindOfType(column.dataType);
      if (kind !== spec.kind)
        mismatches.push({
          table: name,
          column: column.name,
          problem: `declared ${spec.kind}, but the table has ${column.dataType}`,
        });
      const primary = options.primaryKeys?.get(name)?.has(column.name) ?? false;
      const nullable = column.isNullable && !(options.dialect === 'sqlite' && primary);
      if (nullable !== spec.nullable)
        mismatches.push({
          table: name,
          column: column.name,
          problem: spec.nullable
            ? 'declared nullable, but the table says not null'
            : 'the table lets it be null',
        });
      if (spec.generated && !column.isAutoIncrementing && !column.hasDefaultValue)
        mismatches.push({
          table: name,
          column: column.name,
          problem: 'declared generated, but the table has no default',
        });
    }
  }
  return mismatches;
}

/** The chassis' own tables in every module's database (delivery/tables.ts, db/migrations.ts). */
export const CHASSIS_TABLES: ReadonlySet<string> = new Set([
  'outbox',
  'inbox',
  'checkpoint',
  'parked_events',
  'schema_migrations',
]);

/**
 * Reads what a module's migrations made in its database (a SQLite file, or its
 * PostgreSQL schema) and compares it with the module's declared tables.
 */
export async function checkTables(
  declared: TableSpecs,
  database: { db: Kysely<unknown>; dialect: Dialect; schema?: string },
): Promise<TableMismatch[]> {
  const found =
    database.dialect === 'sqlite' || !database.schema
      ? await database.db.introspection.getTables()
      : await tablesInSchema(database.db, database.schema);
  const primaryKeys = new Map<string, ReadonlySet<string>>();
  if (database.dialect === 'sqlite') {
    for (const table of found) {
      const keys = await sql<{
        name: string;
      }>`select name from pragma_table_info(${table.name}) where pk > 0`.execute(database.db);
      primaryKeys.set(table.name, new Set(keys.rows.map((r) => r.name)));
    }
  }
  return compareTables(declared, found, { dialect: database.dialect, ignore: CHASSIS_TABLES, primaryKeys });
}

/**
 * The tables of one PostgreSQL schema. Kysely's introspection reads every schema in the
 * database, and the test suite creates and drops schemas concurrently: a schema dropped
 * while that catalogue query runs fails it (3F000). Reading one schema's columns avoids it.
 */
async function tablesInSchema(
  db: Kysely<unknown>,
  schema: string,
): Promise<{ name: string; columns: FoundColumn[] }[]> {
  const rows = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
    is_identity: string;
  }>`select table_name, column_name, data_type, is_nullable, column_default, is_identity
     from information_schema.columns
     where table_schema = ${schema}
     order by table_name, ordinal_position`.execute(db);
  const tables = new Map<string, FoundColumn[]>();
  for (const row of rows.rows) {
    const columns = tables.get(row.table_name) ?? [];
    const serial = row.column_default?.startsWith('nextval(') ?? false;
    columns.push({
      name: row.column_name,
      dataType: row.data_type,
      isNullable: row.is_nullable === 'YES',
      isAutoIncrementing: serial || row.is_identity === 'YES',
      hasDefaultValue: row.column_default !== null,
    });
    tables.set(row.table_name, columns);
  }
  return [...tables].map(([name, columns]) => ({ name, columns }));
}
