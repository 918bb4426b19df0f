/*
 * A profile opens with the member's photos: a strip showing one photo at a time, large.
 * Without JavaScript it is a scroll container that snaps to each photo: a phone swipes it,
 * the arrow keys scroll it once it has focus (Tab reaches it), and the numbered links under
 * it jump to a photo by its anchor. Each photo opens in the gallery page, never as a file.
 */
import type { FastifyRequest } from 'fastify';
import type { Blocks } from '@meetcute/block';
import type { ProfileDirectory } from '@meetcute/profile';
import {
  backField,
  feedbackNotice,
  feedbackOf,
  galleryPath,
  hidden,
  html,
  photoPath,
  type Html,
  type ProfileSection,
} from '@meetcute/web';
import { tr, type Key } from './pages.ts';
import type { Albums, PhotoView } from './views.ts';
import type { Translate } from '@meetcute/web';

/** The strip of a profile's photos, portrait first; null when there is none to show. */
export function profileGallery(albums: Albums, profiles: ProfileDirectory, blocks: Blocks): ProfileSection {
  return async (request, memberId) => {
    const viewer = request.viewer;
    if (!viewer) return null;
    const own = viewer.memberId === memberId;
    if (!own && (await blocks.between(viewer.memberId, memberId))) return null;
    // Others are shown only what they may see, which is approved; the owner sees the same here.
    const photos = (await albums.of(viewer, memberId)).filter((p) => p.status === 'approved');
    if (photos.length === 0) return null;
    const shown = [...photos.filter((p) => p.isPortrait), ...photos.filter((p) => !p.isPortrait)];
    const t = tr(request);
    const name = (await profiles.get(memberId))?.nickname ?? '';
    const total = shown.length;
    const items = shown.map((p, i) => stripItem(request, t, p, { n: i + 1, total, name, own }));
    return html`<section class="profile-gallery" aria-labelledby="photos">
      <h2 id="photos" class="visually-hidden">${t('photosTitle')}</h2>
      <ul class="strip" tabindex="0" aria-label="${t('photoOf', { name })}" data-strip>
        ${items}
      </ul>
      ${
        total > 1
          ? html`<nav class="strip-dots" aria-label="${t('photosTitle')}">
              ${shown.map(
                (_, i) =>
                  html`<a href="#photo-${i + 1}" aria-label="${t('position', { n: i + 1, total })}"
                    >${i + 1}</a
                  >`,
              )}
            </nav>`
          : ''
      }
    </section>`;
  };
}

function stripItem(
  request: FastifyRequest,
  t: Translate<Key>,
  p: PhotoView,
  at: { n: number; total: number; name: string; own: boolean },
): Html {
  const { width, height } = p.sizes.profile;
  const liked = feedbackOf(request, 'photo', ['liked', 'unliked'] as const);
  // The anchor is the photo's place in the strip; data-photo names the photo itself.
  return html`<li id="photo-${at.n}" data-photo="${p.photoId}">
    <figure>
      <a href="${galleryPath(p.ownerId, p.photoId)}"
        ><img
          src="${photoPath(p.photoId, 'profile')}"
          width="${width}"
          height="${height}"
          ${at.n > 1 ? html`loading="lazy"` : ''}
          alt="${t('photoOf', { name: at.name })} (${at.n}/${at.total})"
      /></a>
      <figcaption>
        ${p.album === 'private' ? html`<span class="private-mark">${t('private')}</span>` : ''}
        <span class="facts">${t('likes', { n: p.likes })}</span>
        ${
          at.own
            ? ''
            : html`<form
                method="post"
                action="/photos/${p.photoId}/${p.likedByMe ? 'unlike' : 'like'}"
                data-feedback
              >
                ${hidden(request)}${backField(request, `photo-${at.n}`)}
                <button
                  type="submit"
                  class="secondary"
                  ${p.likedByMe ? '' : html`aria-label="${t('likeLabel', { name: at.name })}"`}
                >
                  ${t(p.likedByMe ? 'unlike' : 'like')}
                </button>
              </form>`
        }
        ${liked?.to === p.photoId ? feedbackNotice(t(liked.outcome)) : ''}
      </figcaption>
    </figure>
  </li>`;
}
