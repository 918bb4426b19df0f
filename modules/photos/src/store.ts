import { renditionsDueMigration, renditionsDueTables } from './renderer.ts';
import { sql, type Kysely } from 'kysely';
import type { Migration, ModuleContext, TablesOf, Tx } from '@meetcute/core';
import { nullable, text } from '@meetcute/core';
import {
  blockedPairsMigration,
  blockedPairsTables,
  eitherBlocked,
  honourBlocks,
  notBlockedAcross,
  BLOCKED_PAIRS,
  type Blocks,
} from '@meetcute/block';
import {
  PhotoApproved,
  PhotoDeleted,
  PhotoLiked,
  PhotoRejected,
  PhotoUnliked,
  PhotoUploaded,
  PortraitChosen,
  PrivateAlbumLocked,
  PrivateAlbumUnlocked,
  type Album,
} from './events.ts';
import type { Size } from './images.ts';

export const tables = {
  /** A photo in its owner's public or private album; `sizes` is JSON, the pixel size of each rendition. */
  photos: {
    photo_id: text(),
    owner_id: text(),
    album: text<Album>(),
    status: text<Status>(),
    reason: nullable(text()),
    sizes: text(),
    uploaded_at: text(),
    reviewed_at: nullable(text()),
  },
  /** A member's chosen portrait. */
  portraits: { member_id: text(), photo_id: text() },
  /** `member_id` liked `owner_id`'s photo. */
  photo_likes: { photo_id: text(), member_id: text(), owner_id: text(), liked_at: text() },
  /** `owner_id` showed their private album to `member_id`. */
  album_unlocks: { owner_id: text(), member_id: text(), unlocked_at: text() },
  ...renditionsDueTables,
  ...blockedPairsTables,
};
export type PhotosTables = TablesOf<typeof tables>;
export type PhotosDb = Kysely<PhotosTables>;

export const migrations: Migration[] = [
  {
    name: '0001_photos',
    async up(db) {
      // status: pending until a moderator decides, then approved or rejected (with reason).
      await sql`create table photos (
        photo_id text primary key,
        owner_id text not null,
        album text not null,
        status text not null,
        reason text,
        sizes text not null,
        uploaded_at text not null,
        reviewed_at text
      )`.execute(db);
      await sql`create index photos_owner on photos (owner_id, uploaded_at)`.execute(db);
      await sql`create index photos_queue on photos (status, uploaded_at)`.execute(db);
      await sql`create table portraits (member_id text primary key, photo_id text not null)`.execute(db);
      await sql`create table photo_likes (
        photo_id text not null,
        member_id text not null,
        owner_id text not null,
        liked_at text not null,
        primary key (photo_id, member_id)
      )`.execute(db);
      await sql`create index photo_likes_member on photo_likes (member_id)`.execute(db);
      await sql`create table album_unlocks (
        owner_id text not null,
        member_id text not null,
        unlocked_at text not null,
        primary key (owner_id, member_id)
      )`.execute(db);
      await sql`create index album_unlocks_member on album_unlocks (member_id)`.execute(db);
    },
  },
  blockedPairsMigration,
  renditionsDueMigration,
];

export const projections = ['photos', 'portraits', 'photo_likes', 'album_unlocks', BLOCKED_PAIRS];

export type Status = 'pending' | 'approved' | 'rejected';
export type SizesOf = Record<Size, { width: number; height: number }>;

export interface Photo {
  photoId: string;
  ownerId: string;
  album: Album;
  status: Status;
  reason: string | null;
  sizes: SizesOf;
  uploadedAt: string;
}

interface PhotoRow {
  photo_id: string;
  owner_id: string;
  album: Album;
  status: Status;
  reason: string | null;
  sizes: string;
  uploaded_at: string;
}

function toPhoto(r: PhotoRow): Photo {
  return {
    photoId: r.photo_id,
    ownerId: r.owner_id,
    album: r.album,
    status: r.status,
    reason: r.reason,
    sizes: JSON.parse(r.sizes) as SizesOf,
    uploadedAt: r.uploaded_at,
  };
}

const COLUMNS = ['photo_id', 'owner_id', 'album', 'status', 'reason', 'sizes', 'uploaded_at'] as const;

export async function findPhoto(db: PhotosDb, photoId: string): Promise<Photo | undefined> {
  const row = await db
    .selectFrom('photos')
    .select(COLUMNS)
    .where('photo_id', '=', photoId)
    .executeTakeFirst();
  return row ? toPhoto(row) : undefined;
}

/** A member's photos, oldest first: the order they were added to the album. */
export async function photosOf(db: PhotosDb, ownerId: string): Promise<Photo[]> {
  const rows = await db
    .selectFrom('photos')
    .select(COLUMNS)
    .where('owner_id', '=', ownerId)
    .orderBy('uploaded_at')
    .orderBy('photo_id')
    .execute();
  return rows.map(toPhoto);
}

/** Photos waiting for a moderator, oldest first. */
/** What waits for a moderator's review: everyone's photos but their own. */
export async function reviewQueue(db: PhotosDb, moderatorId: string, limit: number): Promise<Photo[]> {
  const rows = await db
    .selectFrom('photos')
    .select(COLUMNS)
    .where('status', '=', 'pending')
    .where('owner_id', '<>', moderatorId)
    .orderBy('uploaded_at')
    .orderBy('photo_id')
    .limit(limit)
    .execute();
  return rows.map(toPhoto);
}

export async function portraitOf(db: PhotosDb, memberId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('portraits')
    .select('photo_id')
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row?.photo_id;
}

export async function isUnlocked(db: PhotosDb, ownerId: string, memberId: string): Promise<boolean> {
  const row = await db
    .selectFrom('album_unlocks')
    .select('owner_id')
    .where('owner_id', '=', ownerId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Which of `memberIds` may see the owner's private album: one query for a whole page. */
export async function unlockedAmong(
  db: PhotosDb,
  ownerId: string,
  memberIds: readonly string[],
): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('album_unlocks')
    .select('member_id')
    .where('owner_id', '=', ownerId)
    .where('member_id', 'in', memberIds)
    .execute();
  return new Set(rows.map((r) => r.member_id));
}

/** Who may see a member's private album, earliest first, minus anyone in a block with them. */
export async function unlockedFor(
  db: PhotosDb,
  ownerId: string,
): Promise<Array<{ memberId: string; at: string }>> {
  const rows = await db
    .selectFrom('album_unlocks')
    .select(['member_id', 'unlocked_at'])
    .where('owner_id', '=', ownerId)
    .orderBy('unlocked_at')
    .orderBy('member_id')
    .execute();
  return rows.map((r) => ({ memberId: r.member_id, at: r.unlocked_at }));
}

export async function hasLiked(db: PhotosDb, photoId: string, memberId: string): Promise<boolean> {
  const row = await db
    .selectFrom('photo_likes')
    .select('photo_id')
    .where('photo_id', '=', photoId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Likes per photo, not counting members in a block with the owner, nor the suspended:
 * their likes are hidden, and count again once that is lifted.
 */
export async function likeCounts(db: PhotosDb, photoIds: readonly string[]): Promise<Map<string, number>> {
  if (photoIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('photo_likes')
    .select((eb) => ['photo_id', eb.fn.countAll().as('n')])
    .where('photo_id', 'in', photoIds)
    .where(notBlockedAcross('photo_likes.owner_id', 'photo_likes.member_id'))
    .groupBy('photo_id')
    .execute();
  return new Map(rows.map((r) => [r.photo_id, Number(r.n)]));
}

/** Which of these photos the member liked. */
export async function likedBy(
  db: PhotosDb,
  memberId: string,
  photoIds: readonly string[],
): Promise<Set<string>> {
  if (photoIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('photo_likes')
    .select('photo_id')
    .where('member_id', '=', memberId)
    .where('photo_id', 'in', photoIds)
    .execute();
  return new Set(rows.map((r) => r.photo_id));
}

/** The ids of every photo a member keeps, both albums. */
export async function photoIdsOf(db: PhotosDb, ownerId: string): Promise<string[]> {
  const rows = await db.selectFrom('photos').select('photo_id').where('owner_id', '=', ownerId).execute();
  return rows.map((r) => r.photo_id);
}

export async function countOf(db: PhotosDb, ownerId: string): Promise<number> {
  const row = await db
    .selectFrom('photos')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * What a block takes away for good: the access either had to the other's private album
 * (an owner shares it again if they want to). Their likes stay, hidden while it lasts.
 */
async function forgetPair(tx: Tx<PhotosTables>, a: string, b: string): Promise<void> {
  for (const [owner, member] of [
    [a, b],
    [b, a],
  ] as const) {
    await tx.db
      .deleteFrom('album_unlocks')
      .where('owner_id', '=', owner)
      .where('member_id', '=', member)
      .execute();
  }
}

/**
 * The tables are projections of the module's own events (and blocks), so `rebuild photos`
 * replays them. Returns the module's blocks, for the pages to ask without a query.
 */
export function project(ctx: ModuleContext<PhotosTables>): Blocks {
  projectPhotos(ctx);
  projectLikes(ctx);
  projectUnlocks(ctx);
  return honourBlocks(ctx, {
    onBlocked: (e, tx) => forgetPair(tx, e.payload.blockerId, e.payload.blockedId),
  });
}

/** A photo's life: uploaded, reviewed, made a portrait, deleted. */
function projectPhotos(ctx: ModuleContext<PhotosTables>): void {
  ctx.on(PhotoUploaded, async (e, tx) => {
    const { photoId, ownerId, album, sizes } = e.payload;
    await tx.db
      .insertInto('photos')
      .values({
        photo_id: photoId,
        owner_id: ownerId,
        album,
        status: 'pending',
        reason: null,
        sizes: JSON.stringify(sizes),
        uploaded_at: e.occurredAt,
        reviewed_at: null,
      })
      .onConflict((oc) => oc.column('photo_id').doNothing())
      .execute();
  });
  ctx.on(PhotoApproved, (e, tx) => review(e.payload.photoId, 'approved', null, e.occurredAt, tx));
  ctx.on(PhotoRejected, (e, tx) => review(e.payload.photoId, 'rejected', e.payload.reason, e.occurredAt, tx));
  ctx.on(PhotoDeleted, async (e, tx) => {
    const { photoId } = e.payload;
    await tx.db.deleteFrom('photos').where('photo_id', '=', photoId).execute();
    await tx.db.deleteFrom('photo_likes').where('photo_id', '=', photoId).execute();
    await tx.db.deleteFrom('portraits').where('photo_id', '=', photoId).execute();
  });
  ctx.on(PortraitChosen, async (e, tx) => {
    const { memberId, photoId } = e.payload;
    await tx.db.deleteFrom('portraits').where('member_id', '=', memberId).execute();
    if (photoId !== null)
      await tx.db.insertInto('portraits').values({ member_id: memberId, photo_id: photoId }).execute();
  });
}

async function review(
  photoId: string,
  status: Status,
  reason: string | null,
  at: string,
  tx: Tx<PhotosTables>,
): Promise<void> {
  await tx.db
    .updateTable('photos')
    .set({ status, reason, reviewed_at: at })
    .where('photo_id', '=', photoId)
    .execute();
}

function projectLikes(ctx: ModuleContext<PhotosTables>): void {
  ctx.on(PhotoLiked, async (e, tx) => {
    const { photoId, ownerId, memberId } = e.payload;
    // A like that raced a block is kept like the rest, on a replay too: counts hide it while it lasts.
    await tx.db
      .insertInto('photo_likes')
      .values({ photo_id: photoId, member_id: memberId, owner_id: ownerId, liked_at: e.occurredAt })
      .onConflict((oc) => oc.columns(['photo_id', 'member_id']).doNothing())
      .execute();
  });
  ctx.on(PhotoUnliked, async (e, tx) => {
    await tx.db
      .deleteFrom('photo_likes')
      .where('photo_id', '=', e.payload.photoId)
      .where('member_id', '=', e.payload.memberId)
      .execute();
  });
}

function projectUnlocks(ctx: ModuleContext<PhotosTables>): void {
  ctx.on(PrivateAlbumUnlocked, async (e, tx) => {
    const { ownerId, memberId } = e.payload;
    if (await eitherBlocked(tx.db, ownerId, memberId)) return;
    await tx.db
      .insertInto('album_unlocks')
      .values({ owner_id: ownerId, member_id: memberId, unlocked_at: e.occurredAt })
      .onConflict((oc) => oc.columns(['owner_id', 'member_id']).doNothing())
      .execute();
  });
  ctx.on(PrivateAlbumLocked, async (e, tx) => {
    await tx.db
      .deleteFrom('album_unlocks')
      .where('owner_id', '=', e.payload.ownerId)
      .where('member_id', '=', e.payload.memberId)
      .execute();
  });
}
