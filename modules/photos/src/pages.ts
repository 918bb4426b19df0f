import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Http } from '@meetcute/core';
import { shownTo, type Blocks } from '@meetcute/block';
import type { ProfileDirectory } from '@meetcute/profile';
import {
  FORM_BODY_SCHEMA,
  backAfter,
  backField,
  feedbackNotice,
  feedbackOf,
  hidden,
  html,
  languageOf,
  galleryPath,
  photoPath,
  translator,
  type Html,
  type MemberAction,
  type ProfileSection,
  type Translate,
} from '@meetcute/web';
import type { Commands } from './commands.ts';
import { messages } from './messages.ts';
import { unlockedAmong, type PhotosDb } from './store.ts';
import { galleryPage } from './gallery.ts';
import type { Albums, PhotoView } from './views.ts';

export type Key = keyof (typeof messages)['en'];
export const tr = (request: FastifyRequest): Translate<Key> => translator(messages, languageOf(request));

/** A thumbnail that opens the photo in the gallery (the file itself while it waits for review). */
export function thumb(photo: PhotoView, alt: string): Html {
  const { width, height } = photo.sizes.thumb;
  const href =
    photo.status === 'approved'
      ? galleryPath(photo.ownerId, photo.photoId)
      : photoPath(photo.photoId, 'full');
  return html`<a href="${href}"
    ><img
      src="${photoPath(photo.photoId, 'thumb')}"
      width="${width}"
      height="${height}"
      loading="lazy"
      alt="${alt}"
  /></a>`;
}

export interface PageDeps {
  db: PhotosDb;
  commands: Commands;
  albums: Albums;
  profiles: ProfileDirectory;
  blocks: Blocks;
  maxBytes: number;
}

export const PhotoParams = Type.Object({ photoId: Type.String({ format: 'uuid' }) });
const MemberParams = Type.Object({ memberId: Type.String({ format: 'uuid' }) });

/** The gallery, and the forms that like a photo and open or lock a private album. */
export function photoPages(http: Http, deps: PageDeps): void {
  galleryPage(http, deps);
  likeForms(http, deps.commands);
  lockForms(http, deps.commands);
}

const approved = { access: 'approved', kind: 'page' } as const;

function likeForms(http: Http, commands: Commands): void {
  const likeForm = (path: 'like' | 'unlike') =>
    http.post(
      `/photos/:photoId/${path}`,
      { config: approved, schema: { hide: true, params: PhotoParams, body: FORM_BODY_SCHEMA } },
      async (request, reply) => {
        const { memberId } = request.viewer!;
        const { photoId } = request.params;
        if (path === 'like') await commands.like(memberId, photoId);
        else await commands.unlike(memberId, photoId);
        const outcome = path === 'like' ? 'liked' : 'unliked';
        return reply.redirect(backAfter(request.body, '/', 'photo', outcome, photoId), 303);
      },
    );
  likeForm('like');
  likeForm('unlike');
}

function lockForms(http: Http, commands: Commands): void {
  const lockForm = (path: 'unlock' | 'lock') =>
    http.post(
      `/members/:memberId/${path}`,
      { config: approved, schema: { hide: true, params: MemberParams, body: FORM_BODY_SCHEMA } },
      async (request, reply) => {
        const ownerId = request.viewer!.memberId;
        if (path === 'unlock') await commands.unlock(ownerId, request.params.memberId);
        else await commands.lock(ownerId, request.params.memberId);
        // Back where the button was (its anchor kept), saying beside it what it did.
        const { memberId } = request.params;
        const outcome = path === 'unlock' ? 'unlocked' : 'locked';
        return reply.redirect(
          backAfter(request.body, `/members/${memberId}#actions`, 'album', outcome, memberId),
          303,
        );
      },
    );
  lockForm('unlock');
  lockForm('lock');
}

/**
 * Below one's own profile: what of my photos others do not see yet, and the way to manage
 * them. The photos themselves open the profile (profile-gallery.ts); others see only those.
 */
export function photoSection(albums: Albums): ProfileSection {
  return async (request, memberId) => {
    const viewer = request.viewer;
    if (!viewer || viewer.memberId !== memberId) return null;
    const t = tr(request);
    const photos = await albums.of(viewer, memberId);
    const shown = photos.filter((p) => p.status === 'approved').length;
    const waiting = photos.filter((p) => p.status === 'pending').length;
    const note =
      shown === 0
        ? html`<p class="empty">${t(waiting > 0 ? 'waitingOnly' : 'emptyAlbum')}</p>`
        : waiting > 0
          ? html`<p class="note">${t('moreWaiting', { n: waiting })}</p>`
          : '';
    return html`<section aria-labelledby="my-photos">
      <h2 id="my-photos">${t('photosTitle')}</h2>
      ${note}
      <p><a class="button" href="/photos">${t('managePhotos')}</a></p>
    </section>`;
  };
}

/** On a member's profile: open or lock my private album for them. */
export function unlockAction(db: PhotosDb, blocks: Blocks): MemberAction {
  return async (request, memberIds, where) => {
    const viewer = request.viewer;
    if (where !== 'profile' || !viewer || viewer.status !== 'approved') return () => null;
    const shown = new Set(await shownTo(blocks, viewer.memberId, memberIds));
    const unlocked = await unlockedAmong(db, viewer.memberId, [...shown]);
    const t = tr(request);
    const done = feedbackOf(request, 'album', ['unlocked', 'locked'] as const);
    return (memberId) => {
      if (!shown.has(memberId)) return null;
      const open = unlocked.has(memberId);
      const path = open ? 'lock' : 'unlock';
      return html`<form method="post" action="/members/${memberId}/${path}" class="inline" data-feedback>
          ${hidden(request)}${backField(request, 'actions')}
          <button type="submit" class="secondary">${t(open ? 'lock' : 'unlock')}</button>
        </form>
        ${done?.to === memberId ? feedbackNotice(t(done.outcome)) : ''}`;
    };
  };
}
