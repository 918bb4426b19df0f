import { sql, type Kysely } from 'kysely';
import {
  afterCursor,
  nullable,
  pageOf,
  text,
  type Migration,
  type ModuleContext,
  type TablesOf,
  type TimeCursor,
} from '@meetcute/core';
import {
  BLOCKED_PAIRS,
  blockedPairsMigration,
  blockedPairsTables,
  honourBlocks,
  type Blocks,
} from '@meetcute/block';
import { DiaryPostDeleted, DiaryPostEdited, DiaryPosted } from './events.ts';

export const tables = {
  /** A diary post by member_id; edited_at is null until its author changes it. */
  posts: {
    post_id: text(),
    member_id: text(),
    text: text(),
    posted_at: text(),
    edited_at: nullable(text()),
  },
  ...blockedPairsTables,
};
export type Tables = TablesOf<typeof tables>;
/** The module's database, or a transaction of it. */
export type DiaryDb = Kysely<Tables>;

export const migrations: Migration[] = [
  {
    name: '0001_posts',
    async up(db) {
      await sql`create table posts (
        post_id text primary key,
        member_id text not null,
        text text not null,
        posted_at text not null,
        edited_at text
      )`.execute(db);
      await sql`create index posts_newest on posts (member_id, posted_at, post_id)`.execute(db);
    },
  },
  blockedPairsMigration,
];

export const projections = ['posts', BLOCKED_PAIRS];

/**
 * Posts are a projection of the module's own events; blocks only hide (a post is one
 * member's, not the pair's). Returns the module's blocks, for reads to ask in memory.
 */
export function project(ctx: ModuleContext<Tables>): Blocks {
  ctx.on(DiaryPosted, async (e, tx) => {
    await tx.db
      .insertInto('posts')
      .values({
        post_id: e.payload.postId,
        member_id: e.payload.memberId,
        text: e.payload.text,
        posted_at: e.occurredAt,
        edited_at: null,
      })
      .onConflict((oc) => oc.column('post_id').doNothing())
      .execute();
  });
  ctx.on(DiaryPostEdited, async (e, tx) => {
    await tx.db
      .updateTable('posts')
      .set({ text: e.payload.text, edited_at: e.occurredAt })
      .where('post_id', '=', e.payload.postId)
      .where('member_id', '=', e.payload.memberId)
      .execute();
  });
  ctx.on(DiaryPostDeleted, async (e, tx) => {
    await tx.db
      .deleteFrom('posts')
      .where('post_id', '=', e.payload.postId)
      .where('member_id', '=', e.payload.memberId)
      .execute();
  });
  return honourBlocks(ctx);
}

export interface Post {
  postId: string;
  memberId: string;
  text: string;
  postedAt: string;
  /** When the author last changed it; null if never. */
  editedAt: string | null;
}

const toPost = (r: Tables['posts']): Post => ({
  postId: r.post_id,
  memberId: r.member_id,
  text: r.text,
  postedAt: r.posted_at,
  editedAt: r.edited_at,
});

export async function findPost(db: DiaryDb, postId: string): Promise<Post | undefined> {
  const row = await db.selectFrom('posts').selectAll().where('post_id', '=', postId).executeTakeFirst();
  return row ? toPost(row) : undefined;
}

/** One page of a member's posts, newest first, and where the next page starts. */
export async function postsOf(
  db: DiaryDb,
  memberId: string,
  page: { after: TimeCursor | undefined; limit: number },
): Promise<{ posts: Post[]; nextCursor: string | null }> {
  let query = db.selectFrom('posts').selectAll().where('member_id', '=', memberId);
  if (page.after) query = query.where(afterCursor(page.after, 'posted_at', 'post_id'));
  const rows = await query
    .orderBy('posted_at', 'desc')
    .orderBy('post_id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const { items: posts, nextCursor } = pageOf(rows.map(toPost), page.limit, (p) => ({
    at: p.postedAt,
    id: p.postId,
  }));
  return { posts, nextCursor };
}
