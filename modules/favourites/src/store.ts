import { sql, type Kysely } from 'kysely';
import type { Migration, ModuleContext, TablesOf } from '@meetcute/core';
import { afterCursor, pageOf, prepared, text } from '@meetcute/core';
import { BLOCKED_PAIRS, blockedPairsMigration, blockedPairsTables, notBlockedWith } from '@meetcute/block';
import { FavouriteAdded, FavouriteRemoved } from './events.ts';
import type { Cursor } from './rules.ts';

export const tables = {
  /** member_id keeps favourite_id among their favourites, since added_at. */
  favourites: { member_id: text(), favourite_id: text(), added_at: text() },
  ...blockedPairsTables,
};
export type Tables = TablesOf<typeof tables>;
/** The module's database, or a transaction of it. */
export type FavouritesDb = Kysely<Tables>;

export const migrations: Migration[] = [
  {
    name: '0001_favourites',
    async up(db) {
      await sql`create table favourites (
        member_id text not null,
        favourite_id text not null,
        added_at text not null,
        primary key (member_id, favourite_id)
      )`.execute(db);
      await sql`create index favourites_newest on favourites (member_id, added_at, favourite_id)`.execute(db);
      // A deleted member leaves every list they were in.
      await sql`create index favourites_reverse on favourites (favourite_id)`.execute(db);
    },
  },
  blockedPairsMigration,
];

export const projections = ['favourites', BLOCKED_PAIRS];

/**
 * The favourites are a projection of the module's own events. A block hides the pair's
 * favourites (every list filters blocked pairs) and removes none, so lifting it brings
 * them back; one that raced a block is kept like the rest, on a replay too.
 */
export function project(ctx: ModuleContext<Tables>): void {
  ctx.on(FavouriteAdded, async (e, tx) => {
    const { memberId, favouriteId } = e.payload;
    await tx.db
      .insertInto('favourites')
      .values({ member_id: memberId, favourite_id: favouriteId, added_at: e.occurredAt })
      .onConflict((oc) => oc.columns(['member_id', 'favourite_id']).doNothing())
      .execute();
  });
  ctx.on(FavouriteRemoved, async (e, tx) => {
    await tx.db
      .deleteFrom('favourites')
      .where('member_id', '=', e.payload.memberId)
      .where('favourite_id', '=', e.payload.favouriteId)
      .execute();
  });
}

export async function isFavourite(db: FavouritesDb, memberId: string, favouriteId: string): Promise<boolean> {
  const row = await db
    .selectFrom('favourites')
    .select('added_at')
    .where('member_id', '=', memberId)
    .where('favourite_id', '=', favouriteId)
    .executeTakeFirst();
  return row !== undefined;
}

const selectFavouriteIds = prepared((db: FavouritesDb, memberId: string) =>
  db.selectFrom('favourites').select('favourite_id').where('member_id', '=', memberId),
);

/** Everyone a member has among their favourites; undefined for none (what a view holds). */
export async function favouriteIdsOf(
  db: FavouritesDb,
  memberId: string,
): Promise<ReadonlySet<string> | undefined> {
  const rows = await selectFavouriteIds(db, memberId);
  return rows.length === 0 ? undefined : new Set(rows.map((r) => r.favourite_id));
}

/** Who of the two blocked the other, as this module heard it; `me` first when both did. */
export async function blockBetween(
  db: FavouritesDb,
  me: string,
  other: string,
): Promise<'none' | 'mine' | 'theirs'> {
  const rows = await db
    .selectFrom(BLOCKED_PAIRS)
    .select('blocker_id')
    .where((eb) =>
      eb.or([
        eb.and([eb('blocker_id', '=', me), eb('blocked_id', '=', other)]),
        eb.and([eb('blocker_id', '=', other), eb('blocked_id', '=', me)]),
      ]),
    )
    .execute();
  if (rows.some((r) => r.blocker_id === me)) return 'mine';
  return rows.length > 0 ? 'theirs' : 'none';
}

export interface FavouriteEntry {
  favouriteId: string;
  addedAt: string;
}

/** One page of a member's favourites, newest first, without anyone in a blocked pair with them. */
export async function favouritesOf(
  db: FavouritesDb,
  memberId: string,
  page: { after: Cursor | undefined; limit: number },
): Promise<{ entries: FavouriteEntry[]; nextCursor: string | null }> {
  let query = db
    .selectFrom('favourites as f')
    .select(['f.favourite_id', 'f.added_at'])
    .where('f.member_id', '=', memberId)
    .where(notBlockedWith(memberId, 'f.favourite_id'));
  if (page.after) query = query.where(afterCursor(page.after, 'f.added_at', 'f.favourite_id'));
  const rows = await query
    .orderBy('f.added_at', 'desc')
    .orderBy('f.favourite_id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const { items, nextCursor } = pageOf(
    rows.map((r) => ({ favouriteId: r.favourite_id, addedAt: r.added_at })),
    page.limit,
    (e) => ({ at: e.addedAt, id: e.favouriteId }),
  );
  return { entries: items, nextCursor };
}
