import { sql, type Kysely } from 'kysely';
import { nullable, text, type Migration, type ModuleContext, type TablesOf } from '@meetcute/core';
import { MemberBlocked, MemberUnblocked } from './events.ts';

export const tables = {
  /** blocker_id blocked blocked_id at blocked_at, for good or, with until, until then. */
  blocks: { blocker_id: text(), blocked_id: text(), blocked_at: text(), until: nullable(text()) },
};
export type Tables = TablesOf<typeof tables>;
export type BlockDb = Kysely<Tables>;

export const migrations: Migration[] = [
  {
    name: '0001_blocks',
    async up(db) {
      await sql`create table blocks (
        blocker_id text not null,
        blocked_id text not null,
        blocked_at text not null,
        primary key (blocker_id, blocked_id)
      )`.execute(db);
    },
  },
  {
    name: '0002_temporary_blocks',
    async up(db) {
      await sql`alter table blocks add column until text`.execute(db);
      await sql`create index blocks_until on blocks (until) where until is not null`.execute(db);
    },
  },
];

/** Temporary blocks whose time is up, for the sweep that lifts them. */
export async function endedBlocks(
  db: BlockDb,
  now: string,
): Promise<Array<{ blockerId: string; blockedId: string }>> {
  const rows = await db
    .selectFrom('blocks')
    .select(['blocker_id', 'blocked_id'])
    .where('until', 'is not', null)
    .where('until', '<=', now)
    .execute();
  return rows.map((r) => ({ blockerId: r.blocker_id, blockedId: r.blocked_id }));
}

export async function blockUntil(
  db: BlockDb,
  blockerId: string,
  blockedId: string,
): Promise<string | null | undefined> {
  const rows = await db
    .selectFrom('blocks')
    .select('until')
    .where('blocker_id', '=', blockerId)
    .where('blocked_id', '=', blockedId)
    .execute();
  return rows[0]?.until;
}

export const projections = ['blocks'];

/** The block list is a projection of the module's own events. */
export function project(ctx: ModuleContext<Tables>): void {
  ctx.on(MemberBlocked, async (e, tx) => {
    await tx.db
      .insertInto('blocks')
      .values({
        blocker_id: e.payload.blockerId,
        blocked_id: e.payload.blockedId,
        blocked_at: e.occurredAt,
        until: e.payload.until ?? null,
      })
      .onConflict((oc) => oc.columns(['blocker_id', 'blocked_id']).doNothing())
      .execute();
  });
  ctx.on(MemberUnblocked, async (e, tx) => {
    await tx.db
      .deleteFrom('blocks')
      .where('blocker_id', '=', e.payload.blockerId)
      .where('blocked_id', '=', e.payload.blockedId)
      .execute();
  });
}

/** Whether the blocker's block on the member stands, in blocking's own record (modules ask their blocked_pairs: hasBlocked). */
export async function blockStands(db: BlockDb, blockerId: string, blockedId: string): Promise<boolean> {
  const row = await db
    .selectFrom('blocks')
    .select('blocked_at')
    .where('blocker_id', '=', blockerId)
    .where('blocked_id', '=', blockedId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Which of `blockedIds` the blocker blocked: one query for a whole page. */
export async function blockedAmong(
  db: BlockDb,
  blockerId: string,
  blockedIds: readonly string[],
): Promise<Set<string>> {
  if (blockedIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('blocks')
    .select('blocked_id')
    .where('blocker_id', '=', blockerId)
    .where('blocked_id', 'in', blockedIds)
    .execute();
  return new Set(rows.map((r) => r.blocked_id));
}

export interface BlockEntry {
  memberId: string;
  blockedAt: string;
  /** When a temporary block ends; null for one that lasts until lifted. */
  until: string | null;
}

/** The members someone blocked, most recent first. */
export async function blockedBy(db: BlockDb, blockerId: string): Promise<BlockEntry[]> {
  const rows = await db
    .selectFrom('blocks')
    .select(['blocked_id', 'blocked_at', 'until'])
    .where('blocker_id', '=', blockerId)
    .orderBy('blocked_at', 'desc')
    .orderBy('blocked_id')
    .execute();
  return rows.map((r) => ({ memberId: r.blocked_id, blockedAt: r.blocked_at, until: r.until }));
}
