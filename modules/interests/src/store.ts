import { sql, type Kysely } from 'kysely';
import {
  afterCursor,
  text,
  type Migration,
  type ModuleContext,
  type TablesOf,
  type TimeCursor,
} from '@meetcute/core';
import { RegistrationApproved } from '@meetcute/registration/events';
import {
  BLOCKED_PAIRS,
  blockedPairsMigration,
  blockedPairsTables,
  honourBlocks,
  notBlockedWith,
  type Blocks,
} from '@meetcute/block';
import { InterestAdded, InterestRemoved } from './events.ts';
import { sortTags } from './rules.ts';

export const tables = {
  /** member_id put tag (normalised) on their profile at added_at. */
  interests: { member_id: text(), tag: text(), added_at: text() },
  /** Who others may see under a tag: approved members only. */
  approved_members: { member_id: text(), approved_at: text() },
  ...blockedPairsTables,
};
export type InterestsTables = TablesOf<typeof tables>;
type Tables = InterestsTables;
export type InterestsDb = Kysely<Tables>;

export const migrations: Migration[] = [
  {
    name: '0001_interests',
    async up(db) {
      await sql`create table interests (
        member_id text not null,
        tag text not null,
        added_at text not null,
        primary key (member_id, tag)
      )`.execute(db);
      // Everyone with a tag, newest first.
      await sql`create index interests_by_tag on interests (tag, added_at, member_id)`.execute(db);
      // Who others may see under a tag: approved members only.
      await sql`create table approved_members (
        member_id text primary key,
        approved_at text not null
      )`.execute(db);
    },
  },
  blockedPairsMigration,
];

export const projections = ['interests', 'approved_members', BLOCKED_PAIRS];

/**
 * Interests, approvals and blocks are all projections of events. Returns the module's
 * blocks, for reads to ask in memory.
 */
export function project(ctx: ModuleContext<Tables>): Blocks {
  ctx.on(RegistrationApproved, async (e, tx) => {
    // A re-approval after a re-submission changes nothing here: the member stays visible.
    await tx.db
      .insertInto('approved_members')
      .values({ member_id: e.payload.memberId, approved_at: e.occurredAt })
      .onConflict((oc) => oc.column('member_id').doNothing())
      .execute();
  });
  ctx.on(InterestAdded, async (e, tx) => {
    await tx.db
      .insertInto('interests')
      .values({ member_id: e.payload.memberId, tag: e.payload.tag, added_at: e.occurredAt })
      .onConflict((oc) => oc.columns(['member_id', 'tag']).doNothing())
      .execute();
  });
  ctx.on(InterestRemoved, async (e, tx) => {
    await tx.db
      .deleteFrom('interests')
      .where('member_id', '=', e.payload.memberId)
      .where('tag', '=', e.payload.tag)
      .execute();
  });
  // A block hides the pair from each other (every read filters on blocked_pairs), but
  // interests belong to one member, not to the pair, so there is nothing to remove.
  return honourBlocks(ctx);
}

/** A member's tags, sorted. */
export async function tagsOf(db: InterestsDb, memberId: string): Promise<string[]> {
  const rows = await db.selectFrom('interests').select('tag').where('member_id', '=', memberId).execute();
  return sortTags(rows.map((r) => r.tag));
}

export async function hasTag(db: InterestsDb, memberId: string, tag: string): Promise<boolean> {
  const row = await db
    .selectFrom('interests')
    .select('tag')
    .where('member_id', '=', memberId)
    .where('tag', '=', tag)
    .executeTakeFirst();
  return row !== undefined;
}

export async function countOf(db: InterestsDb, memberId: string): Promise<number> {
  // PostgreSQL counts in bigint, which comes back as text.
  const row = await db
    .selectFrom('interests')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether the viewer may see the member here: themselves, or approved and not blocked either way. */
export async function isVisible(
  db: InterestsDb,
  blocks: Blocks,
  viewerId: string,
  memberId: string,
): Promise<boolean> {
  if (viewerId === memberId) return true;
  const approved = await db
    .selectFrom('approved_members')
    .select('member_id')
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return approved !== undefined && !(await blocks.between(viewerId, memberId));
}

export interface TagHolder {
  memberId: string;
  addedAt: string;
}

/**
 * Approved members with a tag, newest first, without the viewer and anyone in a
 * blocked pair with them; `limit + 1` rows, so the caller knows whether more follow.
 */
export async function holdersOf(
  db: InterestsDb,
  query: { viewerId: string; tag: string; after: TimeCursor | undefined; limit: number },
): Promise<TagHolder[]> {
  const { viewerId, tag, after, limit } = query;
  let select = db
    .selectFrom('interests as i')
    .innerJoin('approved_members as a', 'a.member_id', 'i.member_id')
    .select(['i.member_id', 'i.added_at'])
    .where('i.tag', '=', tag)
    .where('i.member_id', '<>', viewerId)
    .where(notBlockedWith(viewerId, 'i.member_id'));
  if (after) select = select.where(afterCursor(after, 'i.added_at', 'i.member_id'));
  const rows = await select
    .orderBy('i.added_at', 'desc')
    .orderBy('i.member_id', 'desc')
    .limit(limit + 1)
    .execute();
  return rows.map((r) => ({ memberId: r.member_id, addedAt: r.added_at }));
}
