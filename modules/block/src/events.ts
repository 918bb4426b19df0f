import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SqlBool,
  type Transaction,
} from 'kysely';
import { Type } from 'typebox';
import {
  defineEvent,
  prepared,
  problems,
  type Problem,
  text,
  type EventEnvelope,
  type Migration,
  type ModuleContext,
  type TablesOf,
  type Tx,
} from '@meetcute/core';
import { MemberSuspended, SuspensionLifted } from '@meetcute/moderation/events';
import { MemberDeleted } from '@meetcute/auth/events';

export const MemberBlocked = defineEvent({
  type: 'MemberBlocked',
  module: 'block',
  description:
    'A member blocked another. From now on each is hidden from the other everywhere: their conversation, flirts, favourites and photo likes are hidden until the block is lifted, while the alerts, feed items and visits between them are removed for good. With `until`, the block lifts itself then (a MemberUnblocked by nobody).',
  schema: Type.Object({
    blockerId: Type.String(),
    blockedId: Type.String(),
    until: Type.Optional(Type.String({ description: 'When a temporary block ends' })),
  }),
});

export const MemberUnblocked = defineEvent({
  type: 'MemberUnblocked',
  module: 'block',
  description:
    'A member lifted a block, or a temporary block ran out (no actor). Future interactions are possible again, and what the block hid (their conversation, flirts, favourites, photo likes, alerts, visits) shows again; news items from before or during the block stay out of both feeds, and a private album shared before stays locked.',
  schema: Type.Object({ blockerId: Type.String(), blockedId: Type.String() }),
});

export const events = [MemberBlocked, MemberUnblocked];

/**
 * How every module honours blocks, from its own storage: it consumes MemberBlocked
 * and MemberUnblocked into a `blocked_pairs` table of its own and filters with it.
 * What the pair made together or told each other (a conversation, flirts, favourites,
 * photo likes, alerts, visits) stays stored and is hidden by that filter, so lifting the
 * block brings it back. A few things end for good, each in its module's own `onBlocked`:
 * the news keeps each one's items up to the block out of the other's feed (its `hidden`
 * table), a private album shared either way is locked again, and live notifications not
 * yet delivered between them are dropped.
 */
export const blockedPairsMigration: Migration = {
  name: '0900_blocked_pairs',
  async up(db) {
    await sql`create table blocked_pairs (blocker_id text not null, blocked_id text not null, primary key (blocker_id, blocked_id))`.execute(
      db,
    );
    await sql`create index blocked_pairs_reverse on blocked_pairs (blocked_id)`.execute(db);
  },
};

export const BLOCKED_PAIRS = 'blocked_pairs';

/** The table blockedPairsMigration makes, for a module's own table declaration. */
export const blockedPairsTables = {
  /** blocker_id blocked blocked_id; the site (blocker SITE) blocks every suspended member. */
  blocked_pairs: { blocker_id: text(), blocked_id: text() },
};

/** The part of a module's database the block kit reads and writes: its `blocked_pairs`. */
export type BlockedPairsDb = TablesOf<typeof blockedPairsTables>;

/**
 * A module's database or its transaction, as the kit's helpers take it. Both are named so
 * that TypeScript reads the caller's schema off a `Transaction<Tables>` too.
 */
export type KitDb<DB extends BlockedPairsDb> = Kysely<DB> | Transaction<DB>;

/**
 * The caller's database as the kit sees it: its `blocked_pairs` alone. Kysely's database
 * type is invariant, so a module's `Kysely<Tables>` is no `Kysely<BlockedPairsDb>` even
 * though `DB extends BlockedPairsDb` says it holds the table: the cast only forgets the
 * module's other tables. A transaction stays the same transaction.
 */
function pairsIn<DB extends BlockedPairsDb>(db: KitDb<DB>): Kysely<BlockedPairsDb> {
  return db as unknown as Kysely<BlockedPairsDb>;
}

/**
 * A suspended or banned member is blocked by the site itself: a pair with this empty
 * blocker in every module's `blocked_pairs`, so each list that hides blocked members
 * hides them from everyone, and lifting the suspension brings them back.
 */
export const SITE = '';

type BlockPayload = { blockerId: string; blockedId: string };

/** What a module does besides keeping its `blocked_pairs`; `DB` is its own database's schema. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a module that declares no tables yet is untyped
export interface HonourOptions<DB = any> {
  /**
   * Runs when a member is suspended or banned, or that ends, in the same transaction: for
   * a module that keeps lists in memory which must no longer (or again) show them.
   */
  onSanction?: (memberId: string, tx: Tx<DB>, inForce: boolean) => Promise<void> | void;
  /** Removes what must not outlive the block (notifications); runs in the same transaction as the block. */
  onBlocked?: (event: EventEnvelope<BlockPayload>, tx: Tx<DB>) => Promise<void>;
  /**
   * Keeps, when the block is lifted, what must stay removed (a module that works out its
   * lists when they are read notes the time); runs in the same transaction as the unblock.
   */
  onUnblocked?: (event: EventEnvelope<BlockPayload>, tx: Tx<DB>) => Promise<void>;
}

/** Who a member blocked and who blocked them, as one module's `blocked_pairs` holds it. */
export interface BlockList {
  blocked: ReadonlySet<string>;
  blockedBy: ReadonlySet<string>;
}

/** A module's blocks, answered from memory: the block kit's view of its `blocked_pairs`. */
export interface Blocks {
  /**
   * True when either of the two blocked the other, or either is suspended. Inside a
   * transaction pass it: the answer is then what that transaction sees (a block applied
   * earlier in the same batch included), from memory where the view is settled.
   */
  between(a: string, b: string, tx?: Tx): Promise<boolean>;
  /** True when `blockerId` blocked `blockedId` (one direction only). */
  has(blockerId: string, blockedId: string): Promise<boolean>;
  /** Everyone hidden from a member: those they blocked and those who blocked them. */
  hiddenFrom(memberId: string): Promise<Set<string>>;
  /** True while a moderator's suspension or ban of the member is in force. */
  suspended(memberId: string): Promise<boolean>;
}

async function blockListOf(db: Kysely<BlockedPairsDb>, memberId: string): Promise<BlockList> {
  const rows = await db
    .selectFrom(BLOCKED_PAIRS)
    .select(['blocker_id', 'blocked_id'])
    .where((eb) => eb.or([eb('blocker_id', '=', memberId), eb('blocked_id', '=', memberId)]))
    .execute();
  return listsOf(rows).get(memberId) ?? noBlocks();
}

/** Every member's list from the pairs: each pair is in the blocker's and in the blocked's. */
function listsOf(rows: Iterable<{ blocker_id: string; blocked_id: string }>): Map<string, BlockList> {
  const lists = new Map<string, { blocked: Set<string>; blockedBy: Set<string> }>();
  const listFor = (memberId: string) => {
    let list = lists.get(memberId);
    if (!list) lists.set(memberId, (list = { blocked: new Set(), blockedBy: new Set() }));
    return list;
  };
  for (const r of rows) {
    listFor(r.blocker_id).blocked.add(r.blocked_id);
    listFor(r.blocked_id).blockedBy.add(r.blocker_id);
  }
  return lists;
}

const noBlocks = (): BlockList => ({ blocked: new Set(), blockedBy: new Set() });
const withMember = (set: ReadonlySet<string>, id: string) => new Set([...set, id]);
const withoutMember = (set: ReadonlySet<string>, id: string) => new Set([...set].filter((x) => x !== id));
// A complete view holds no entry for a member without blocks: the first block makes one.
const blocking = ({ blocked, blockedBy }: BlockList = noBlocks(), id: string): BlockList => ({
  blocked: withMember(blocked, id),
  blockedBy,
});
const blockedBy = ({ blocked, blockedBy }: BlockList = noBlocks(), id: string): BlockList => ({
  blocked,
  blockedBy: withMember(blockedBy, id),
});
/** The pair's answer from `a`'s list and the site's (the suspended): the one rule both paths use. */
const pairBlocked = (l: BlockList, site: BlockList, a: string, b: string): boolean =>
  l.blocked.has(b) || l.blockedBy.has(b) || site.blocked.has(a) || site.blocked.has(b);

/**
 * Subscribes the module to blocks and returns its block list as an in-memory view. Call
 * once in register(); list both events in `consumes`. Options that need the blocks
 * themselves (a projection checking the pairs it removes from) are given as a function.
 */
export function honourBlocks<DB extends BlockedPairsDb>(
  ctx: ModuleContext<DB>,
  optionsOf: HonourOptions<DB> | ((blocks: Blocks) => HonourOptions<DB>) = {},
): Blocks {
  const db = pairsIn(ctx.db);
  const lists = ctx.view<BlockList>({
    name: BLOCKED_PAIRS,
    load: (memberId) => blockListOf(db, memberId),
    // Few members block anyone: every list is held from the start, so a member with none
    // is answered without a query, and projections check each flirt, visit and message
    // against memory instead of the table.
    warm: async () =>
      listsOf(await db.selectFrom(BLOCKED_PAIRS).select(['blocker_id', 'blocked_id']).execute()),
    budget: 200_000,
  });
  lists.on(MemberBlocked, ({ payload: { blockerId, blockedId } }, changes) => {
    changes.update(blockerId, (l) => blocking(l, blockedId));
    changes.update(blockedId, (l) => blockedBy(l, blockerId));
  });
  lists.on(MemberUnblocked, ({ payload: { blockerId, blockedId } }, changes) => {
    changes.update(blockerId, (l) => l && { ...l, blocked: withoutMember(l.blocked, blockedId) });
    changes.update(blockedId, (l) => l && { ...l, blockedBy: withoutMember(l.blockedBy, blockerId) });
  });
  // The site's own list (key SITE) holds every suspended member.
  lists.on(MemberSuspended, ({ payload: { memberId } }, changes) => {
    changes.update(SITE, (l) => blocking(l, memberId));
    changes.update(memberId, (l) => blockedBy(l, SITE));
  });
  lists.on(SuspensionLifted, ({ payload: { memberId } }, changes) => {
    changes.update(SITE, (l) => l && { ...l, blocked: withoutMember(l.blocked, memberId) });
    changes.update(memberId, (l) => l && { ...l, blockedBy: withoutMember(l.blockedBy, SITE) });
  });
  // Rare: only the lists that hold the deleted member are read again.
  lists.on(MemberDeleted, ({ payload: { memberId } }, changes) =>
    changes.forgetWhere((l, key) => key === memberId || l.blocked.has(memberId) || l.blockedBy.has(memberId)),
  );
  const listOf = async (memberId: string): Promise<BlockList> => (await lists.get(memberId)) ?? noBlocks();
  // Another process writing this module's SQLite files is not expected, but on PostgreSQL
  // another node's consumer may have applied a block this node's memory has not seen yet:
  // there a transaction always asks its table.
  const settledInMemory = ctx.dialect === 'sqlite';
  const blocks: Blocks = {
    async between(a, b, tx) {
      if (tx) {
        const list = settledInMemory ? lists.known(a) : undefined;
        const site = list && lists.known(SITE);
        if (!list || !site) return eitherBlocked(tx.db, a, b);
        return pairBlocked(list.value ?? noBlocks(), site.value ?? noBlocks(), a, b);
      }
      const [l, site] = await Promise.all([listOf(a), listOf(SITE)]);
      return pairBlocked(l, site, a, b);
    },
    async has(blockerId, blockedId) {
      return (await listOf(blockerId)).blocked.has(blockedId);
    },
    async suspended(memberId) {
      return (await listOf(SITE)).blocked.has(memberId);
    },
    async hiddenFrom(memberId) {
      const [l, site] = await Promise.all([listOf(memberId), listOf(SITE)]);
      const hidden = new Set([...l.blocked, ...l.blockedBy, ...site.blocked]);
      hidden.delete(SITE);
      return hidden;
    },
  };
  registerBlockHandlers(ctx, typeof optionsOf === 'function' ? optionsOf(blocks) : optionsOf);
  return blocks;
}

function registerBlockHandlers<DB extends BlockedPairsDb>(
  ctx: ModuleContext<DB>,
  options: HonourOptions<DB>,
): void {
  ctx.on(MemberBlocked, async (e, tx) => {
    await pairsIn(tx.db)
      .insertInto(BLOCKED_PAIRS)
      .values({ blocker_id: e.payload.blockerId, blocked_id: e.payload.blockedId })
      .onConflict((oc) => oc.columns(['blocker_id', 'blocked_id']).doNothing())
      .execute();
    await options.onBlocked?.(e, tx);
  });
  ctx.on(MemberUnblocked, async (e, tx) => {
    await pairsIn(tx.db)
      .deleteFrom(BLOCKED_PAIRS)
      .where('blocker_id', '=', e.payload.blockerId)
      .where('blocked_id', '=', e.payload.blockedId)
      .execute();
    await options.onUnblocked?.(e, tx);
  });
  // A sanction hides; it removes nothing, so lifting it brings everything back.
  ctx.on(MemberSuspended, async ({ payload: { memberId } }, tx) => {
    await pairsIn(tx.db)
      .insertInto(BLOCKED_PAIRS)
      .values({ blocker_id: SITE, blocked_id: memberId })
      .onConflict((oc) => oc.columns(['blocker_id', 'blocked_id']).doNothing())
      .execute();
    await options.onSanction?.(memberId, tx, true);
  });
  ctx.on(SuspensionLifted, async ({ payload: { memberId } }, tx) => {
    await pairsIn(tx.db)
      .deleteFrom(BLOCKED_PAIRS)
      .where('blocker_id', '=', SITE)
      .where('blocked_id', '=', memberId)
      .execute();
    await options.onSanction?.(memberId, tx, false);
  });
}

// Projections ask this for every flirt, visit and message they apply: built once (core's prepared()).
const blockBetween = prepared((db: Kysely<BlockedPairsDb>, a: string, b: string) =>
  db
    .selectFrom(BLOCKED_PAIRS)
    .select('blocker_id')
    .where((eb) =>
      eb.or([
        eb.and([eb('blocker_id', '=', a), eb('blocked_id', '=', b)]),
        eb.and([eb('blocker_id', '=', b), eb('blocked_id', '=', a)]),
        eb.and([eb('blocker_id', '=', SITE), eb('blocked_id', 'in', [a, b])]),
      ]),
    )
    .limit(1),
);

/**
 * True when either of the two blocked the other, or either is suspended, asked of the
 * table: for a projection inside its transaction. Reads ask the module's `Blocks`
 * (`honourBlocks`), which answers from memory.
 */
export async function eitherBlocked<DB extends BlockedPairsDb>(
  db: KitDb<DB>,
  a: string,
  b: string,
): Promise<boolean> {
  return (await blockBetween(pairsIn(db), a, b)).length > 0;
}

const blockOneWay = prepared((db: Kysely<BlockedPairsDb>, blockerId: string, blockedId: string) =>
  db
    .selectFrom(BLOCKED_PAIRS)
    .select('blocker_id')
    .where('blocker_id', '=', blockerId)
    .where('blocked_id', '=', blockedId),
);

/**
 * The members of a page whose cards a member action may fill for the viewer: not the
 * viewer, and not hidden from them by a block either way; in the page's order.
 */
export async function shownTo(
  blocks: Blocks,
  viewerId: string,
  memberIds: readonly string[],
): Promise<string[]> {
  const hidden = await blocks.hiddenFrom(viewerId);
  return memberIds.filter((id) => id !== viewerId && !hidden.has(id));
}

/** Why one member may not act on another, the same for every member-to-member command. */
export type PairRefusal = 'self' | 'not-found' | 'blocked';

/**
 * The answer to a pair refusal, in the command's own words for acting on oneself and on
 * someone one blocked. Their block is never revealed: to the one they blocked (or to
 * anyone, when suspended) they simply are not there.
 */
export function pairRefused(reason: PairRefusal, words: { self: string; blocked: string }): Problem {
  switch (reason) {
    case 'self':
      return problems.invalid([{ field: 'memberId', message: words.self }]);
    case 'not-found':
      return problems.notFound('This member');
    case 'blocked':
      return problems.conflict('blocked', 'You blocked this member', words.blocked);
  }
}

/** Whether `blockerId` blocked `blockedId` (one direction only), in the consuming module's own table. */
export async function hasBlocked<DB extends BlockedPairsDb>(
  db: KitDb<DB>,
  blockerId: string,
  blockedId: string,
): Promise<boolean> {
  return (await blockOneWay(pairsIn(db), blockerId, blockedId)).length > 0;
}

/** Whether a moderator's suspension or ban of the member is in force, in the consuming module's table. */
export async function isSuspended<DB extends BlockedPairsDb>(
  db: KitDb<DB>,
  memberId: string,
): Promise<boolean> {
  return hasBlocked(db, SITE, memberId);
}

/** Everyone hidden from a member: those they blocked, those who blocked them, and the suspended. */
export async function hiddenFrom<DB extends BlockedPairsDb>(
  db: KitDb<DB>,
  memberId: string,
): Promise<Set<string>> {
  const rows = await pairsIn(db)
    .selectFrom(BLOCKED_PAIRS)
    .select(['blocker_id', 'blocked_id'])
    .where((eb) =>
      eb.or([eb('blocker_id', '=', memberId), eb('blocked_id', '=', memberId), eb('blocker_id', '=', SITE)]),
    )
    .execute();
  const hidden = new Set(
    rows.map((r) =>
      r.blocker_id === memberId ? r.blocked_id : r.blocked_id === memberId ? r.blocker_id : r.blocked_id,
    ),
  );
  hidden.delete(SITE);
  return hidden;
}

/** The events a module lists in `consumes` to honour blocks (and suspensions, the site's blocks). */
export const blockEvents = [...events, MemberSuspended, SuspensionLifted, MemberDeleted];

/**
 * What a deleted member leaves in a module's `blocked_pairs`: every pair naming them goes
 * (give it to honourDeletion's tables; the block kit's view forgets them by itself).
 */
export const blockedPairsNaming = { [BLOCKED_PAIRS]: { about: ['blocker_id', 'blocked_id'] } } as const;

/**
 * The SQL condition "the member in `column` and `viewerId` are not a blocked pair",
 * in either direction, and the member in `column` is not suspended, against the
 * consuming module's own `blocked_pairs` table. Every list filters with it, so a
 * blocked member is as if absent.
 */
export function notBlockedWith(viewerId: string, column: string) {
  return notBlockedPair(viewerId, column);
}

/**
 * The same condition between two columns of one row (a like: the photo's owner and the
 * member who liked it), for what is counted rather than listed for one viewer.
 */
export function notBlockedAcross(viewerColumn: string, column: string) {
  return notBlockedPair({ column: viewerColumn }, column);
}

function notBlockedPair(viewer: string | { column: string }, column: string) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> =>
    eb.not(
      eb.exists(
        eb
          .selectFrom(`${BLOCKED_PAIRS} as bp`)
          .select('bp.blocker_id')
          .where((x) => {
            const them = typeof viewer === 'string' ? viewer : x.ref(viewer.column);
            return x.or([
              x.and([x('bp.blocker_id', '=', them), x('bp.blocked_id', '=', x.ref(column))]),
              x.and([x('bp.blocked_id', '=', them), x('bp.blocker_id', '=', x.ref(column))]),
              x.and([x('bp.blocker_id', '=', SITE), x('bp.blocked_id', '=', x.ref(column))]),
            ]);
          }),
      ),
    );
}
