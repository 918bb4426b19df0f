import { sql, type Kysely } from 'kysely';
import {
  afterCursor,
  integer,
  nullable,
  pageOf,
  prepared,
  text,
  type TimeCursor,
  withNewest,
  type EventEnvelope,
  type Migration,
  type ModuleContext,
  type NotificationHub,
  type TablesOf,
  type Tx,
  type View,
} from '@meetcute/core';
import {
  BLOCKED_PAIRS,
  blockedPairsMigration,
  blockedPairsTables,
  notBlockedWith,
  type Blocks,
  type HonourOptions,
} from '@meetcute/block';
import { FavouriteAdded } from '@meetcute/favourites/events';
import { FlirtSent } from '@meetcute/flirt/events';
import { AboutMeApproved, AboutMeRejected, ProfileViewed } from '@meetcute/profile/events';
import {
  PhotoApproved,
  PhotoDeleted,
  PhotoLiked,
  PhotoRejected,
  PrivateAlbumUnlocked,
} from '@meetcute/photos/events';
import { RegistrationApproved } from '@meetcute/registration/events';
import { AlertsRead } from './events.ts';
import { isFresh, onceKey, SITE, type AlertKind } from './rules.ts';

export const tables = {
  /**
   * An alert for member_id about what actor_id (SITE for a moderation outcome) did;
   * alert_id is the id of the event behind it. read is 1 once at is at or before the
   * member's read mark; once_key makes visits and favourites one per actor per day.
   */
  alerts: {
    alert_id: text(),
    member_id: text(),
    kind: text<AlertKind>(),
    actor_id: text(),
    at: text(),
    read: integer<0 | 1>(),
    once_key: text(),
    /** A moderator's reason for a no; null otherwise. */
    reason: nullable(text()),
  },
  /** A member's read mark: every alert at or before up_to is read (the latest AlertsRead). */
  alerts_read: { member_id: text(), up_to: text() },
  /** A photo a like alert is about: one alert stands for every photo the liker liked that day. */
  alert_photos: { alert_id: text(), photo_id: text() },
  /** An approved photo in owner_id's private album: showing an empty album is no news. */
  private_photos: { photo_id: text(), owner_id: text() },
  ...blockedPairsTables,
};
export type AlertsTables = TablesOf<typeof tables>;
type Tables = AlertsTables;
export type AlertsDb = Kysely<Tables>;

export const migrations: Migration[] = [
  {
    name: '0001_alerts',
    async up(db) {
      // An alert for member_id about what actor_id did; alert_id is the id of the event behind it.
      // once_key makes visits and favourites one per actor per day; read is 1 once at <= the member's read mark.
      await sql`create table alerts (
        alert_id text primary key,
        member_id text not null,
        kind text not null,
        actor_id text not null,
        at text not null,
        read integer not null,
        once_key text not null
      )`.execute(db);
      await sql`create unique index alerts_once on alerts (member_id, once_key)`.execute(db);
      await sql`create index alerts_newest on alerts (member_id, at, alert_id)`.execute(db);
      await sql`create index alerts_by_actor on alerts (actor_id)`.execute(db);
      // Per member: every alert at or before up_to is read (the latest AlertsRead).
      await sql`create table alerts_read (member_id text primary key, up_to text not null)`.execute(db);
    },
  },
  blockedPairsMigration,
  {
    name: '0002_alert_photos',
    async up(db) {
      // Which photos a like alert is about: one alert stands for every photo the liker
      // liked that day, and goes when the last of them is deleted.
      await sql`create table alert_photos (
        alert_id text not null,
        photo_id text not null,
        primary key (alert_id, photo_id)
      )`.execute(db);
      await sql`create index alert_photos_photo on alert_photos (photo_id)`.execute(db);
    },
  },
  {
    // Every alert paid a page write here; a block's clean-up finds the pair's alerts by member.
    name: '0003_alerts_without_actor_index',
    async up(db) {
      await sql`drop index alerts_by_actor`.execute(db);
    },
  },
  {
    // Moderation outcomes are alerts too; a rejection carries the moderator's reason.
    name: '0004_alert_reasons',
    async up(db) {
      await sql`alter table alerts add column reason text`.execute(db);
    },
  },
  {
    // Which approved photos each member's private album holds: showing an empty album is no news.
    name: '0005_private_photos',
    async up(db) {
      await sql`create table private_photos (photo_id text primary key, owner_id text not null)`.execute(db);
      await sql`create index private_photos_owner on private_photos (owner_id)`.execute(db);
    },
  },
  {
    // Whether two members flirted with each other was a walk through all of a member's
    // alerts (a millisecond per flirt once members have hundreds): a partial index serves
    // it, paid for by flirt and match alerts only, not by the visits and likes that are most.
    name: '0006_alerts_flirts',
    async up(db) {
      await sql`create index alerts_flirts on alerts (member_id, actor_id, kind) where kind in ('flirt', 'match')`.execute(
        db,
      );
    },
  },
];

export const projections = ['alerts', 'alerts_read', BLOCKED_PAIRS, 'alert_photos', 'private_photos'];

/**
 * Alerts of the member that nobody in a blocked pair with them, nor anyone suspended,
 * caused. What the site decided is never hidden, even from a member who is suspended.
 */
function visible(db: AlertsDb, memberId: string) {
  return db
    .selectFrom('alerts as a')
    .where('a.member_id', '=', memberId)
    .where((eb) => eb.or([eb('a.actor_id', '=', SITE), notBlockedWith(memberId, 'a.actor_id')(eb)]));
}

/** How many of the member's alerts are unread. */
export async function unreadCount(db: AlertsDb, memberId: string): Promise<number> {
  const row = await visible(db, memberId)
    .where('a.read', '=', 0)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The moment of the member's newest alert, if they have any unread: what "mark all read" marks up to. */
export async function newestUnread(db: AlertsDb, memberId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('alerts')
    .select((eb) => eb.fn.max('at').as('newest'))
    .where('member_id', '=', memberId)
    .where('read', '=', 0)
    .executeTakeFirst();
  return row?.newest ?? undefined;
}

// The statements every flirt, visit, favourite and like goes through here, built once (core's prepared()).
const readMark = prepared((db: AlertsDb, memberId: string) =>
  db.selectFrom('alerts_read').select('up_to').where('member_id', '=', memberId),
);
/** The alert that already stands for this event, or for the same thing the same day (once_key). */
const alertStanding = prepared((db: AlertsDb, alertId: string, memberId: string, onceKey: string) =>
  db
    .selectFrom('alerts')
    .select('alert_id')
    .where((eb) =>
      eb.or([
        eb('alert_id', '=', alertId),
        eb.and([eb('member_id', '=', memberId), eb('once_key', '=', onceKey)]),
      ]),
    )
    .limit(1),
);
const insertAlert = prepared(
  (
    db: AlertsDb,
    alertId: string,
    memberId: string,
    kind: AlertKind,
    actorId: string,
    at: string,
    read: 0 | 1,
    onceKey: string,
    reason: string | null,
  ) =>
    db
      .insertInto('alerts')
      .values({
        alert_id: alertId,
        member_id: memberId,
        kind,
        actor_id: actorId,
        at,
        read,
        once_key: onceKey,
        reason,
      })
      // Either key taken (the event again, or the same thing the same day): nothing is written.
      .onConflict((oc) => oc.doNothing())
      .returning('alert_id'),
);

/** The flirt and match alerts each of the pair has from the other, in one read. */
// The kinds are written out, not bound: only then may either database use the partial index.
const flirtKindsFrom = prepared((db: AlertsDb, memberId: string, actorId: string) =>
  db
    .selectFrom('alerts')
    .select('kind')
    .distinct()
    .where('member_id', '=', memberId)
    .where('actor_id', '=', actorId)
    .where(sql<boolean>`kind in ('flirt', 'match')`),
);

async function flirtAlertsBetween(
  db: AlertsDb,
  a: string,
  b: string,
): Promise<Array<{ memberId: string; kind: string }>> {
  const [toA, toB] = [await flirtKindsFrom(db, a, b), await flirtKindsFrom(db, b, a)];
  return [
    ...toA.map((r) => ({ memberId: a, kind: r.kind })),
    ...toB.map((r) => ({ memberId: b, kind: r.kind })),
  ];
}

interface NewAlert {
  event: EventEnvelope;
  memberId: string;
  kind: AlertKind;
  /** Who did it; SITE for a moderation outcome. */
  actorId: string;
  /** Why a moderator turned something down, in their words. */
  reason?: string;
}

/** What every page reads of alerts, in memory: each member's unread count and newest alerts. */
export interface AlertsMemory {
  unread: View<number>;
  heads: View<AlertEntry[]>;
}

/** How many of each member's newest alerts are kept in memory: a first page and one more. */
export const HEAD = 21;

export const newestFirst = (e: AlertEntry) => ({ at: e.at, id: e.alertId });

/** A member's newest alerts, as the first page lists them. */
export async function alertsHead(db: AlertsDb, memberId: string): Promise<AlertEntry[]> {
  return (await alertsOf(db, memberId, { after: undefined, limit: HEAD })).entries;
}

/**
 * Alerts are a projection of other modules' events, hidden across blocks, with
 * reading state from the module's own AlertsRead. Whether an alert is read depends only
 * on its time and the member's latest mark, so a rebuild ends with the same markers.
 * Returns what a block and its lifting and a suspension change here, for `honourBlocks`.
 */
export function project(
  ctx: ModuleContext<Tables>,
  hub: NotificationHub,
  memory: AlertsMemory,
  blocks: Blocks,
): Pick<HonourOptions<Tables>, 'onBlocked' | 'onUnblocked' | 'onSanction'> {
  const alerts: Projection = { ctx, hub, memory, blocks };
  projectContacts(alerts);
  projectPhotos(alerts);
  projectModeration(alerts);
  projectReading(alerts);
  return {
    onBlocked: (event, tx) => recountPair(alerts, event, tx),
    onUnblocked: (event, tx) => recountPair(alerts, event, tx),
    onSanction: (memberId, tx) => recountReached(alerts, memberId, tx),
  };
}

/** What the projections share: the module, the live channel, what memory holds, and the blocks. */
interface Projection {
  ctx: ModuleContext<Tables>;
  hub: NotificationHub;
  memory: AlertsMemory;
  blocks: Blocks;
}

/** Records the alert unless one already stands for it; returns the id of the alert that does, if any. */
async function add(alerts: Projection, tx: Tx<Tables>, alert: NewAlert): Promise<string | undefined> {
  const { event, memberId, kind, actorId } = alert;
  const reason = alert.reason ?? null;
  if (memberId === actorId) return undefined;
  // Never across a block, even if the event slipped out just before the block reached the other module.
  if (actorId !== SITE && (await alerts.blocks.between(memberId, actorId, tx))) return undefined;
  const key = onceKey(kind, actorId, event.occurredAt, event.id);
  const [read] = await readMark(tx.db, memberId);
  const isUnread = read === undefined || event.occurredAt > read.up_to;
  // Most alerts are new: written first, and only when the write is refused is the standing one looked up.
  const written = await insertAlert(
    tx.db,
    event.id,
    memberId,
    kind,
    actorId,
    event.occurredAt,
    isUnread ? 0 : 1,
    key,
    reason,
  );
  if (written.length === 0) {
    const [seen] = await alertStanding(tx.db, event.id, memberId, key);
    return seen?.alert_id;
  }
  if (isUnread) alerts.memory.unread.changes(tx).update(memberId, (n) => (n ?? 0) + 1);
  const entry: AlertEntry = {
    alertId: event.id,
    kind,
    actorId,
    at: event.occurredAt,
    unread: isUnread,
    reason,
  };
  alerts.memory.heads
    .changes(tx)
    .update(memberId, (head) => head && withNewest(head, entry, newestFirst, HEAD));
  if (!isFresh(event.occurredAt, alerts.ctx.clock.now())) return event.id;
  tx.afterCommit(async () => {
    // `about`: a block between the two takes the push back too.
    await alerts.hub.notify(memberId, {
      type: 'alert',
      data: { kind, actorId, at: event.occurredAt },
      ...(actorId === SITE ? {} : { about: actorId }),
    });
    await pushCount(alerts, memberId);
  });
  return event.id;
}

/** Tells the member's open pages their unread count, if they have any open. */
async function pushCount(alerts: Projection, memberId: string): Promise<void> {
  if (!alerts.hub.isConnected(memberId)) return;
  await alerts.hub.notify(memberId, {
    type: 'counter',
    data: { name: 'alerts', count: await alerts.memory.unread.get(memberId) },
  });
}

/** The member's unread count moved without a new alert: counted again, and their open pages hear it (live events only). */
async function recount(
  alerts: Projection,
  tx: Tx<Tables>,
  event: EventEnvelope,
  memberId: string,
): Promise<void> {
  alerts.memory.unread.changes(tx).set(memberId, await unreadCount(tx.db, memberId));
  if (isFresh(event.occurredAt, alerts.ctx.clock.now())) tx.afterCommit(() => pushCount(alerts, memberId));
}

/** What other members did: flirts (and matches), visits and favourites. */
function projectContacts(alerts: Projection): void {
  const { ctx } = alerts;
  // A flirt back to someone who flirted first is a match, told once per pair: the first
  // flirter hears they like each other, with a way to write (the one flirting back sees it
  // on the flirts page). Alerts keep every flirt a member got, so this needs no other table.
  ctx.on(FlirtSent, async (e, tx) => {
    const { senderId, recipientId } = e.payload;
    const before = await flirtAlertsBetween(tx.db, senderId, recipientId);
    const match =
      before.some((a) => a.memberId === senderId && a.kind === 'flirt') &&
      !before.some((a) => a.memberId === recipientId && a.kind === 'match');
    await add(alerts, tx, {
      event: e,
      memberId: recipientId,
      kind: match ? 'match' : 'flirt',
      actorId: senderId,
    });
  });
  ctx.on(ProfileViewed, async (e, tx) => {
    await add(alerts, tx, {
      event: e,
      memberId: e.payload.memberId,
      kind: 'visit',
      actorId: e.payload.viewerId,
    });
  });
  ctx.on(FavouriteAdded, async (e, tx) => {
    await add(alerts, tx, {
      event: e,
      memberId: e.payload.favouriteId,
      kind: 'favourite',
      actorId: e.payload.memberId,
    });
  });
}

/** Likes of the member's photos, which go with the photo, and private albums opened to them. */
function projectPhotos(alerts: Projection): void {
  const { ctx } = alerts;
  ctx.on(PhotoLiked, async (e, tx) => {
    const { photoId, ownerId, memberId } = e.payload;
    const alertId = await add(alerts, tx, { event: e, memberId: ownerId, kind: 'like', actorId: memberId });
    if (alertId === undefined) return;
    await tx.db
      .insertInto('alert_photos')
      .values({ alert_id: alertId, photo_id: photoId })
      .onConflict((oc) => oc.columns(['alert_id', 'photo_id']).doNothing())
      .execute();
  });
  // A deleted photo takes its like alerts along; an alert that also stands for another photo liked that day stays.
  ctx.on(PhotoDeleted, async (e, tx) => {
    const { photoId, ownerId } = e.payload;
    await tx.db.deleteFrom('private_photos').where('photo_id', '=', photoId).execute();
    const about = await tx.db
      .selectFrom('alert_photos')
      .select('alert_id')
      .where('photo_id', '=', photoId)
      .execute();
    if (about.length === 0) return;
    const ids = about.map((r) => r.alert_id);
    await tx.db.deleteFrom('alert_photos').where('photo_id', '=', photoId).execute();
    const others = await tx.db
      .selectFrom('alert_photos')
      .select('alert_id')
      .where('alert_id', 'in', ids)
      .execute();
    const still = new Set(others.map((r) => r.alert_id));
    const gone = ids.filter((id) => !still.has(id));
    if (gone.length === 0) return;
    await tx.db.deleteFrom('alerts').where('alert_id', 'in', gone).where('member_id', '=', ownerId).execute();
    alerts.memory.heads.changes(tx).forget(ownerId);
    await recount(alerts, tx, e, ownerId);
  });
  ctx.on(PrivateAlbumUnlocked, async (e, tx) => {
    const { ownerId, memberId } = e.payload;
    // An album with nothing approved in it shows nothing: no news to tell.
    const shown = await tx.db
      .selectFrom('private_photos')
      .select('photo_id')
      .where('owner_id', '=', ownerId)
      .limit(1)
      .executeTakeFirst();
    if (!shown) return;
    await add(alerts, tx, { event: e, memberId, kind: 'unlock', actorId: ownerId });
  });
}

/** What the moderators decided reaches the member here, with the reason for a no. */
function projectModeration(alerts: Projection): void {
  const { ctx } = alerts;
  // The first thing an approved member hears: they are in, and what they can do now.
  ctx.on(RegistrationApproved, async (e, tx) => {
    await add(alerts, tx, {
      event: e,
      memberId: e.payload.memberId,
      kind: 'registration-approved',
      actorId: SITE,
    });
  });
  ctx.on(PhotoApproved, async (e, tx) => {
    const { photoId, ownerId, album } = e.payload;
    if (album === 'private') {
      await tx.db
        .insertInto('private_photos')
        .values({ photo_id: photoId, owner_id: ownerId })
        .onConflict((oc) => oc.column('photo_id').doNothing())
        .execute();
    }
    await add(alerts, tx, { event: e, memberId: ownerId, kind: 'photo-approved', actorId: SITE });
  });
  ctx.on(PhotoRejected, async (e, tx) => {
    const { photoId, ownerId, reason } = e.payload;
    // A photo taken down after its approval leaves the album.
    await tx.db.deleteFrom('private_photos').where('photo_id', '=', photoId).execute();
    await add(alerts, tx, { event: e, memberId: ownerId, kind: 'photo-rejected', actorId: SITE, reason });
  });
  ctx.on(AboutMeApproved, async (e, tx) => {
    await add(alerts, tx, { event: e, memberId: e.payload.memberId, kind: 'about-approved', actorId: SITE });
  });
  ctx.on(AboutMeRejected, async (e, tx) => {
    const { memberId, reason } = e.payload;
    await add(alerts, tx, { event: e, memberId, kind: 'about-rejected', actorId: SITE, reason });
  });
}

/** The member's read mark: every alert up to it is read. */
function projectReading(alerts: Projection): void {
  const { unread, heads } = alerts.memory;
  alerts.ctx.on(AlertsRead, async (e, tx) => {
    const { memberId, upTo } = e.payload;
    await tx.db
      .insertInto('alerts_read')
      .values({ member_id: memberId, up_to: upTo })
      .onConflict((oc) =>
        oc
          .column('member_id')
          .doUpdateSet((eb) => ({ up_to: eb.ref('excluded.up_to') }))
          // The latest mark wins whatever order they arrive in.
          .where((eb) => eb('alerts_read.up_to', '<', eb.ref('excluded.up_to'))),
      )
      .execute();
    await tx.db
      .updateTable('alerts')
      .set({ read: 1 })
      .where('member_id', '=', memberId)
      .where('at', '<=', upTo)
      .where('read', '=', 0)
      .execute();
    unread.changes(tx).set(memberId, await unreadCount(tx.db, memberId));
    heads
      .changes(tx)
      .update(memberId, (head) => head?.map((e) => (e.unread && e.at <= upTo ? { ...e, unread: false } : e)));
  });
}

/**
 * A block hides the pair's alerts both ways and removes none (every read asks `visible`),
 * so lifting it brings them back; either way the two members' counters and first pages
 * are read afresh, and nothing crosses over to anyone else.
 */
async function recountPair(
  alerts: Projection,
  event: EventEnvelope<{ blockerId: string; blockedId: string }>,
  tx: Tx<Tables>,
): Promise<void> {
  for (const memberId of [event.payload.blockerId, event.payload.blockedId]) {
    alerts.memory.heads.changes(tx).forget(memberId);
    await recount(alerts, tx, event, memberId);
  }
}

/**
 * A suspension hides the member's alerts from everyone they reached and removes none, so
 * lifting it shows them again: those members' counts and first pages are read afresh.
 */
async function recountReached(alerts: Projection, memberId: string, tx: Tx<Tables>): Promise<void> {
  const reached = await tx.db
    .selectFrom('alerts')
    .select('member_id')
    .distinct()
    .where('actor_id', '=', memberId)
    .execute();
  for (const { member_id: reader } of reached) {
    alerts.memory.heads.changes(tx).forget(reader);
    alerts.memory.unread.changes(tx).set(reader, await unreadCount(tx.db, reader));
    tx.afterCommit(() => pushCount(alerts, reader));
  }
}

export interface AlertEntry {
  alertId: string;
  kind: AlertKind;
  /** SITE for a moderation outcome. */
  actorId: string;
  at: string;
  unread: boolean;
  /** A moderator's reason for a no; null otherwise. */
  reason: string | null;
}

/** One page of a member's alerts, newest first, without anyone in a blocked pair with them. */
export async function alertsOf(
  db: AlertsDb,
  memberId: string,
  page: { after: TimeCursor | undefined; limit: number },
): Promise<{ entries: AlertEntry[]; nextCursor: string | null }> {
  let query = visible(db, memberId).select([
    'a.alert_id',
    'a.kind',
    'a.actor_id',
    'a.at',
    'a.read',
    'a.reason',
  ]);
  if (page.after) query = query.where(afterCursor(page.after, 'a.at', 'a.alert_id'));
  const rows = await query
    .orderBy('a.at', 'desc')
    .orderBy('a.alert_id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const { items: entries, nextCursor } = pageOf(
    rows.map((r) => ({
      alertId: r.alert_id,
      kind: r.kind,
      actorId: r.actor_id,
      at: r.at,
      unread: Number(r.read) === 0,
      reason: r.reason,
    })),
    page.limit,
    newestFirst,
  );
  return { entries, nextCursor };
}
