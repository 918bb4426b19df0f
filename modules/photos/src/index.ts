import { defineModule, type Tx } from '@meetcute/core';
import { join } from 'node:path';
import { blockEvents, blockedPairsNaming } from '@meetcute/block';
import { honourDeletion } from '@meetcute/auth/events';
import { PROFILES, type ProfileDirectory } from '@meetcute/profile';
import {
  FIRST_STEPS,
  FRONT_PAGE_SECTIONS,
  languageOf,
  MEMBER_ACTIONS,
  PROFILE_GALLERY,
  PROFILE_SECTIONS,
  REVIEW_WORK,
  translator,
  type FirstStepCheck,
  type FrontPageSection,
  type MemberAction,
  type ProfileSection,
  type ReviewWork,
} from '@meetcute/web';
import { messages } from './messages.ts';
import { events } from './events.ts';
import {
  findPhoto,
  likeCounts,
  photoIdsOf,
  migrations,
  reviewQueue,
  projections,
  project,
  tables,
  type PhotosTables,
} from './store.ts';
import { REPORTABLE, type Reportable } from '@meetcute/reports/events';
import { commands } from './commands.ts';
import { deletePhotoFiles, diskStorage, keyOf } from './storage.ts';
import { Renderer } from './renderer.ts';
import { knownPhotos, photoImport, PHOTO_IMPORT, type PhotoImport } from './import.ts';
import { albums as albumReads } from './views.ts';
import { photoRoutes } from './routes.ts';
import { offerSiteImages, SITE_IMAGES } from './site-images.ts';
import { fileRoutes } from './file-routes.ts';
import { portraitsView } from './portraits.ts';
import { photoPages, photoSection, unlockAction } from './pages.ts';
import { profileGallery } from './profile-gallery.ts';
import { myPhotosPages } from './my-photos-page.ts';
import { faces, facesSection } from './faces.ts';
import { photoReviewPages } from './review-page.ts';
import { deletionUseCases, useCases } from './use-cases.ts';

export {
  PhotoUploaded,
  PhotoApproved,
  PhotoRejected,
  PhotoDeleted,
  PortraitChosen,
  PhotoLiked,
  PhotoUnliked,
  PrivateAlbumUnlocked,
  PrivateAlbumLocked,
} from './events.ts';
export { diskStorage, type PhotoStorage } from './storage.ts';
export { PHOTO_IMPORT, type PhotoImport } from './import.ts';
export { SITE_IMAGES, siteImagePath, type SiteImage, type SiteImages } from './site-images.ts';
export { ImageRefused } from './images.ts';
export { PIXEL_LIMITS, type ImageRefusal } from './rules.ts';

/**
 * Photos: uploads re-encoded without metadata into the sizes pages use, reviewed by a
 * moderator, in a public album and a private one the owner unlocks per member; a
 * portrait for cards and profiles; likes. Files live behind PhotoStorage (local disk).
 * The same checks and re-encoding serve the site's own images (SITE_IMAGES: an ad's
 * picture), kept apart from members' photos and public.
 */
export const photos = defineModule({
  name: 'photos',
  description:
    'Photo upload (re-encoded, metadata stripped), moderator review, portrait, public and private albums with per-member unlocks, and likes; the same checks and re-encoding for the site’s own images (an ad’s picture), served publicly apart from members’ photos.',
  publishes: events,
  consumes: [...events, ...blockEvents],
  provides: [PHOTO_IMPORT, SITE_IMAGES],
  requires: [PROFILES],
  tables,
  migrations,
  projections,
  useCases: [...useCases, ...deletionUseCases],
  register(ctx) {
    const blocks = project(ctx);
    const profiles = ctx.services.require<ProfileDirectory>(PROFILES);
    const storage = diskStorage(ctx.config.photos.directory);
    const renderer = new Renderer({ db: ctx.db, storage, clock: ctx.clock, logger: ctx.logger });
    const count = async (photoId: string) => (await likeCounts(ctx.db, [photoId])).get(photoId) ?? 0;
    const run = commands(ctx, storage, profiles, blocks, count);
    // A deleted member's photos go with them, files too (after the commit, as a photo deletion does).
    honourDeletion(ctx, {
      tables: {
        photos: { mine: ['owner_id'] },
        portraits: { mine: ['member_id'] },
        photo_likes: { mine: ['member_id', 'owner_id'] },
        album_unlocks: { mine: ['owner_id', 'member_id'] },
        ...blockedPairsNaming,
      },
      async forget(tx: Tx<PhotosTables>, memberId) {
        const photoIds = await photoIdsOf(tx.db, memberId);
        await tx.db
          .deleteFrom('photo_likes')
          .where('photo_id', 'in', photoIds.length > 0 ? photoIds : [''])
          .execute();
        tx.afterCommit(async () => {
          for (const photoId of photoIds) await deletePhotoFiles(storage, photoId);
        });
      },
      // Uploads are kept only as re-encoded sizes (metadata stripped): the largest is what she gets back.
      files: async (memberId) =>
        (await photoIdsOf(ctx.db, memberId)).map((photoId) => ({
          path: `photos/${photoId}.webp`,
          file: join(ctx.config.photos.directory, keyOf(photoId, 'full')),
        })),
    });
    const portraits = portraitsView(ctx);
    const albums = albumReads(ctx.db, run, portraits);
    const front = faces(ctx.db, profiles, blocks);
    const deps = {
      faces: front,
      portraits,
      db: ctx.db,
      commands: run,
      albums,
      storage,
      renderer,
      profiles,
      blocks,
      maxBytes: ctx.config.photos.maxBytes,
    };
    photoRoutes(ctx.http, deps);
    fileRoutes(ctx.http, deps);
    photoPages(ctx.http, deps);
    myPhotosPages(ctx.http, deps);
    photoReviewPages(ctx.http, deps);
    ctx.services.contribute<ProfileSection>(PROFILE_GALLERY, profileGallery(albums, profiles, blocks));
    ctx.services.contribute<ProfileSection>(PROFILE_SECTIONS, photoSection(albums));
    ctx.services.contribute<FrontPageSection>(FRONT_PAGE_SECTIONS, facesSection(front));
    ctx.services.contribute<ReviewWork>(REVIEW_WORK, {
      href: '/review/photos',
      waiting: async (moderatorId) => (await reviewQueue(ctx.db, moderatorId, 1)).length > 0,
    });
    ctx.services.contribute<FirstStepCheck>(FIRST_STEPS, async (request) => ({
      done: !!request.viewer && (await portraits.get(request.viewer.memberId)) !== undefined,
      label: translator(messages, languageOf(request))('stepPortrait'),
      href: '/photos',
    }));
    ctx.services.contribute<MemberAction>(MEMBER_ACTIONS, unlockAction(ctx.db, blocks));
    ctx.services.contribute<Reportable>(REPORTABLE, {
      kind: 'photo',
      async lookup(photoId) {
        const photo = await findPhoto(ctx.db, photoId);
        return photo && { memberId: photo.ownerId, excerpt: '', imageUrl: `/photos/${photo.photoId}/thumb` };
      },
      remove: (photoId, moderatorId) => run.remove(moderatorId, photoId),
    });
    ctx.services.provide<PhotoImport>(PHOTO_IMPORT, { ...photoImport(renderer), known: knownPhotos(ctx.db) });
    offerSiteImages(ctx);
    renderer.start();
    ctx.onClose(() => renderer.stop());
  },
});
