import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Migration, ModuleContext, TablesOf } from '@meetcute/core';
import { afterCursor, pageOf, prepared, text } from '@meetcute/core';
import {
  BLOCKED_PAIRS,
  blockedPairsMigration,
  blockedPairsTables,
  notBlockedWith,
  type Blocks,
} from '@meetcute/block';
import { ProfileViewed } from '@meetcute/profile/events';
import { visitDay, type Cursor } from './rules.ts';

export const tables = {
  /** member_id was visited by visitor_id on day (UTC); visited_at is that day's latest view. */
  visits: { member_id: text(), visitor_id: text(), day: text(), visited_at: text() },
  ...blockedPairsTables,
};
type Tables = TablesOf<typeof tables>;
export type VisitsDb = Kysely<Tables>;

export const migrations: Migration[] = [
  {
    name: '0001_visits',
    async up(db) {
      // member_id was visited by visitor_id on day (UTC); visited_at is that day's latest view.
      await sql`create table visits (
        member_id text not null,
        visitor_id text not null,
        day text not null,
        visited_at text not null,
        primary key (member_id, visitor_id, day)
      )`.execute(db);
      await sql`create index visits_newest on visits (member_id, visited_at, visitor_id)`.execute(db);
      await sql`create index visits_by_visitor on visits (visitor_id)`.execute(db);
    },
  },
  blockedPairsMigration,
  {
    // Every profile read by someone new is a row here, so a row should cost few pages:
    // kept in its key's order (no rowid table beside the key), and without the index by
    // visitor, which only a block's clean-up used (it looks up both pairs by key).
    name: '0002_visits_keyed_by_member',
    async up(db, dialect) {
      await sql`drop index visits_by_visitor`.execute(db);
      if (dialect !== 'sqlite') return;
      await sql`create table visits_by_key (
        member_id text not null,
        visitor_id text not null,
        day text not null,
        visited_at text not null,
        primary key (member_id, visitor_id, day)
      ) without rowid`.execute(db);
      await sql`insert into visits_by_key (member_id, visitor_id, day, visited_at)
        select member_id, visitor_id, day, visited_at from visits`.execute(db);
      await sql`drop table visits`.execute(db);
      await sql`alter table visits_by_key rename to visits`.execute(db);
      await sql`create index visits_newest on visits (member_id, visited_at, visitor_id)`.execute(db);
    },
  },
];

export const projections = ['visits', BLOCKED_PAIRS];

// The statement every first look at a profile runs, built once (core's prepared()).
const recordVisit = prepared((db: VisitsDb, memberId: string, visitorId: string, day: string, at: string) =>
  db
    .insertInto('visits')
    .values({ member_id: memberId, visitor_id: visitorId, day, visited_at: at })
    .onConflict((oc) =>
      oc
        .columns(['member_id', 'visitor_id', 'day'])
        .doUpdateSet((eb) => ({ visited_at: eb.ref('excluded.visited_at') }))
        // The latest view wins whatever order the views arrive in, so a rebuild agrees.
        .where((eb) => eb('visits.visited_at', '<', eb.ref('excluded.visited_at'))),
    ),
);

/** Visits are a projection of ProfileViewed, minus what blocks removed. */
export function project(ctx: ModuleContext<Tables>, blocks: Blocks): void {
  ctx.on(ProfileViewed, async (e, tx) => {
    const { viewerId, memberId } = e.payload;
    if (viewerId === memberId) return;
    // Never across a block, even if a view slipped out just before the block reached the profile module.
    if (await blocks.between(viewerId, memberId, tx)) return;
    await recordVisit(tx.db, memberId, viewerId, visitDay(e.occurredAt), e.occurredAt);
  });
}

export interface VisitEntry {
  visitorId: string;
  visitedAt: string;
}

/** One page of a member's visitors, newest first, without anyone in a blocked pair with them. */
export async function visitorsOf(
  db: VisitsDb,
  memberId: string,
  page: { after: Cursor | undefined; limit: number },
): Promise<{ entries: VisitEntry[]; nextCursor: string | null }> {
  let query = db
    .selectFrom('visits as v')
    .select(['v.visitor_id', 'v.visited_at'])
    .where('v.member_id', '=', memberId)
    .where(notBlockedWith(memberId, 'v.visitor_id'));
  if (page.after) query = query.where(afterCursor(page.after, 'v.visited_at', 'v.visitor_id'));
  const rows = await query
    .orderBy('v.visited_at', 'desc')
    .orderBy('v.visitor_id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const { items, nextCursor } = pageOf(
    rows.map((r) => ({ visitorId: r.visitor_id, visitedAt: r.visited_at })),
    page.limit,
    (e) => ({ at: e.visitedAt, id: e.visitorId }),
  );
  return { entries: items, nextCursor };
}
