import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { problems, type Http } from '@meetcute/core';
import type { Blocks } from '@meetcute/block';
import type { ProfileDirectory } from '@meetcute/profile';
import {
  backField,
  feedbackNotice,
  feedbackOf,
  galleryPath,
  hidden,
  html,
  languageOf,
  photoPath,
  sendPage,
  translator,
  type Translate,
} from '@meetcute/web';
import { messages } from './messages.ts';
import type { Albums } from './views.ts';

const LIKED = ['liked', 'unliked'] as const;

type Key = keyof (typeof messages)['en'];
const tr = (request: FastifyRequest): Translate<Key> => translator(messages, languageOf(request));

/**
 * One photo at a time, large, with the way to the previous and next of the album the
 * viewer may see: what a thumbnail opens (not the bare image file). Links work without
 * JavaScript; with it, the arrow keys and a swipe follow them (site.js, data-gallery).
 */
export function galleryPage(
  http: Http,
  deps: { albums: Albums; profiles: ProfileDirectory; blocks: Blocks },
): void {
  const { albums, profiles, blocks } = deps;
  http.get(
    '/members/:memberId/photos/:photoId',
    {
      config: { access: 'approved', kind: 'page' },
      schema: {
        hide: true,
        params: Type.Object({
          memberId: Type.String({ format: 'uuid' }),
          photoId: Type.String({ format: 'uuid' }),
        }),
      },
    },
    async (request, reply) => {
      const t = tr(request);
      const viewer = request.viewer!;
      const { memberId, photoId } = request.params;
      const own = viewer.memberId === memberId;
      // A block hides the album both ways, as it hides the profile: the same 404 as no photo.
      if (!own && (await blocks.between(viewer.memberId, memberId))) throw problems.notFound('This photo');
      const [all, owner] = await Promise.all([albums.of(viewer, memberId), profiles.get(memberId)]);
      const photos = all.filter((p) => p.status === 'approved');
      const index = photos.findIndex((p) => p.photoId === photoId);
      const photo = photos[index];
      if (!photo || !owner) throw problems.notFound('This photo');
      const name = owner.nickname;
      const previous = photos[index - 1];
      const next = photos[index + 1];
      const { width, height } = photo.sizes.full;
      const liked = feedbackOf(request, 'photo', LIKED);
      return sendPage(request, reply, {
        title: own ? t('ownGalleryTitle') : t('galleryTitle', { name }),
        body: html`<h1>${own ? t('ownGalleryTitle') : t('galleryTitle', { name })}</h1>
          <figure class="gallery" data-gallery>
            <img
              src="${photoPath(photo.photoId, 'full')}"
              width="${width}"
              height="${height}"
              alt="${t('photoOf', { name })}"
            />
            <figcaption id="photo">
              <span>${t('position', { n: index + 1, total: photos.length })}</span>
              ${photo.album === 'private' ? html`<span class="private-mark">${t('private')}</span>` : ''}
              <span class="facts">${t('likes', { n: photo.likes })}</span>
              ${
                own
                  ? ''
                  : html`<form
                      method="post"
                      action="/photos/${photo.photoId}/${photo.likedByMe ? 'unlike' : 'like'}"
                      class="inline"
                      data-feedback
                    >
                      ${hidden(request)}${backField(request, 'photo')}
                      <button type="submit" class="secondary">
                        ${t(photo.likedByMe ? 'unlike' : 'like')}
                      </button>
                    </form>`
              }
              ${liked?.to === photo.photoId ? feedbackNotice(t(liked.outcome)) : ''}
            </figcaption>
          </figure>
          <nav class="pager" aria-label="${t('photosTitle')}">
            ${previous ? html`<a rel="prev" href="${galleryPath(memberId, previous.photoId)}">← ${t('previousPhoto')}</a>` : ''}
            ${next ? html`<a rel="next" href="${galleryPath(memberId, next.photoId)}">${t('nextPhoto')} →</a>` : ''}
          </nav>
          <p>
            <a href="${own ? '/photos' : `/members/${memberId}`}"
              >${own ? t('title') : t('backTo', { name })}</a
            >
          </p>`,
      });
    },
  );
}
