import { sql } from 'kysely';
import type { ModuleContext } from '@meetcute/core';
import { PhotoApproved, PhotoDeleted, PhotoUploaded, PortraitChosen } from '@meetcute/photos/events';
import { touch, type SearchTables } from './store.ts';

/** The photos events search needs for "has photo" (see README: an approved portrait). */
export const photoEvents = [PhotoUploaded, PhotoApproved, PortraitChosen, PhotoDeleted];

/**
 * Keeps `member_photos`: each public photo, whether it is approved and whether it is the
 * portrait. Private photos never count (nobody who searches may see them), and a rejected
 * photo simply never becomes approved. Uploading, choosing a portrait and deleting are
 * things the member did, so they move "last active"; an approval does so for the moderator.
 */
export function projectPhotos(ctx: ModuleContext<SearchTables>): void {
  ctx.on(PhotoUploaded, async (e, tx) => {
    const { photoId, ownerId, album } = e.payload;
    if (album === 'public') {
      await tx.db
        .insertInto('member_photos')
        .values({ photo_id: photoId, member_id: ownerId, approved: 0, portrait: 0 })
        .onConflict((oc) => oc.column('photo_id').doNothing())
        .execute();
    }
    await touch(tx.db, e.actorId, e.occurredAt);
  });
  ctx.on(PhotoApproved, async (e, tx) => {
    await tx.db
      .updateTable('member_photos')
      .set({ approved: 1 })
      .where('photo_id', '=', e.payload.photoId)
      .execute();
    await touch(tx.db, e.actorId, e.occurredAt);
  });
  ctx.on(PortraitChosen, async (e, tx) => {
    const { memberId, photoId } = e.payload;
    // One portrait per member: the chosen photo (or none, for null) and no other.
    await tx.db
      .updateTable('member_photos')
      .set({
        portrait: photoId === null ? 0 : sql<number>`case when photo_id = ${photoId} then 1 else 0 end`,
      })
      .where('member_id', '=', memberId)
      .execute();
    await touch(tx.db, e.actorId, e.occurredAt);
  });
  ctx.on(PhotoDeleted, async (e, tx) => {
    await tx.db.deleteFrom('member_photos').where('photo_id', '=', e.payload.photoId).execute();
    await touch(tx.db, e.actorId, e.occurredAt);
  });
}
