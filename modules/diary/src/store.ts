import { sql } from 'kysely';
import {
  afterCursor,
  pageOf,
  type Db,
  type Migration,
  type ModuleContext,
  type TimeCursor,
  type TxDb,
} from '@meetcute/core';
import { BLOCKED_PAIRS, blockedPairsMigration, honourBlocks } from '@meetcute/block';
import { DiaryPostDeleted, DiaryPostEdited, DiaryPosted } from './events.ts';

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

/** Posts are a projection of the module's own events; blocks only hide (a post is one member's, not the pair's). */
export function project(ctx: ModuleContext): void {
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
  honourBlocks(ctx);
}

export interface Post {
  postId: string;
  memberId: string;
  text: string;
  postedAt: string;
  /** When the author last changed it; null if never. */
  editedAt: string | null;
}

interface PostRow {
  post_id: string;
  member_id: string;
  text: string;
  posted_at: string;
  edited_at: string | null;
}

const toPost = (r: PostRow): Post => ({
  postId: r.post_id,
  memberId: r.member_id,
  text: r.text,
  postedAt: r.posted_at,
  editedAt: r.edited_at,
});

export async function findPost(db: Db | TxDb, postId: string): Promise<Post | undefined> {
  const row = (await db.selectFrom('posts').selectAll().where('post_id', '=', postId).executeTakeFirst()) as
    PostRow | undefined;
  return row ? toPost(row) : undefined;
}

/** One page of a member's posts, newest first, and where the next page starts. */
export async function postsOf(
  db: Db,
  memberId: string,
  page: { after: TimeCursor | undefined; limit: number },
): Promise<{ posts: Post[]; nextCursor: string | null }> {
  let query = db.selectFrom('posts').selectAll().where('member_id', '=', memberId);
  if (page.after) query = query.where(afterCursor(page.after, 'posted_at', 'post_id'));
  const rows = (await query
    .orderBy('posted_at', 'desc')
    .orderBy('post_id', 'desc')
    .limit(page.limit + 1)
    .execute()) as PostRow[];
  const { items: posts, nextCursor } = pageOf(rows.map(toPost), page.limit, (p) => ({
    at: p.postedAt,
    id: p.postId,
  }));
  return { posts, nextCursor };
}
