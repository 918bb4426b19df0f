import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Problem, readMultipart, type Http } from '@meetcute/core';
import type { Blocks } from '@meetcute/block';
import type { ProfileDirectory } from '@meetcute/profile';
import {
  FORM_BODY_SCHEMA,
  field,
  form,
  hidden,
  html,
  languageOf,
  galleryPath,
  localPath,
  photoPath,
  sendPage,
  translator,
  type FormBody,
  type Html,
  type MemberAction,
  type ProfileSection,
  type Translate,
} from '@meetcute/web';
import { REASON_MAX, type Commands } from './commands.ts';
import { messages } from './messages.ts';
import { refuseDeclaredTooLarge } from './routes.ts';
import { reviewQueue, unlockedAmong, unlockedFor, type PhotosDb } from './store.ts';
import { galleryPage } from './gallery.ts';
import type { Albums, PhotoView } from './views.ts';

type Key = keyof (typeof messages)['en'];
const tr = (request: FastifyRequest): Translate<Key> => translator(messages, languageOf(request));

const DONE = ['uploaded', 'deleted', 'portraitSet', 'unlocked', 'locked'] as const;
const noticeOf = (request: FastifyRequest, t: Translate<Key>) => {
  const done = (request.query as { done?: string }).done;
  const key = DONE.find((d) => d === done);
  return key ? t(key) : undefined;
};

/** A thumbnail that opens the photo in the gallery (the file itself while it waits for review). */
function thumb(photo: PhotoView, alt: string): Html {
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

export function photoPages(http: Http, deps: PageDeps): void {
  const { db, commands, albums, profiles } = deps;
  galleryPage(http, deps);
  const member = { access: 'member', kind: 'page' } as const;
  const approved = { access: 'approved', kind: 'page' } as const;
  const moderator = { access: 'moderator', kind: 'page' } as const;
  const PhotoParams = Type.Object({ photoId: Type.String({ format: 'uuid' }) });
  const MemberParams = Type.Object({ memberId: Type.String({ format: 'uuid' }) });

  const ownCard = (request: FastifyRequest, t: Translate<Key>, p: PhotoView) =>
    html`<li>
      <figure>
        ${thumb(p, t('photo'))}
        <figcaption>
          ${p.status === 'pending' ? html`<p class="pending">${t('pending')}</p>` : ''}
          ${p.status === 'rejected' ? html`<p class="warning">${t('rejected', { reason: p.reason ?? '' })}</p>` : ''}
          ${p.status === 'approved' ? html`<p class="facts">${t('likes', { n: p.likes })}</p>` : ''}
          ${p.isPortrait ? html`<p><strong>${t('portrait')}</strong></p>` : ''}
          ${
            p.album === 'public' && !p.isPortrait && p.status !== 'rejected'
              ? html`<form method="post" action="/photos/${p.photoId}/portrait">
                  ${hidden(request)}<button type="submit" class="secondary">${t('usePortrait')}</button>
                </form>`
              : ''
          }
          <form method="post" action="/photos/${p.photoId}/delete">
            ${hidden(request)}<button type="submit" class="secondary">${t('delete')}</button>
          </form>
        </figcaption>
      </figure>
    </li>`;

  const myPage = async (request: FastifyRequest, reply: FastifyReply, error?: Problem) => {
    const t = tr(request);
    const me = request.viewer!;
    const photos = await albums.mine(me.memberId);
    const unlocked = me.status === 'approved' ? await unlockedFor(db, me.memberId) : [];
    const names = await Promise.all(unlocked.map((u) => profiles.get(u.memberId)));
    const album = (which: 'public' | 'private') => {
      const list = photos.filter((p) => p.album === which);
      return html`<section aria-labelledby="${which}">
        <h2 id="${which}">${t(which === 'public' ? 'publicAlbum' : 'privateAlbum')}</h2>
        ${
          list.length === 0
            ? html`<p class="empty">${t('emptyAlbum')}</p>`
            : html`<ul class="photo-grid">
                ${list.map((p) => ownCard(request, t, p))}
              </ul>`
        }
      </section>`;
    };
    const mb = Math.round((deps.maxBytes / (1024 * 1024)) * 10) / 10;
    const errors = error ? [{ field: 'photo', message: error.detail ?? error.title }] : undefined;
    return sendPage(
      request,
      reply,
      {
        title: t('title'),
        notice: noticeOf(request, t),
        body: html`<h1>${t('title')}</h1>
          <p>${t('intro')}</p>
          <section aria-labelledby="upload" class="card">
            <h2 id="upload">${t('uploadTitle')}</h2>
            ${errors ? html`<div class="error-summary" role="alert"><h2>${t('fixErrors')}</h2></div>` : ''}
            <form method="post" action="/photos" enctype="multipart/form-data">
              ${hidden(request)}
              ${field({ name: 'photo', label: t('photo'), type: 'file', hint: t('photoHint', { mb }), required: true, errors, attrs: html`accept="image/jpeg,image/png,image/webp,image/avif,image/heic,.heic"` })}
              <fieldset>
                <legend>${t('album')}</legend>
                <label
                  ><input type="radio" name="album" value="public" checked /> ${t('public')}
                  (${t('publicHint')})</label
                >
                <label
                  ><input type="radio" name="album" value="private" /> ${t('private')}
                  (${t('privateHint')})</label
                >
              </fieldset>
              <label><input type="checkbox" name="portrait" value="on" /> ${t('makePortrait')}</label>
              <p><button type="submit">${t('upload')}</button></p>
            </form>
          </section>
          ${album('public')} ${album('private')}
          <section aria-labelledby="access">
            <h2 id="access">${t('access')}</h2>
            <p class="facts">${t('accessHint')}</p>
            ${
              unlocked.length === 0
                ? html`<p class="empty">${t('noAccess')}</p>`
                : html`<ul class="plain">
                    ${unlocked.map((u, i) => {
                      const name = names[i]?.nickname;
                      if (!name) return '';
                      return html`<li>
                        <a href="/members/${u.memberId}">${name}</a>
                        <form method="post" action="/members/${u.memberId}/lock" class="inline">
                          ${hidden(request)}<input type="hidden" name="back" value="/photos" />
                          <button type="submit" class="secondary" aria-label="${t('lockLabel', { name })}">
                            ${t('lock')}
                          </button>
                        </form>
                      </li>`;
                    })}
                  </ul>`
            }
          </section>`,
      },
      error?.status ?? 200,
    );
  };

  http.get('/photos', { config: member, schema: { hide: true } }, (request, reply) => myPage(request, reply));

  http.post(
    '/photos',
    {
      config: { ...member, multipart: true },
      schema: { hide: true },
    },
    async (request, reply) => {
      try {
        // Checked here, not before the member is known, so the answer is their form with
        // the error, in the layout they were in.
        refuseDeclaredTooLarge(request, reply, deps.maxBytes);
        const { fields, file } = await readMultipart(request, { maxFileBytes: deps.maxBytes });
        await commands.upload(request.viewer!.memberId, {
          file,
          album: fields.album ?? '',
          portrait: fields.portrait === 'on',
        });
        return reply.redirect('/photos?done=uploaded', 303);
      } catch (error) {
        // What the member can fix (type, size, pixels, album full) is said on the form itself.
        if (error instanceof Problem && error.status !== 403) return myPage(request, reply, error);
        throw error;
      }
    },
  );

  const own = (path: string, run: (memberId: string, photoId: string) => Promise<void>, done: string) =>
    http.post(
      `/photos/:photoId/${path}`,
      { config: member, schema: { hide: true, params: PhotoParams, body: FORM_BODY_SCHEMA } },
      async (request, reply) => {
        await run(request.viewer!.memberId, request.params.photoId);
        return reply.redirect(`/photos?done=${done}`, 303);
      },
    );
  own('delete', (m, p) => commands.delete(m, p), 'deleted');
  own('portrait', (m, p) => commands.choosePortrait(m, p), 'portraitSet');

  const back = (body: FormBody, fallback: string) =>
    localPath(form.text(body, 'back') || undefined, fallback);

  const likeForm = (path: 'like' | 'unlike') =>
    http.post(
      `/photos/:photoId/${path}`,
      { config: approved, schema: { hide: true, params: PhotoParams, body: FORM_BODY_SCHEMA } },
      async (request, reply) => {
        const { memberId } = request.viewer!;
        if (path === 'like') await commands.like(memberId, request.params.photoId);
        else await commands.unlike(memberId, request.params.photoId);
        return reply.redirect(back(request.body, '/'), 303);
      },
    );
  likeForm('like');
  likeForm('unlike');

  const lockForm = (path: 'unlock' | 'lock') =>
    http.post(
      `/members/:memberId/${path}`,
      { config: approved, schema: { hide: true, params: MemberParams, body: FORM_BODY_SCHEMA } },
      async (request, reply) => {
        const ownerId = request.viewer!.memberId;
        if (path === 'unlock') await commands.unlock(ownerId, request.params.memberId);
        else await commands.lock(ownerId, request.params.memberId);
        const to = new URL(
          back(request.body, `/members/${request.params.memberId}`),
          'http://meetcute.local',
        );
        to.searchParams.set('done', path === 'unlock' ? 'unlocked' : 'locked');
        return reply.redirect(`${to.pathname}${to.search}`, 303);
      },
    );
  lockForm('unlock');
  lockForm('lock');

  const reviewPage = async (request: FastifyRequest, reply: FastifyReply, invalid?: string, status = 200) => {
    const t = tr(request);
    const queue = await reviewQueue(db, request.viewer!.memberId, 50);
    const owners = await Promise.all(queue.map((p) => profiles.get(p.ownerId)));
    const done = (request.query as { done?: string }).done;
    return sendPage(
      request,
      reply,
      {
        title: t('reviewTitle'),
        notice:
          done === 'approved' ? t('approvedNotice') : done === 'rejected' ? t('rejectedNotice') : undefined,
        body: html`<h1>${t('reviewTitle')}</h1>
          <p><a href="/review">${t('registrationQueue')}</a></p>
          ${queue.length === 0 ? html`<p>${t('reviewEmpty')}</p>` : ''}
          ${queue.map((p, i) => {
            const name = owners[i]?.nickname ?? '';
            const { width, height } = p.sizes.profile;
            const errors =
              invalid === p.photoId
                ? [{ field: 'reason', message: t('reasonMissing', { max: REASON_MAX }) }]
                : undefined;
            return html`<article class="card" aria-label="${t('photoOf', { name })}">
              <img
                src="${photoPath(p.photoId, 'profile')}"
                width="${width}"
                height="${height}"
                class="portrait-large"
                alt="${t('photoOf', { name })}"
              />
              <p class="facts">
                ${name ? t('by', { name }) : ''} · ${t(p.album === 'public' ? 'publicAlbum' : 'privateAlbum')}
              </p>
              <div class="actions">
                <form method="post" action="/review/photos/${p.photoId}/approve">
                  ${hidden(request)}<button type="submit">${t('approve')}</button>
                </form>
              </div>
              <form method="post" action="/review/photos/${p.photoId}/reject">
                ${hidden(request)}
                ${field({ name: 'reason', id: `reason-${p.photoId}`, label: t('reason'), hint: t('reasonHint'), errors, attrs: html`maxlength="${REASON_MAX}"` })}
                <button type="submit" class="secondary">${t('reject')}</button>
              </form>
            </article>`;
          })}`,
      },
      status,
    );
  };

  http.get('/review/photos', { config: moderator, schema: { hide: true } }, (request, reply) =>
    reviewPage(request, reply),
  );
  http.post(
    '/review/photos/:photoId/approve',
    { config: moderator, schema: { hide: true, params: PhotoParams, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      await commands.approve(request.viewer!.memberId, request.params.photoId);
      return reply.redirect('/review/photos?done=approved', 303);
    },
  );
  http.post(
    '/review/photos/:photoId/reject',
    { config: moderator, schema: { hide: true, params: PhotoParams, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      try {
        await commands.reject(
          request.viewer!.memberId,
          request.params.photoId,
          form.text(request.body, 'reason'),
        );
        return reply.redirect('/review/photos?done=rejected', 303);
      } catch (error) {
        if (!(error instanceof Problem) || error.status !== 400) throw error;
        return reviewPage(request, reply, request.params.photoId, 400);
      }
    },
  );
}

/** A member's photos on their profile: what the viewer may see, each with its likes and a like button. */
export function photoSection(albums: Albums, profiles: ProfileDirectory, blocks: Blocks): ProfileSection {
  return async (request, memberId) => {
    const viewer = request.viewer;
    if (!viewer) return null;
    if (viewer.memberId !== memberId && (await blocks.between(viewer.memberId, memberId))) return null;
    const t = tr(request);
    const photos = await albums.of(viewer, memberId);
    const own = viewer.memberId === memberId;
    const name = own ? '' : ((await profiles.get(memberId))?.nickname ?? '');
    const visible = own ? photos.filter((p) => p.status === 'approved') : photos;
    const items = visible.map(
      (p) =>
        html`<li>
          <figure>
            ${thumb(p, t('photoOf', { name }))}
            <figcaption>
              ${p.album === 'private' ? html`<span class="private-mark">${t('private')}</span>` : ''}
              <span class="facts">${t('likes', { n: p.likes })}</span>
              ${
                own
                  ? ''
                  : html`<form method="post" action="/photos/${p.photoId}/${p.likedByMe ? 'unlike' : 'like'}">
                      ${hidden(request)}<input type="hidden" name="back" value="${request.url}" />
                      <button
                        type="submit"
                        class="secondary"
                        ${p.likedByMe ? '' : html`aria-label="${t('likeLabel', { name })}"`}
                      >
                        ${t(p.likedByMe ? 'unlike' : 'like')}
                      </button>
                    </form>`
              }
            </figcaption>
          </figure>
        </li>`,
    );
    return html`<section aria-labelledby="photos">
      <h2 id="photos">${t('photosTitle')}</h2>
      ${
        items.length === 0
          ? html`<p class="empty">
              ${t(own && photos.some((p) => p.status === 'pending') ? 'waitingOnly' : 'emptyAlbum')}
            </p>`
          : html`<ul class="photo-grid">
              ${items}
            </ul>`
      }
      ${own ? html`<p><a class="button" href="/photos">${t('managePhotos')}</a></p>` : ''}
    </section>`;
  };
}

/** On a member's profile: open or lock my private album for them. */
export function unlockAction(db: PhotosDb, blocks: Blocks): MemberAction {
  return async (request, memberIds, where) => {
    const viewer = request.viewer;
    if (where !== 'profile' || !viewer || viewer.status !== 'approved') return () => null;
    const hiddenIds = await blocks.hiddenFrom(viewer.memberId);
    const shown = new Set(memberIds.filter((id) => id !== viewer.memberId && !hiddenIds.has(id)));
    const unlocked = await unlockedAmong(db, viewer.memberId, [...shown]);
    const t = tr(request);
    const done = (request.query as { done?: string } | undefined)?.done;
    return (memberId) => {
      if (!shown.has(memberId)) return null;
      const open = unlocked.has(memberId);
      const path = open ? 'lock' : 'unlock';
      return html`<form method="post" action="/members/${memberId}/${path}" class="inline">
          ${hidden(request)}<input type="hidden" name="back" value="/members/${memberId}" />
          <button type="submit" class="secondary">${t(open ? 'lock' : 'unlock')}</button>
        </form>
        ${done === 'unlocked' || done === 'locked' ? html`<p class="note" role="status">${t(done)}</p>` : ''}`;
    };
  };
}
