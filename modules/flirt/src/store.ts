import { sql, type Kysely } from 'kysely';
import {
  afterCursor,
  pageOf,
  prepared,
  text,
  type Migration,
  type ModuleContext,
  type TablesOf,
  type TimeCursor,
} from '@meetcute/core';
import {
  blockedPairsMigration,
  blockedPairsTables,
  honourBlocks,
  notBlockedWith,
  BLOCKED_PAIRS,
  type Blocks,
} from '@meetcute/block';
import { FlirtSent } from './events.ts';
import type { SentFlirt } from './rules.ts';

export const tables = {
  /** A flirt sender_id sent recipient_id at sent_at (the FlirtSent event's moment). */
  flirts: { flirt_id: text(), sender_id: text(), recipient_id: text(), sent_at: text() },
  ...blockedPairsTables,
};
export type Tables = TablesOf<typeof tables>;
/** The module's database, or a transaction of it. */
export type FlirtDb = Kysely<Tables>;

export const migrations: Migration[] = [
  {
    name: '0001_flirts',
    async up(db) {
      await sql`create table flirts (
        flirt_id text primary key,
        sender_id text not null,
        recipient_id text not null,
        sent_at text not null
      )`.execute(db);
      await sql`create index flirts_sent on flirts (sender_id, sent_at, flirt_id)`.execute(db);
      await sql`create index flirts_received on flirts (recipient_id, sent_at, flirt_id)`.execute(db);
    },
  },
  blockedPairsMigration,
];

export const projections = ['flirts', BLOCKED_PAIRS];

/**
 * The flirts table is a projection of FlirtSent. A block hides the pair's flirts (every
 * list filters blocked pairs) and removes none, so lifting it brings them back. A flirt
 * that raced a block is kept like the rest, on a replay too, so `rebuild flirt` ends
 * where live delivery did. Returns the module's blocks, for the pages to ask without a query.
 */
export function project(ctx: ModuleContext<Tables>): Blocks {
  const blocks = honourBlocks(ctx);
  ctx.on(FlirtSent, async (e, tx) => {
    const { flirtId, senderId, recipientId } = e.payload;
    await tx.db
      .insertInto('flirts')
      .values({ flirt_id: flirtId, sender_id: senderId, recipient_id: recipientId, sent_at: e.occurredAt })
      .onConflict((oc) => oc.column('flirt_id').doNothing())
      .execute();
  });
  return blocks;
}

const selectSentSince = prepared((db: FlirtDb, senderId: string, since: string) =>
  db
    .selectFrom('flirts')
    .select(['recipient_id', 'sent_at'])
    .where('sender_id', '=', senderId)
    .where('sent_at', '>=', since),
);

const selectFlirtBetween = prepared((db: FlirtDb, senderId: string, recipientId: string) =>
  db
    .selectFrom('flirts')
    .select('sent_at')
    .where('sender_id', '=', senderId)
    .where('recipient_id', '=', recipientId)
    .limit(1),
);

/** Whether the sender ever flirted with the recipient (a block hides flirts but keeps them). */
export async function hasFlirted(db: FlirtDb, senderId: string, recipientId: string): Promise<boolean> {
  return (await selectFlirtBetween(db, senderId, recipientId)).length > 0;
}

/**
 * Of these members, the ones with a flirt the other way: for flirts the viewer received,
 * those the viewer flirted with too; for flirts the viewer sent, those who flirted back.
 */
export async function flirtedBack(
  db: FlirtDb,
  viewerId: string,
  direction: Direction,
  memberIds: string[],
): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const rows =
    direction === 'received'
      ? await db
          .selectFrom('flirts')
          .select('recipient_id as member_id')
          .where('sender_id', '=', viewerId)
          .where('recipient_id', 'in', memberIds)
          .execute()
      : await db
          .selectFrom('flirts')
          .select('sender_id as member_id')
          .where('recipient_id', '=', viewerId)
          .where('sender_id', 'in', memberIds)
          .execute();
  return new Set(rows.map((r) => r.member_id));
}

/** What a sender sent since a moment: the input to the limits (a day's flirts are few). */
export async function sentSince(db: FlirtDb, senderId: string, since: string): Promise<SentFlirt[]> {
  const rows = await selectSentSince(db, senderId, since);
  return rows.map((r) => ({ recipientId: r.recipient_id, sentAt: r.sent_at }));
}

/** When the sender last flirted with each member they ever flirted with. */
export async function latestSentBy(db: FlirtDb, senderId: string): Promise<ReadonlyMap<string, string>> {
  const rows = await db
    .selectFrom('flirts')
    .select((eb) => ['recipient_id', eb.fn.max('sent_at').as('at')])
    .where('sender_id', '=', senderId)
    .groupBy('recipient_id')
    .execute();
  return new Map(rows.map((r) => [r.recipient_id, String(r.at)]));
}

/** A flirt in a member's list: who the other member is, and when. */
export interface FlirtEntry {
  flirtId: string;
  /** The sender in the received list, the recipient in the sent list. */
  memberId: string;
  sentAt: string;
}

export type Direction = 'received' | 'sent';

/**
 * One page of a member's received or sent flirts, newest first, after `cursor`; never a
 * flirt with someone on either side of a block. One more row than asked tells whether
 * there is a next page.
 */
export async function flirtsPage(
  db: FlirtDb,
  memberId: string,
  direction: Direction,
  cursor: TimeCursor | undefined,
  limit: number,
): Promise<{ items: FlirtEntry[]; nextCursor: string | null }> {
  const [mine, other] =
    direction === 'received'
      ? (['recipient_id', 'sender_id'] as const)
      : (['sender_id', 'recipient_id'] as const);
  let query = db
    .selectFrom('flirts as f')
    .select(['f.flirt_id', 'f.sent_at', `f.${other} as member_id`])
    .where(`f.${mine}`, '=', memberId)
    .where(notBlockedWith(memberId, `f.${other}`));
  if (cursor) query = query.where(afterCursor(cursor, 'f.sent_at', 'f.flirt_id'));
  const rows = await query
    .orderBy('f.sent_at', 'desc')
    .orderBy('f.flirt_id', 'desc')
    .limit(limit + 1)
    .execute();
  return pageOf(
    rows.map((r) => ({ flirtId: r.flirt_id, memberId: r.member_id, sentAt: r.sent_at })),
    limit,
    (e) => ({ at: e.sentAt, id: e.flirtId }),
  );
}
