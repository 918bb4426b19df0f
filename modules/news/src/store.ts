import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type Selectable,
  type SqlBool,
} from 'kysely';
import {
  afterCursor,
  integer,
  nullable,
  pageOf,
  real,
  text,
  type Migration,
  type TablesOf,
  type TimeCursor,
  type Tx,
} from '@meetcute/core';
import { blockedPairsMigration, blockedPairsTables, hiddenFrom, BLOCKED_PAIRS } from '@meetcute/block';
import { boundingBox } from '@meetcute/cities';
import type { Application, Gender } from '@meetcute/registration/events';
import { fits, BACKFILL, PAGE_SIZE, type MemberFacts } from './rules.ts';

export type ItemKind = 'new-member' | 'diary-post' | 'photo';

export const tables = {
  /** The feed's own view of an approved member: what the matching rule and the cards need. */
  members: {
    member_id: text(),
    nickname: text(),
    gender: text<Gender>(),
    birthday: text(),
    city_label: text(),
    latitude: real(),
    longitude: real(),
    time_zone: text(),
    /** The genders they look for, as a JSON array. */
    genders: text(),
    min_age: integer(),
    max_age: integer(),
    max_distance_km: integer(),
    approved_at: text(),
  },
  /** An item once: a new member, a diary post with its current text, or a photo. */
  items: { item_id: text(), kind: text<ItemKind>(), author_id: text(), text: nullable(text()), at: text() },
  /** How far a member has seen their feed. */
  seen: { member_id: text(), up_to: text() },
  /** The author's items up to up_to stay out of the viewer's feed: a block between them was lifted. */
  hidden: { viewer_id: text(), author_id: text(), up_to: text() },
  ...blockedPairsTables,
};
export type NewsTables = TablesOf<typeof tables>;
type Tables = NewsTables;
export type NewsDb = Kysely<Tables>;

export const migrations: Migration[] = [
  {
    name: '0001_news',
    async up(db) {
      // The feed's own view of members: what the matching rule and the cards need.
      // Coordinates as double precision: PostgreSQL's `real` would move a place by metres.
      await sql`create table members (
        member_id text primary key,
        nickname text not null,
        gender text not null,
        birthday text not null,
        city_label text not null,
        latitude double precision not null,
        longitude double precision not null,
        time_zone text not null,
        genders text not null,
        min_age integer not null,
        max_age integer not null,
        max_distance_km integer not null,
        approved_at text not null
      )`.execute(db);
      // Every item once: a new member, a diary post with its current text, or a photo (item_id is its id).
      await sql`create table items (
        item_id text primary key,
        kind text not null,
        author_id text not null,
        text text,
        at text not null
      )`.execute(db);
      await sql`create index items_recent on items (at, item_id)`.execute(db);
      await sql`create index items_author on items (author_id)`.execute(db);
      // Fan-out on write: one row per viewer the item's author fits (see README.md).
      await sql`create table feed (
        viewer_id text not null,
        item_id text not null,
        author_id text not null,
        at text not null,
        primary key (viewer_id, item_id)
      )`.execute(db);
      await sql`create index feed_page on feed (viewer_id, at, item_id)`.execute(db);
      await sql`create index feed_item on feed (item_id)`.execute(db);
      await sql`create index feed_author on feed (author_id, viewer_id)`.execute(db);
      await sql`create table seen (member_id text primary key, up_to text not null)`.execute(db);
    },
  },
  blockedPairsMigration,
  {
    // Every query of `feed` starts from a viewer, and a page walks it by (at, item_id): keyed
    // that way, the table is its own page index. Five B-trees per row became two (SQLite
    // keeps a WITHOUT ROWID table in its primary key's order), which cut the projection's
    // writes to a fifth (README.md). The author index went: a block's delete starts from
    // the viewer. An item's `at` never changes, so (viewer, at, item) is as unique as
    // (viewer, item) was.
    name: '0002_feed_keyed_by_viewer_and_time',
    async up(db, dialect) {
      await sql`create table feed_by_viewer (
        viewer_id text not null,
        at text not null,
        item_id text not null,
        author_id text not null,
        primary key (viewer_id, at, item_id)
      )${sql.raw(dialect === 'sqlite' ? ' without rowid' : '')}`.execute(db);
      await sql`insert into feed_by_viewer (viewer_id, at, item_id, author_id)
        select viewer_id, at, item_id, author_id from feed`.execute(db);
      await sql`drop table feed`.execute(db);
      await sql`alter table feed_by_viewer rename to feed`.execute(db);
      await sql`create index feed_item on feed (item_id)`.execute(db);
    },
  },
  {
    // Feeds are worked out when they are read (README.md): the copy of each item per reader
    // goes. What a block removed for good is kept instead as a time per pair, "hidden up
    // to", noted when the block is lifted. The dropped rows were the only record of what
    // earlier blocks removed, so the feed's tables are projected again from the event log:
    // the consumer starts over from the log's beginning on the next start.
    name: '0003_feeds_worked_out_when_read',
    async up(db) {
      await sql`create table hidden (
        viewer_id text not null,
        author_id text not null,
        up_to text not null,
        primary key (viewer_id, author_id)
      )`.execute(db);
      await sql`create index hidden_by_author on hidden (author_id)`.execute(db);
      await sql`drop table feed`.execute(db);
      for (const table of ['members', 'items', 'seen', BLOCKED_PAIRS, 'inbox', 'parked_events'])
        await sql`delete from ${sql.table(table)}`.execute(db);
      await sql`delete from checkpoint where consumer = 'news'`.execute(db);
    },
  },
];

export const projections = ['members', 'items', 'hidden', 'seen', BLOCKED_PAIRS];

/** A member as the feed stores them, with what a card shows. */
export interface Member extends MemberFacts {
  nickname: string;
  cityLabel: string;
  /** When the feed first knew them: their feed holds what came after, and the back-fill. */
  approvedAt: string;
}

type MemberRow = Selectable<Tables['members']>;

function toMember(r: MemberRow): Member {
  return {
    memberId: r.member_id,
    nickname: r.nickname,
    gender: r.gender,
    birthday: r.birthday,
    cityLabel: r.city_label,
    city: { latitude: Number(r.latitude), longitude: Number(r.longitude), timeZone: r.time_zone },
    lookingFor: {
      genders: JSON.parse(r.genders) as Gender[],
      minAge: Number(r.min_age),
      maxAge: Number(r.max_age),
      maxDistanceKm: Number(r.max_distance_km),
    },
    approvedAt: r.approved_at,
  };
}

export async function findMember(db: NewsDb, memberId: string): Promise<Member | undefined> {
  const row = await db.selectFrom('members').selectAll().where('member_id', '=', memberId).executeTakeFirst();
  return row ? toMember(row) : undefined;
}

/** Stores the approved facts; true when the member is new to the feed. */
export async function saveMember(
  tx: Tx<Tables>,
  memberId: string,
  a: Application,
  at: string,
): Promise<boolean> {
  const facts = {
    nickname: a.nickname,
    gender: a.gender,
    birthday: a.birthday,
    city_label: a.city.label,
    latitude: a.city.latitude,
    longitude: a.city.longitude,
    time_zone: a.city.timeZone,
    genders: JSON.stringify(a.lookingFor.genders),
    min_age: a.lookingFor.minAge,
    max_age: a.lookingFor.maxAge,
    max_distance_km: a.lookingFor.maxDistanceKm,
  };
  const known = await tx.db
    .selectFrom('members')
    .select('member_id')
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  if (known) {
    await tx.db.updateTable('members').set(facts).where('member_id', '=', memberId).execute();
    return false;
  }
  await tx.db
    .insertInto('members')
    .values({ member_id: memberId, approved_at: at, ...facts })
    .execute();
  return true;
}

/**
 * Changes an approved member's stored facts (a new place, whom they look for, a new
 * nickname); false when the feed does not know them.
 */
export async function changeMember(
  tx: Tx<Tables>,
  memberId: string,
  facts: Partial<Omit<MemberRow, 'member_id' | 'approved_at'>>,
): Promise<boolean> {
  const changed = await tx.db
    .updateTable('members')
    .set(facts)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return Number(changed.numUpdatedRows) > 0;
}

/**
 * Records an item once; false when it was already there (a redelivery). Nothing is
 * copied per reader: feeds are worked out when read (`feedOf`).
 */
export async function addItem(
  tx: Tx<Tables>,
  item: { itemId: string; kind: ItemKind; author: Member; text: string | null; at: string },
): Promise<boolean> {
  const inserted = await tx.db
    .insertInto('items')
    .values({
      item_id: item.itemId,
      kind: item.kind,
      author_id: item.author.memberId,
      text: item.text,
      at: item.at,
    })
    .onConflict((oc) => oc.column('item_id').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** A reader of feeds, with what keeps items out of theirs besides the rule. */
interface Reader {
  viewer: Member;
  /** Members in a blocked pair with the viewer. */
  blocked: ReadonlySet<string>;
  /** Authors whose items up to a time stay out, since a block between them was lifted. */
  hiddenUpTo: ReadonlyMap<string, string>;
}

/** Whether an item by `author` at `at` belongs in the reader's feed (before the back-fill's limit). */
function shows(reader: Reader, author: Member, at: string): boolean {
  if (reader.blocked.has(author.memberId)) return false;
  const upTo = reader.hiddenUpTo.get(author.memberId);
  if (upTo !== undefined && at <= upTo) return false;
  return fits(reader.viewer, author, at);
}

async function readerOf(db: NewsDb, viewerId: string): Promise<Reader | undefined> {
  const viewer = await findMember(db, viewerId);
  if (!viewer) return undefined;
  const [blocked, hidden] = await Promise.all([
    hiddenFrom(db, viewerId),
    db.selectFrom('hidden').select(['author_id', 'up_to']).where('viewer_id', '=', viewerId).execute(),
  ]);
  return { viewer, blocked, hiddenUpTo: new Map(hidden.map((h) => [h.author_id, h.up_to])) };
}

/** Items read at a time while working out a feed: a first page needs few, a count more. */
const SCAN_FIRST = 100;
const SCAN_NEXT = 500;

export const isOlder = (e: { at: string; itemId: string }, than: TimeCursor) =>
  e.at < than.at || (e.at === than.at && e.itemId < than.id);

/** Beyond this many authors of the gender and place a viewer looks for, items are read in time order. */
const AUTHORS_AT_MOST = 250;

/**
 * The SQL side of "fits what the viewer looks for", on `members as m`: another member, of
 * a gender they look for, in the box around their place. The rule decides the rest.
 */
function wantedBy(viewer: Member) {
  const box = boundingBox(viewer.city, viewer.lookingFor.maxDistanceKm);
  const longitudes = box.longitudes;
  return (eb: ExpressionBuilder<{ m: Tables['members'] }, 'm'>): Expression<SqlBool> =>
    eb.and([
      eb('m.member_id', '!=', viewer.memberId),
      eb('m.gender', 'in', viewer.lookingFor.genders),
      eb('m.latitude', '>=', box.minLat),
      eb('m.latitude', '<=', box.maxLat),
      ...(longitudes ? [eb.or(longitudes.map(([lo, hi]) => eb.between('m.longitude', lo, hi)))] : []),
    ]);
}

/**
 * The members whose items may be in a viewer's feed: of a gender they look for, in the
 * box around their place (the rule decides the distance, and the age at each item's
 * time), not themselves. Null when there are more than AUTHORS_AT_MOST: most items then
 * fit, and reading the items in time order finds a page sooner.
 */
async function authorsFor(db: NewsDb, viewer: Member): Promise<Map<string, Member> | null> {
  const query = db.selectFrom('members as m').selectAll('m').where(wantedBy(viewer));
  const rows = await query.limit(AUTHORS_AT_MOST + 1).execute();
  if (rows.length > AUTHORS_AT_MOST) return null;
  return new Map(rows.map((r) => [r.member_id, toMember(r)]));
}

/**
 * A member's feed, newest first, after `after` when given: every item by a member who
 * fits what the viewer looks for at the item's time, not in a blocked pair with them nor
 * hidden since a block was lifted, from their approval on, and before it the BACKFILL
 * newest (so a first visit is never empty). Worked out when read, so a post costs one
 * row however many read it, and `rebuild news` is quick (README.md): SQL narrows to the
 * items of authors of the right gender and place (or, for a viewer whom most members
 * fit, reads items in time order), the rule decides.
 */
export async function* feedOf(db: NewsDb, viewerId: string, after?: TimeCursor): AsyncGenerator<FeedRef> {
  const reader = await readerOf(db, viewerId);
  if (!reader || reader.viewer.lookingFor.genders.length === 0) return;
  const { viewer } = reader;
  const authors = await authorsFor(db, viewer);
  if (authors?.size === 0) return;
  // The back-fill is counted from the approval down, so a page that starts inside it starts counting there.
  let cursor: TimeCursor | undefined =
    after && after.at < viewer.approvedAt ? { at: viewer.approvedAt, id: '' } : after;
  let backfilled = 0;
  // Read in time order, authors come with their items; each is made from its row once per scan.
  const met = authors ?? new Map<string, Member>();
  for (let scan = SCAN_FIRST; ; scan = SCAN_NEXT) {
    // The items of a few hundred authors come in one read; items in time order a page at a time.
    const rows = authors
      ? await itemsBy(db, [...authors.keys()], cursor)
      : await itemsInTimeOrder(db, viewer, cursor, scan);
    for (const row of rows) {
      let author = met.get(row.author_id);
      // Only items read in time order meet an author not met yet, and those rows carry the author's columns.
      if (!author) met.set(row.author_id, (author = toMember(row as ItemRef & MemberRow)));
      if (!shows(reader, author, row.at)) continue;
      if (row.at < viewer.approvedAt && ++backfilled > BACKFILL) return;
      const entry: FeedRef = { itemId: row.item_id, kind: row.kind, at: row.at, author };
      if (!after || isOlder(entry, after)) yield entry;
    }
    const last = rows.at(-1);
    if (authors || rows.length < scan || !last) return;
    cursor = { at: last.at, id: last.item_id };
  }
}

/** Every item of these authors after the cursor, newest first. */
async function itemsBy(db: NewsDb, authorIds: string[], cursor: TimeCursor | undefined): Promise<ItemRef[]> {
  let query = db
    .selectFrom('items as i')
    .select(['i.item_id', 'i.kind', 'i.at', 'i.author_id'])
    .where('i.author_id', 'in', authorIds);
  if (cursor) query = query.where(afterCursor(cursor, 'i.at', 'i.item_id'));
  return await query.orderBy('i.at', 'desc').orderBy('i.item_id', 'desc').execute();
}

/** The newest items after the cursor by members of a gender and place the viewer looks for, with their authors. */
async function itemsInTimeOrder(
  db: NewsDb,
  viewer: Member,
  cursor: TimeCursor | undefined,
  limit: number,
): Promise<Array<ItemRef & MemberRow>> {
  let query = db
    .selectFrom('items as i')
    .innerJoin('members as m', 'm.member_id', 'i.author_id')
    .selectAll('m')
    .select(['i.item_id', 'i.kind', 'i.at', 'i.author_id'])
    .where(wantedBy(viewer));
  if (cursor) query = query.where(afterCursor(cursor, 'i.at', 'i.item_id'));
  return await query.orderBy('i.at', 'desc').orderBy('i.item_id', 'desc').limit(limit).execute();
}

/** The first `n` entries of a feed after `after`. */
async function firstOf(db: NewsDb, viewerId: string, n: number, after?: TimeCursor): Promise<FeedRef[]> {
  const entries: FeedRef[] = [];
  if (n <= 0) return entries;
  for await (const entry of feedOf(db, viewerId, after)) {
    entries.push(entry);
    if (entries.length >= n) break;
  }
  return entries;
}

/** What a new or removed item does to the feeds being read, of those given. */
export interface Reach {
  /** Viewers whose feed it is in at its head: counters and heads move by one. */
  fresh: string[];
  /** Viewers for whom it falls before their approval, where the back-fill's limit applies: read again. */
  early: string[];
}

/**
 * Which of `viewers` (with their facts) an item by `author` at `at` reaches: the same
 * test `feedOf` makes, for the members whose feeds are held in memory.
 */
export async function reachOf(
  db: NewsDb,
  author: Member,
  at: string,
  viewers: ReadonlyMap<string, Member>,
): Promise<Reach> {
  const reach: Reach = { fresh: [], early: [] };
  if (viewers.size === 0) return reach;
  const [blocked, hidden] = await Promise.all([
    hiddenFrom(db, author.memberId),
    db.selectFrom('hidden').select(['viewer_id', 'up_to']).where('author_id', '=', author.memberId).execute(),
  ]);
  const hiddenUpTo = new Map(hidden.map((h) => [h.viewer_id, h.up_to]));
  const none = new Map<string, string>();
  for (const viewer of viewers.values()) {
    const upTo = hiddenUpTo.get(viewer.memberId);
    const reader: Reader = {
      viewer,
      blocked,
      hiddenUpTo: upTo === undefined ? none : new Map([[author.memberId, upTo]]),
    };
    if (!shows(reader, author, at)) continue;
    (at < viewer.approvedAt ? reach.early : reach.fresh).push(viewer.memberId);
  }
  return reach;
}

/** After a block is lifted, what each had of the other up to then stays out of their feeds. */
export async function hidePair(tx: Tx<Tables>, a: string, b: string, upTo: string): Promise<void> {
  for (const [viewer, author] of [
    [a, b],
    [b, a],
  ] as const) {
    await tx.db
      .insertInto('hidden')
      .values({ viewer_id: viewer, author_id: author, up_to: upTo })
      .onConflict((oc) =>
        oc.columns(['viewer_id', 'author_id']).doUpdateSet({ up_to: upTo }).where('hidden.up_to', '<', upTo),
      )
      .execute();
  }
}

/** A diary edit changes the text everywhere at once: feeds point at the one item. */
export async function editItem(
  tx: Tx<Tables>,
  itemId: string,
  authorId: string,
  text: string,
): Promise<void> {
  await tx.db
    .updateTable('items')
    .set({ text })
    .where('item_id', '=', itemId)
    .where('author_id', '=', authorId)
    .execute();
}

/** Removes an item; returns its time, or null when there was no such item. */
export async function removeItem(tx: Tx<Tables>, itemId: string, authorId: string): Promise<string | null> {
  const item = await tx.db
    .selectFrom('items')
    .select('at')
    .where('item_id', '=', itemId)
    .where('author_id', '=', authorId)
    .executeTakeFirst();
  if (!item) return null;
  await tx.db.deleteFrom('items').where('item_id', '=', itemId).execute();
  return item.at;
}

/** Moves a member's "seen up to" forward (never back: redeliveries and races are harmless). */
export async function saveSeen(tx: Tx<Tables>, memberId: string, upTo: string): Promise<void> {
  await tx.db
    .insertInto('seen')
    .values({ member_id: memberId, up_to: upTo })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ up_to: upTo }).where('seen.up_to', '<', upTo))
    .execute();
}

export async function seenUpTo(db: NewsDb, memberId: string): Promise<string | null> {
  const rows = await db.selectFrom('seen').select('up_to').where('member_id', '=', memberId).execute();
  return rows[0]?.up_to ?? null;
}

/** Where a member's news counter stands: seen up to when, and how many items are newer. */
export interface Unseen {
  upTo: string | null;
  /** Exact below UNSEEN_COUNTED_UP_TO; that number itself means "that many or more". */
  count: number;
  /**
   * The same, photo items left out: what the counter says to a member the news.photos
   * flag is off for, whose feed shows none (counted apart, so each is exact up to the cap).
   */
  withoutPhotos: number;
}

/**
 * The news counter counts this far and no further: the top bar shows "99+" from here on,
 * and counting a whole feed that was never read (every item since the member joined) was
 * most of the cost of the first page a member opened.
 */
export const UNSEEN_COUNTED_UP_TO = 100;

/** One more unseen item, as the counter counts it. */
export const oneMoreUnseen = (count: number) => Math.min(UNSEEN_COUNTED_UP_TO, count + 1);

/** Counts the feed's items newer than `upTo`, what the member has seen (every one, when nothing yet), up to the cap. */
export async function unseenOf(db: NewsDb, memberId: string, upTo: string | null): Promise<Unseen> {
  let count = 0;
  let withoutPhotos = 0;
  for await (const entry of feedOf(db, memberId)) {
    if (upTo !== null && entry.at <= upTo) break;
    count = oneMoreUnseen(count);
    if (entry.kind !== 'photo') withoutPhotos = oneMoreUnseen(withoutPhotos);
    if (withoutPhotos === UNSEEN_COUNTED_UP_TO) break;
  }
  return { upTo, count, withoutPhotos };
}

export async function allMembers(db: NewsDb): Promise<Array<[string, Member]>> {
  const rows = await db.selectFrom('members').selectAll().execute();
  return rows.map((r) => [r.member_id, toMember(r)]);
}

/** An item once, as every feed that holds it shows it. */
export interface Item {
  itemId: string;
  kind: ItemKind;
  authorId: string;
  text: string | null;
  at: string;
}

type ItemRow = Selectable<Tables['items']>;

export async function findItem(db: NewsDb, itemId: string): Promise<Item | undefined> {
  const rows = await db
    .selectFrom('items')
    .select(['item_id', 'kind', 'author_id', 'text', 'at'])
    .where('item_id', '=', itemId)
    .execute();
  const row = rows[0];
  return row && { itemId: row.item_id, kind: row.kind, authorId: row.author_id, text: row.text, at: row.at };
}

/** An entry of a member's feed: which item, of what kind, when, by whom. */
export interface HeadEntry {
  itemId: string;
  kind: ItemKind;
  at: string;
  authorId: string;
}

/**
 * How many of the newest entries of each member's feed are kept in memory: two pages of
 * the default size, and one more to know whether there is a page after them. The second
 * page is there for the page that ends inside a member's run of items (pages.ts
 * `finishRun`): on about one first page in six it reads on to finish the run, and from
 * the tables that read cost more than the page itself.
 */
export const HEAD = 2 * PAGE_SIZE.default + 1;

/**
 * How many entries of a feed are newer than `upTo`, from its head alone: undefined when
 * the head is full and all of it is newer (the feed may hold more beyond it).
 */
export function unseenInHead(
  head: readonly HeadEntry[],
  upTo: string,
): Pick<Unseen, 'count' | 'withoutPhotos'> | undefined {
  const newer = head.filter((e) => e.at > upTo);
  if (newer.length === HEAD) return undefined;
  return { count: newer.length, withoutPhotos: newer.filter((e) => e.kind !== 'photo').length };
}

/** The newest HEAD entries of a member's feed, newest first, as `feedPage` would list them. */
export async function feedHead(db: NewsDb, viewerId: string): Promise<HeadEntry[]> {
  return (await firstOf(db, viewerId, HEAD)).map((e) => ({
    itemId: e.itemId,
    kind: e.kind,
    at: e.at,
    authorId: e.author.memberId,
  }));
}

/** An item of a member's feed as it is worked out: which, of what kind, when, by whom. */
export type FeedRef = Omit<FeedEntry, 'text'>;

/** The columns a feed is worked out from. */
type ItemRef = Omit<ItemRow, 'text'>;

/** One entry of a member's feed, with its author as the feed knows them. */
export interface FeedEntry {
  itemId: string;
  kind: ItemKind;
  text: string | null;
  at: string;
  author: Member;
}

/** One page of a member's feed, newest first, after `cursor`. */
export async function feedPage(
  db: NewsDb,
  viewerId: string,
  cursor: TimeCursor | undefined,
  limit: number,
): Promise<EntriesPage> {
  const refs = await firstOf(db, viewerId, limit + 1, cursor);
  // The texts of the page's items only: a feed is worked out without them.
  const texts = new Map<string, string | null>();
  if (refs.length > 0) {
    const rows = await db
      .selectFrom('items')
      .select(['item_id', 'text'])
      .where(
        'item_id',
        'in',
        refs.map((r) => r.itemId),
      )
      .execute();
    for (const r of rows) texts.set(r.item_id, r.text);
  }
  return entriesPage(
    refs.map((r) => ({ ...r, text: texts.get(r.itemId) ?? null })),
    limit,
  );
}

/** A page of a feed's entries, as `feedPage` and the head in memory give it. */
export interface EntriesPage {
  items: FeedEntry[];
  nextCursor: string | null;
  /** The author of the entry right after the page, when there is one. */
  following?: string;
}

/** The first `limit` of `entries` (read one beyond the page, to know what follows it) as a page. */
export function entriesPage(entries: readonly FeedEntry[], limit: number): EntriesPage {
  const page: EntriesPage = pageOf(entries, limit, (e) => ({ at: e.at, id: e.itemId }));
  const following = entries[limit]?.author.memberId;
  if (following !== undefined) page.following = following;
  return page;
}
