import { sql } from 'kysely';
import {
  InFlight,
  problems,
  type Problem,
  type ModuleContext,
  type UploadedFile,
  type Viewer,
} from '@meetcute/core';
import type { Blocks } from '@meetcute/block';
import type { ProfileDirectory } from '@meetcute/profile';
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
} from './events.ts';
import { dimensionsOf, imageRefused, measure, render, SIZE_NAMES } from './images.ts';
import {
  decideUpload,
  isImageRefusal,
  PHOTOS_PER_MEMBER,
  type UploadDecision,
  type UploadRefusal,
  type UploadState,
} from './rules.ts';
import { deletePhotoFiles, keyOf, type PhotoStorage } from './storage.ts';
import {
  countOf,
  findPhoto,
  hasLiked,
  isUnlocked,
  portraitOf,
  type Photo,
  type PhotosDb,
  type PhotosTables,
} from './store.ts';

// The limit is a rule (rules.ts); it is named from here too, by the tests of whole uploads.
export { PHOTOS_PER_MEMBER };
export const REASON_MAX = 500;

export interface UploadInput {
  file: UploadedFile | null;
  album: string;
  /** Make it the portrait (public photos only); the first public photo becomes it anyway. */
  portrait: boolean;
}

export interface Commands {
  upload(ownerId: string, input: UploadInput): Promise<Photo>;
  approve(moderatorId: string, photoId: string): Promise<void>;
  reject(moderatorId: string, photoId: string, reason: string): Promise<void>;
  delete(memberId: string, photoId: string): Promise<void>;
  /** A moderator takes a reported photo down: deleted as its owner would (nothing to do once gone). */
  remove(moderatorId: string, photoId: string): Promise<void>;
  choosePortrait(memberId: string, photoId: string | null): Promise<void>;
  /** Returns the like count afterwards. Liking twice is the same as once. */
  like(memberId: string, photoId: string): Promise<number>;
  unlike(memberId: string, photoId: string): Promise<number>;
  unlock(ownerId: string, memberId: string): Promise<void>;
  lock(ownerId: string, memberId: string): Promise<void>;
  /** Whether the viewer may see this photo: the one rule every page, list and file answer follows. */
  maySee(viewer: Viewer | null, photo: Photo): Promise<boolean>;
}

const notFound = () => problems.notFound('This photo');

/** Nobody moderates their own content: a moderator's photo waits for another moderator. */
function notOwnPhoto(moderatorId: string, ownerId: string): void {
  if (moderatorId === ownerId) throw problems.forbidden('Another moderator must review your own photo.');
}

/** What the commands share: the module, where the files are kept, the members they name, and like counts. */
interface PhotoContext {
  ctx: ModuleContext<PhotosTables>;
  storage: PhotoStorage;
  profiles: ProfileDirectory;
  blocks: Blocks;
  likeCount: (photoId: string) => Promise<number>;
}

export function commands(
  ctx: ModuleContext<PhotosTables>,
  storage: PhotoStorage,
  profiles: ProfileDirectory,
  blocks: Blocks,
  likeCount: (photoId: string) => Promise<number>,
): Commands {
  const photos: PhotoContext = { ctx, storage, profiles, blocks, likeCount };
  return {
    maySee: (viewer, photo) => maySee(photos, viewer, photo),
    upload: uploader(photos),
    approve: (moderatorId, photoId) => approve(ctx, moderatorId, photoId),
    reject: (moderatorId, photoId, reason) => reject(ctx, moderatorId, photoId, reason),
    delete: (memberId, photoId) => deletePhoto(photos, memberId, photoId),
    remove: (moderatorId, photoId) => remove(photos, moderatorId, photoId),
    choosePortrait: (memberId, photoId) => choosePortrait(ctx, memberId, photoId),
    like: (memberId, photoId) => like(photos, memberId, photoId),
    unlike: (memberId, photoId) => unlike(photos, memberId, photoId),
    unlock: (ownerId, memberId) => unlock(photos, ownerId, memberId),
    lock: (ownerId, memberId) => lock(ctx, ownerId, memberId),
  };
}

async function maySee(photos: PhotoContext, viewer: Viewer | null, photo: Photo): Promise<boolean> {
  if (!viewer) return false;
  if (viewer.memberId === photo.ownerId) return true;
  // Moderators see what waits for review (and what they rejected); approved photos follow the rules below.
  if (photo.status !== 'approved') return viewer.roles.includes('moderator');
  if (viewer.status !== 'approved') return false;
  if (await photos.blocks.between(viewer.memberId, photo.ownerId)) return false;
  if (!(await photos.profiles.get(photo.ownerId))) return false;
  return photo.album === 'public' || isUnlocked(photos.ctx.db, photo.ownerId, viewer.memberId);
}

/** A photo the member may act on (like): visible to them and not their own. */
async function othersPhoto(photos: PhotoContext, memberId: string, photoId: string): Promise<Photo> {
  const photo = await findPhoto(photos.ctx.db, photoId);
  const viewer: Viewer = { memberId, sessionId: '', status: 'approved', roles: [] };
  if (!photo || !(await maySee(photos, viewer, photo))) throw notFound();
  if (photo.ownerId === memberId) {
    throw problems.conflict('own-photo', 'This is your own photo', 'You cannot like your own photo.');
  }
  return photo;
}

async function ownPhoto(db: PhotosDb, memberId: string, photoId: string): Promise<Photo> {
  const photo = await findPhoto(db, photoId);
  if (!photo || photo.ownerId !== memberId) throw notFound();
  return photo;
}

async function pending(db: PhotosDb, photoId: string): Promise<Photo> {
  const photo = await findPhoto(db, photoId);
  if (!photo) throw notFound();
  if (photo.status !== 'pending') {
    throw problems.conflict(
      'already-reviewed',
      'Already reviewed',
      `This photo was already ${photo.status}.`,
    );
  }
  return photo;
}

// After the commit: a failed delete must not leave a photo without its files.
function removeFilesOf(photos: PhotoContext, photoId: string): Promise<void> {
  return deletePhotoFiles(photos.storage, photoId).catch((error: unknown) =>
    photos.ctx.logger.error({ err: error, photoId }, 'could not remove the files of a deleted photo'),
  );
}

/** A refused upload as the API and pages answer it. */
function uploadRefused(reason: UploadRefusal): Problem {
  switch (reason) {
    case 'unknown-album':
      return problems.invalid([{ field: 'album', message: 'Choose the public or the private album.' }]);
    case 'no-photo':
      return problems.invalid([{ field: 'photo', message: 'Choose a photo to upload.' }]);
    case 'albums-full':
      return problems.conflict(
        'too-many-photos',
        'Your albums are full',
        `You can keep ${PHOTOS_PER_MEMBER} photos. Delete one to add another.`,
      );
    // Said the same whether an upload or an import refused the image (images.ts).
    case 'heic':
    case 'unsupported-image':
    case 'too-many-pixels':
      return imageRefused(reason);
  }
}

/** How uploads are counted: those kept, and those refused for their type, size or pixels. */
interface UploadCounters {
  uploads: { inc(): void };
  refused: { inc(): void };
}

/** An upload the rules accepted, with the facts they were asked with (asked again when it is kept). */
interface Accepted {
  ownerId: string;
  file: UploadedFile;
  facts: UploadState;
  accepted: NonNullable<UploadDecision['accepted']>;
}

/** The upload command, with what it keeps between uploads: its counters and the uploads in flight. */
function uploader(photos: PhotoContext): Commands['upload'] {
  const { ctx } = photos;
  const counters: UploadCounters = {
    uploads: ctx.metrics.counter('photo_uploads', 'Photos uploaded'),
    refused: ctx.metrics.counter('photo_uploads_refused', 'Photo uploads refused (type, size, pixels)'),
  };
  /** Uploads being processed right now, per member: they hold their place in the albums. */
  const uploading = new InFlight();

  return async (ownerId, input) => {
    const file = input.file && input.file.bytes.length > 0 ? input.file : null;
    // The header is read first (cheap, nothing decoded) so the rules see every fact at once.
    const measured = file ? await measure(file.bytes) : null;
    const kept = await countOf(ctx.db, ownerId);
    // From here to holding the place nothing waits: uploads still being processed count
    // too, so ten sent at once cannot all pass.
    const facts = { album: input.album, file: measured, kept, inFlight: uploading.count(ownerId) };
    const decision = decideUpload(facts);
    if (decision.refused) {
      if (isImageRefusal(decision.refused)) counters.refused.inc();
      throw uploadRefused(decision.refused);
    }
    const upload = { ownerId, file: file!, facts, accepted: decision.accepted };
    return uploading.during([ownerId], () => keep(photos, counters, upload, input.portrait));
  };
}

/** Makes the files of an upload whose place in the albums is reserved, and keeps it. */
async function keep(
  photos: PhotoContext,
  counters: UploadCounters,
  upload: Accepted,
  portrait: boolean,
): Promise<Photo> {
  const { ctx, storage } = photos;
  const { ownerId, facts } = upload;
  const { album, upright } = upload.accepted;
  const sizes = dimensionsOf(upright);
  let files;
  try {
    files = await render(upload.file.bytes, sizes);
  } catch (error) {
    // A header that read well over pixels that do not: refused for its type after all.
    counters.refused.inc();
    throw error;
  }
  const photoId = ctx.ids.next();
  // The files go first, so a published photo always has them; if the publish fails they go again.
  await Promise.all(SIZE_NAMES.map((size) => storage.put(keyOf(photoId, size), files[size])));
  try {
    await ctx.transaction(async (tx) => {
      if (ctx.dialect === 'postgres') {
        await sql`select pg_advisory_xact_lock(hashtext('photos'), hashtext(${ownerId}))`.execute(tx.db);
      }
      // Asked again under the lock with the count as committed: another node may have
      // taken the last place meanwhile. Uploads in flight here each ask the same in turn.
      const again = decideUpload({ ...facts, kept: await countOf(tx.db, ownerId), inFlight: 0 });
      if (again.refused) throw uploadRefused(again.refused);
      await tx.publish(PhotoUploaded, { photoId, ownerId, album, sizes }, { actorId: ownerId });
      const wantsPortrait =
        album === 'public' && (portrait || (await portraitOf(tx.db, ownerId)) === undefined);
      if (wantsPortrait)
        await tx.publish(PortraitChosen, { memberId: ownerId, photoId }, { actorId: ownerId });
    });
  } catch (error) {
    await deletePhotoFiles(storage, photoId);
    throw error;
  }
  counters.uploads.inc();
  return (await findPhoto(ctx.db, photoId))!;
}

async function approve(
  ctx: ModuleContext<PhotosTables>,
  moderatorId: string,
  photoId: string,
): Promise<void> {
  await ctx.transaction(async (tx) => {
    const photo = await pending(tx.db, photoId);
    notOwnPhoto(moderatorId, photo.ownerId);
    await tx.publish(
      PhotoApproved,
      { photoId, ownerId: photo.ownerId, album: photo.album },
      { actorId: moderatorId },
    );
  });
}

async function reject(
  ctx: ModuleContext<PhotosTables>,
  moderatorId: string,
  photoId: string,
  reason: string,
): Promise<void> {
  const text = reason.trim();
  if (text === '' || [...text].length > REASON_MAX) {
    throw problems.invalid([
      { field: 'reason', message: `Tell the member why, in 1 to ${REASON_MAX} characters.` },
    ]);
  }
  await ctx.transaction(async (tx) => {
    const photo = await pending(tx.db, photoId);
    notOwnPhoto(moderatorId, photo.ownerId);
    await tx.publish(
      PhotoRejected,
      { photoId, ownerId: photo.ownerId, reason: text },
      { actorId: moderatorId },
    );
  });
}

async function deletePhoto(photos: PhotoContext, memberId: string, photoId: string): Promise<void> {
  await photos.ctx.transaction(async (tx) => {
    await ownPhoto(tx.db, memberId, photoId);
    await tx.publish(PhotoDeleted, { photoId, ownerId: memberId }, { actorId: memberId });
  });
  await removeFilesOf(photos, photoId);
}

async function remove(photos: PhotoContext, moderatorId: string, photoId: string): Promise<void> {
  const removed = await photos.ctx.transaction(async (tx) => {
    const photo = await findPhoto(tx.db, photoId);
    if (!photo) return false;
    notOwnPhoto(moderatorId, photo.ownerId);
    await tx.publish(PhotoDeleted, { photoId, ownerId: photo.ownerId }, { actorId: moderatorId });
    return true;
  });
  if (removed) await removeFilesOf(photos, photoId);
}

async function choosePortrait(
  ctx: ModuleContext<PhotosTables>,
  memberId: string,
  photoId: string | null,
): Promise<void> {
  await ctx.transaction(async (tx) => {
    if (photoId !== null) {
      const photo = await ownPhoto(tx.db, memberId, photoId);
      if (photo.album !== 'public') {
        throw problems.invalid([
          { field: 'photoId', message: 'Your portrait must be a photo from your public album.' },
        ]);
      }
      if (photo.status === 'rejected') {
        throw problems.invalid([{ field: 'photoId', message: 'A rejected photo cannot be your portrait.' }]);
      }
    }
    if ((await portraitOf(tx.db, memberId)) === (photoId ?? undefined)) return;
    await tx.publish(PortraitChosen, { memberId, photoId }, { actorId: memberId });
  });
}

async function like(photos: PhotoContext, memberId: string, photoId: string): Promise<number> {
  const photo = await othersPhoto(photos, memberId, photoId);
  await photos.ctx.transaction(async (tx) => {
    if (await hasLiked(tx.db, photoId, memberId)) return;
    await tx.publish(PhotoLiked, { photoId, ownerId: photo.ownerId, memberId }, { actorId: memberId });
  });
  return photos.likeCount(photoId);
}

async function unlike(photos: PhotoContext, memberId: string, photoId: string): Promise<number> {
  const photo = await othersPhoto(photos, memberId, photoId);
  await photos.ctx.transaction(async (tx) => {
    if (!(await hasLiked(tx.db, photoId, memberId))) return;
    await tx.publish(PhotoUnliked, { photoId, ownerId: photo.ownerId, memberId }, { actorId: memberId });
  });
  return photos.likeCount(photoId);
}

/** The other member for an unlock: someone who exists for the owner and is not the owner. */
async function unlockable(photos: PhotoContext, ownerId: string, memberId: string) {
  if (ownerId === memberId) {
    throw problems.invalid([{ field: 'memberId', message: 'Your private album is always open to you.' }]);
  }
  const member = await photos.profiles.get(memberId);
  if (!member) throw problems.notFound('This member');
  if (await photos.blocks.between(ownerId, memberId)) throw problems.notFound('This member');
  return member;
}

async function unlock(photos: PhotoContext, ownerId: string, memberId: string): Promise<void> {
  await unlockable(photos, ownerId, memberId);
  await photos.ctx.transaction(async (tx) => {
    if (await isUnlocked(tx.db, ownerId, memberId)) return;
    await tx.publish(PrivateAlbumUnlocked, { ownerId, memberId }, { actorId: ownerId });
  });
}

async function lock(ctx: ModuleContext<PhotosTables>, ownerId: string, memberId: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    if (!(await isUnlocked(tx.db, ownerId, memberId))) return;
    await tx.publish(PrivateAlbumLocked, { ownerId, memberId }, { actorId: ownerId });
  });
}
