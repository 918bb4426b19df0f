// The kit every module uses to honour MemberDeleted and to give a member their data.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { EventDefinition, ModuleContext, Tx, View } from '@meetcute/core';
import { MemberDeleted, PERSONAL_DATA, type PersonalData } from './events.ts';

/**
 * Where a module's tables name a member. `mine`: columns that make the row the member's
 * own (their profile, their favourites, the flirts they sent or got): exported, then
 * deleted. `about`: columns naming them in a row that belongs to someone else (a favourite
 * *of* them): deleted, never exported, as it is the other member's private business.
 */
export type PersonalTables = Record<string, { mine?: readonly string[]; about?: readonly string[] }>;

/** Where a member stays named in another member's rows (a conversation): replaced by the pseudonym, rows kept. */
export type KeptTables = Record<string, readonly string[]>;

/** A module's part in a deletion; `DB` is its own database's schema. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a module that declares no tables yet is untyped
export interface Forgetting<DB = any> {
  tables: PersonalTables;
  kept?: KeptTables;
  /**
   * Events whose rows stay under the pseudonym (what `kept` keeps): the event log keeps
   * them the same way, so a rebuild gives the other members the same rows.
   */
  keptEvents?: readonly EventDefinition[];
  /** More to do in the same transaction (files, denormalised copies). */
  forget?(tx: Tx<DB>, memberId: string, pseudonym: string): Promise<void>;
  /** The export, when raw rows of `mine` would not read well or miss something. */
  export?: (memberId: string) => Promise<unknown>;
  files?: (memberId: string) => Promise<Array<{ path: string; file: string }>>;
}

/** "One of these columns holds the member's id", for a where clause. */
function naming(columns: readonly string[], memberId: string) {
  return sql.join(
    columns.map((c) => sql`${sql.ref(c)} = ${memberId}`),
    sql` or `,
  );
}

/**
 * Every row of the tables whose columns name the member, by table, in any module's
 * database or transaction (raw SQL: the tables are the caller's, named at run time).
 */
export async function rowsNaming<DB>(
  db: Kysely<DB> | Transaction<DB>,
  tables: Record<string, readonly string[]>,
  memberId: string,
): Promise<Record<string, unknown[]>> {
  const found: Record<string, unknown[]> = {};
  for (const [table, columns] of Object.entries(tables)) {
    if (columns.length === 0) continue;
    const rows = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(table)} where ${naming(columns, memberId)}`.execute(db);
    if (rows.rows.length > 0) found[table] = rows.rows;
  }
  return found;
}

/**
 * Registers the module's part in a deletion: in one transaction with the inbox record, the
 * rows that name the member go, their id in kept rows becomes the pseudonym (also inside
 * composite keys such as "a:b", hence replace()), and `forget` does the rest. The export is
 * contributed under the module's name.
 */
export function honourDeletion<DB>(ctx: ModuleContext<DB>, forgetting: Forgetting<DB>): void {
  for (const definition of forgetting.keptEvents ?? []) ctx.keepInLog(definition);
  ctx.on(MemberDeleted, async ({ payload: { memberId, pseudonym } }, tx) => {
    for (const [table, cols] of Object.entries(forgetting.kept ?? {})) {
      for (const c of cols) {
        await sql`update ${sql.table(table)} set ${sql.ref(c)} = replace(${sql.ref(c)}, ${memberId}, ${pseudonym})
          where ${sql.ref(c)} like ${`%${memberId}%`}`.execute(tx.db);
      }
    }
    await forgetting.forget?.(tx, memberId, pseudonym);
    for (const [table, { mine = [], about = [] }] of Object.entries(forgetting.tables)) {
      const columns = [...mine, ...about];
      if (columns.length === 0) continue;
      await sql`delete from ${sql.table(table)} where ${naming(columns, memberId)}`.execute(tx.db);
    }
  });
  const mine = Object.fromEntries(Object.entries(forgetting.tables).map(([t, { mine = [] }]) => [t, mine]));
  ctx.services.contribute<PersonalData>(PERSONAL_DATA, {
    name: ctx.name,
    export:
      forgetting.export ??
      (async (memberId) => {
        const rows = await rowsNaming(ctx.db, mine, memberId);
        return Object.keys(rows).length > 0 ? rows : null;
      }),
    ...(forgetting.files ? { files: forgetting.files } : {}),
  });
}

/** Whether a view's value names the member anywhere (in strings, arrays, sets, maps or objects). */
export function mentions(value: unknown, memberId: string): boolean {
  if (typeof value === 'string') return value.includes(memberId);
  if (value === null || typeof value !== 'object') return false;
  if (value instanceof Map) {
    for (const [k, v] of value) if (mentions(k, memberId) || mentions(v, memberId)) return true;
    return false;
  }
  const items: Iterable<unknown> =
    value instanceof Set || Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  for (const item of items) if (mentions(item, memberId)) return true;
  return false;
}

/**
 * A view keyed by member (or by anything else) forgets every entry that names a deleted
 * member: it is read again from the tables, which no longer do. For views that hold only
 * what was asked for; a view warmed with every key sets the member's own key instead.
 */
export function forgetInView<V>(view: View<V>): void {
  view.on(MemberDeleted, ({ payload: { memberId } }, changes) =>
    changes.forgetWhere((value, key) => key === memberId || mentions(value, memberId)),
  );
}
