import { sql } from 'kysely';
import {
  afterCursor,
  pageOf,
  prepared,
  type Db,
  type Dialect,
  type Migration,
  type TimeCursor,
  type Tx,
  type TxDb,
} from '@meetcute/core';
import { blockedPairsMigration, hiddenFrom, notBlockedWith, BLOCKED_PAIRS } from '@meetcute/block';
import { boundingBox } from '@meetcute/cities';
import type { Application, Gender } from '@meetcute/registration/events';
import { fits, ageAt, birthdayBy, BACKFILL, type MemberFacts } from './rules.ts';

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
];

export const projections = ['members', 'items', 'feed', 'seen', BLOCKED_PAIRS];

export type ItemKind = 'new-member' | 'diary-post' | 'photo';

/** A member as the feed stores them, with what a card shows. */
export interface Member extends MemberFacts {
  nickname: string;
  cityLabel: string;
}

interface MemberRow {
  member_id: string;
  nickname: string;
  gender: string;
  birthday: string;
  city_label: string;
  latitude: number;
  longitude: number;
  time_zone: string;
  genders: string;
  min_age: number;
  max_age: number;
  max_distance_km: number;
}

function toMember(r: MemberRow): Member {
  return {
    memberId: r.member_id,
    nickname: r.nickname,
    gender: r.gender as Gender,
    birthday: r.birthday,
    cityLabel: r.city_label,
    city: { latitude: Number(r.latitude), longitude: Number(r.longitude), timeZone: r.time_zone },
    lookingFor: {
      genders: JSON.parse(r.genders) as Gender[],
      minAge: Number(r.min_age),
      maxAge: Number(r.max_age),
      maxDistanceKm: Number(r.max_distance_km),
    },
  };
}

export async function findMember(db: Db | TxDb, memberId: string): Promise<Member | undefined> {
  const row = (await db
    .selectFrom('members')
    .selectAll()
    .where('member_id', '=', memberId)
    .executeTakeFirst()) as MemberRow | undefined;
  return row ? toMember(row) : undefined;
}

/** Stores the approved facts; true when the member is new to the feed. */
export async function saveMember(tx: Tx, memberId: string, a: Application, at: string): Promise<boolean> {
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

/** Rows per multi-row insert: well under SQLite's and PostgreSQL's bound-parameter limits. */
const INSERT_CHUNK = 500;

type FeedRow = { viewer_id: string; item_id: string; author_id: string; at: string };

const insertFeedRow = prepared((db, viewerId: string, at: string, itemId: string, authorId: string) =>
  db
    .insertInto('feed')
    .values({ viewer_id: viewerId, at, item_id: itemId, author_id: authorId })
    .onConflict((oc) => oc.columns(['viewer_id', 'at', 'item_id']).doNothing()),
);

/**
 * SQLite runs in this process: one prepared single-row insert per viewer costs no round
 * trip, and took half the time of multi-row VALUES (which SQLite stages in a temporary
 * table). PostgreSQL is across a socket, where one statement per chunk wins.
 */
async function insertFeed(db: TxDb, dialect: Dialect, rows: FeedRow[]): Promise<void> {
  if (dialect === 'sqlite') {
    for (const r of rows) await insertFeedRow(db, r.viewer_id, r.at, r.item_id, r.author_id);
    return;
  }
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await db
      .insertInto('feed')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .onConflict((oc) => oc.columns(['viewer_id', 'at', 'item_id']).doNothing())
      .execute();
  }
}

/**
 * Records an item and copies it into the feed of every member its author fits, except
 * those in a blocked pair with the author. Returns the viewers it reached (null when the
 * item was already there: a redelivery).
 */
export async function addItem(
  tx: Tx,
  dialect: Dialect,
  item: { itemId: string; kind: ItemKind; author: Member; text: string | null; at: string },
): Promise<string[] | null> {
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
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return null;
  // SQL narrows by age range, gender and each viewer's distance north-south (a great
  // circle is never shorter than its change in latitude); the rule decides exactly.
  const age = ageAt(item.author, item.at);
  const candidates = (await tx.db
    .selectFrom('members')
    .selectAll()
    .where('member_id', '!=', item.author.memberId)
    .where('min_age', '<=', age)
    .where('max_age', '>=', age)
    .where('genders', 'like', `%"${item.author.gender}"%`)
    .where((eb) =>
      eb(
        sql`abs(latitude - ${item.author.city.latitude}) * ${KM_PER_DEGREE}`,
        '<=',
        eb.ref('max_distance_km'),
      ),
    )
    .execute()) as MemberRow[];
  const hidden = await hiddenFrom(tx.db, item.author.memberId);
  const viewers = candidates
    .map(toMember)
    .filter((v) => !hidden.has(v.memberId) && fits(item.author, v, item.at))
    .map((v) => v.memberId);
  await insertFeed(
    tx.db,
    dialect,
    viewers.map((viewerId) => ({
      viewer_id: viewerId,
      item_id: item.itemId,
      author_id: item.author.memberId,
      at: item.at,
    })),
  );
  return viewers;
}

/** How many existing items are read at a time while looking for a new member's back-fill. */
const BACKFILL_SCAN = 500;

/** A little under a degree of latitude, so the SQL pre-filters never drop anyone the rule takes. */
const KM_PER_DEGREE = 111.0;

/**
 * Gives a newly approved member the most recent items by members who fit them, so their
 * first visit is never empty. The rule is the same as for new items, at each item's time.
 */
export async function backfill(tx: Tx, dialect: Dialect, viewer: Member, at: string): Promise<number> {
  const hidden = await hiddenFrom(tx.db, viewer.memberId);
  // Only authors near enough, and old enough now to have been old enough then, are read;
  // scanning every item for the few that fit made each approval cost the whole history.
  const box = boundingBox(viewer.city, viewer.lookingFor.maxDistanceKm);
  const bornBy = birthdayBy(viewer.lookingFor.minAge, at);
  const chosen: FeedRow[] = [];
  let after: TimeCursor | null = null;
  while (chosen.length < BACKFILL) {
    // SQL narrows by gender and brings each author along; the rule decides (age at the item's time, distance).
    let query = tx.db
      .selectFrom('items as i')
      .innerJoin('members as m', 'm.member_id', 'i.author_id')
      .selectAll('m')
      .select(['i.item_id', 'i.at'])
      .where('i.author_id', '!=', viewer.memberId)
      .where('m.gender', 'in', viewer.lookingFor.genders)
      .where('m.birthday', '<=', bornBy)
      .where('m.latitude', '>=', box.minLat)
      .where('m.latitude', '<=', box.maxLat);
    const longitudes = box.longitudes;
    if (longitudes) {
      query = query.where((eb) => eb.or(longitudes.map(([lo, hi]) => eb.between('m.longitude', lo, hi))));
    }
    if (after) query = query.where(afterCursor(after, 'i.at', 'i.item_id'));
    const rows = (await query
      .orderBy('i.at', 'desc')
      .orderBy('i.item_id', 'desc')
      .limit(BACKFILL_SCAN)
      .execute()) as Array<MemberRow & { item_id: string; at: string }>;
    for (const row of rows) {
      if (chosen.length >= BACKFILL) break;
      if (hidden.has(row.member_id) || !fits(toMember(row), viewer, row.at)) continue;
      chosen.push({ viewer_id: viewer.memberId, item_id: row.item_id, author_id: row.member_id, at: row.at });
    }
    const last = rows.at(-1);
    if (rows.length < BACKFILL_SCAN || !last) break;
    after = { at: last.at, id: last.item_id };
  }
  await insertFeed(tx.db, dialect, chosen);
  return chosen.length;
}

/** A diary edit changes the text everywhere at once: feeds point at the one item. */
export async function editItem(tx: Tx, itemId: string, authorId: string, text: string): Promise<void> {
  await tx.db
    .updateTable('items')
    .set({ text })
    .where('item_id', '=', itemId)
    .where('author_id', '=', authorId)
    .execute();
}

/**
 * Removes an item from every feed; returns the viewers who had not seen it yet (their
 * counters drop), or null when there was no such item.
 */
export async function removeItem(tx: Tx, itemId: string, authorId: string): Promise<string[] | null> {
  const item = await tx.db
    .selectFrom('items')
    .select('at')
    .where('item_id', '=', itemId)
    .where('author_id', '=', authorId)
    .executeTakeFirst();
  if (!item) return null;
  const unseen = (await tx.db
    .selectFrom('feed as f')
    .leftJoin('seen as s', 's.member_id', 'f.viewer_id')
    .select('f.viewer_id')
    .where('f.item_id', '=', itemId)
    .where((eb) => eb.or([eb('s.up_to', 'is', null), eb('s.up_to', '<', item.at)]))
    .execute()) as Array<{ viewer_id: string }>;
  await tx.db.deleteFrom('feed').where('item_id', '=', itemId).execute();
  await tx.db.deleteFrom('items').where('item_id', '=', itemId).execute();
  return unseen.map((r) => r.viewer_id);
}

/** A block removes what each of the pair has in the other's feed; nothing comes back on unblock. */
export async function forgetPair(tx: Tx, a: string, b: string): Promise<void> {
  await tx.db
    .deleteFrom('feed')
    .where((eb) =>
      eb.or([
        eb.and([eb('viewer_id', '=', a), eb('author_id', '=', b)]),
        eb.and([eb('viewer_id', '=', b), eb('author_id', '=', a)]),
      ]),
    )
    .execute();
}

/** Moves a member's "seen up to" forward (never back: redeliveries and races are harmless). */
export async function saveSeen(tx: Tx, memberId: string, upTo: string): Promise<void> {
  await tx.db
    .insertInto('seen')
    .values({ member_id: memberId, up_to: upTo })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ up_to: upTo }).where('seen.up_to', '<', upTo))
    .execute();
}

export async function seenUpTo(db: Db | TxDb, memberId: string): Promise<string | null> {
  const rows = (await db
    .selectFrom('seen')
    .select('up_to')
    .where('member_id', '=', memberId)
    .execute()) as Array<{
    up_to: string;
  }>;
  return rows[0]?.up_to ?? null;
}

/** The time of the newest item in a member's feed, or null when it is empty. */
export async function newestAt(db: Db | TxDb, memberId: string): Promise<string | null> {
  const rows = (await db
    .selectFrom('feed')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('viewer_id', '=', memberId)
    .execute()) as Array<{ at: string | null }>;
  return rows[0]?.at ?? null;
}

/** Items in each member's feed newer than what they have seen. */
export async function unseenCounts(
  db: Db | TxDb,
  memberIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>(memberIds.map((id) => [id, 0]));
  for (let i = 0; i < memberIds.length; i += INSERT_CHUNK) {
    const rows = (await db
      .selectFrom('feed as f')
      .leftJoin('seen as s', 's.member_id', 'f.viewer_id')
      .select(['f.viewer_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('f.viewer_id', 'in', memberIds.slice(i, i + INSERT_CHUNK))
      .where((eb) => eb.or([eb('s.up_to', 'is', null), eb('f.at', '>', eb.ref('s.up_to'))]))
      .groupBy('f.viewer_id')
      .execute()) as Array<{ viewer_id: string; n: number | string }>;
    for (const r of rows) counts.set(r.viewer_id, Number(r.n));
  }
  return counts;
}

/** Where a member's news counter stands: seen up to when, and how many items are newer. */
export interface Unseen {
  upTo: string | null;
  count: number;
}

export async function unseenOf(db: Db | TxDb, memberId: string): Promise<Unseen> {
  const [upTo, counts] = await Promise.all([seenUpTo(db, memberId), unseenCounts(db, [memberId])]);
  return { upTo, count: counts.get(memberId) ?? 0 };
}

export async function allMembers(db: Db): Promise<Array<[string, Member]>> {
  const rows = (await db.selectFrom('members').selectAll().execute()) as MemberRow[];
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

interface ItemRow {
  item_id: string;
  kind: ItemKind;
  author_id: string;
  text: string | null;
  at: string;
}

export async function findItem(db: Db | TxDb, itemId: string): Promise<Item | undefined> {
  const rows = (await db
    .selectFrom('items')
    .select(['item_id', 'kind', 'author_id', 'text', 'at'])
    .where('item_id', '=', itemId)
    .execute()) as ItemRow[];
  const row = rows[0];
  return row && { itemId: row.item_id, kind: row.kind, authorId: row.author_id, text: row.text, at: row.at };
}

/** An entry of a member's feed: which item, when, by whom. */
export interface HeadEntry {
  itemId: string;
  at: string;
  authorId: string;
}

/**
 * How many of the newest entries of each member's feed are kept in memory: a first page
 * of the default size, and one more to know whether there is a next page.
 */
export const HEAD = 21;

/** The newest HEAD entries of a member's feed, newest first, as `feedPage` would list them. */
export async function feedHead(db: Db | TxDb, viewerId: string): Promise<HeadEntry[]> {
  const rows = (await db
    .selectFrom('feed as f')
    .select(['f.item_id', 'f.at', 'f.author_id'])
    .where('f.viewer_id', '=', viewerId)
    .where(notBlockedWith(viewerId, 'f.author_id'))
    .orderBy('f.at', 'desc')
    .orderBy('f.item_id', 'desc')
    .limit(HEAD)
    .execute()) as Array<{ item_id: string; at: string; author_id: string }>;
  return rows.map((r) => ({ itemId: r.item_id, at: r.at, authorId: r.author_id }));
}

/** One entry of a member's feed, with its author as the feed knows them. */
export interface FeedEntry {
  itemId: string;
  kind: ItemKind;
  text: string | null;
  at: string;
  author: Member;
}

/**
 * One page of a member's feed, newest first, after `cursor`; never an item by someone in
 * a blocked pair with them (blocks remove those rows already; the filter guards the read).
 */
export async function feedPage(
  db: Db,
  viewerId: string,
  cursor: TimeCursor | undefined,
  limit: number,
): Promise<{ items: FeedEntry[]; nextCursor: string | null }> {
  let query = db
    .selectFrom('feed as f')
    .innerJoin('items as i', 'i.item_id', 'f.item_id')
    .innerJoin('members as m', 'm.member_id', 'f.author_id')
    .selectAll('m')
    .select(['f.item_id', 'f.at', 'i.kind', 'i.text'])
    .where('f.viewer_id', '=', viewerId)
    .where(notBlockedWith(viewerId, 'f.author_id'));
  if (cursor) query = query.where(afterCursor(cursor, 'f.at', 'f.item_id'));
  const rows = (await query
    .orderBy('f.at', 'desc')
    .orderBy('f.item_id', 'desc')
    .limit(limit + 1)
    .execute()) as Array<MemberRow & { item_id: string; at: string; kind: ItemKind; text: string | null }>;
  return pageOf(
    rows.map((r) => ({ itemId: r.item_id, kind: r.kind, text: r.text, at: r.at, author: toMember(r) })),
    limit,
    (e) => ({ at: e.at, id: e.itemId }),
  );
}
