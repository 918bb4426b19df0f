import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem, readMultipart, refuseDeclaredTooLarge, type Http } from '@meetcute/core';
import {
  FORM_BODY_SCHEMA,
  backAfter,
  backField,
  feedbackNotice,
  feedbackOf,
  field,
  hidden,
  html,
  sendPage,
  type Html,
  type Translate,
} from '@meetcute/web';
import type { Commands } from './commands.ts';
import { PhotoParams, thumb, tr, type Key, type PageDeps } from './pages.ts';
import { ImageRefused, LIMITS } from './images.ts';
import { PHOTOS_PER_MEMBER } from './rules.ts';
import { unlockedFor } from './store.ts';
import type { PhotoView } from './views.ts';

const member = { access: 'member', kind: 'page' } as const;

/** What the member's own photo buttons did, said at the top of their albums (feedback.ts). */
const DONE = ['uploaded', 'deleted', 'portraitSet'] as const;
/** Where the member's albums stand on /photos, and who may see the private one. */
const ALBUMS = 'albums';
const ACCESS = 'album-access';

/** The member's own photos: both albums, the upload form, and who may see the private one. */
export function myPhotosPages(http: Http, deps: PageDeps): void {
  http.get('/photos', { config: member, schema: { hide: true } }, (request, reply) =>
    myPhotosPage(deps, request, reply),
  );

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
        await deps.commands.upload(request.viewer!.memberId, {
          file,
          album: fields.album ?? '',
          portrait: fields.portrait === 'on',
        });
        return reply.redirect(backAfter({}, `/photos#${ALBUMS}`, 'photo', 'uploaded'), 303);
      } catch (error) {
        // What the member can fix (type, size, pixels, album full) is said on the form itself.
        if (error instanceof Problem && error.status !== 403)
          return myPhotosPage(deps, request, reply, error);
        throw error;
      }
    },
  );

  ownPhotoForms(http, deps.commands);
}

/** Deleting one of the member's photos, and making one their portrait. */
function ownPhotoForms(http: Http, commands: Commands): void {
  const own = (
    path: string,
    run: (memberId: string, photoId: string) => Promise<void>,
    done: (typeof DONE)[number],
  ) =>
    http.post(
      `/photos/:photoId/${path}`,
      { config: member, schema: { hide: true, params: PhotoParams, body: FORM_BODY_SCHEMA } },
      async (request, reply) => {
        await run(request.viewer!.memberId, request.params.photoId);
        return reply.redirect(backAfter(request.body, `/photos#${ALBUMS}`, 'photo', done), 303);
      },
    );
  own('delete', (m, p) => commands.delete(m, p), 'deleted');
  own('portrait', (m, p) => commands.choosePortrait(m, p), 'portraitSet');
}

/** Answers with the member's photos page; with `error`, the upload form says what to fix. */
async function myPhotosPage(
  deps: PageDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  error?: Problem,
): Promise<FastifyReply> {
  const t = tr(request);
  const me = request.viewer!;
  const photos = await deps.albums.mine(me.memberId);
  const unlocked = me.status === 'approved' ? await unlockedFor(deps.db, me.memberId) : [];
  const profiles = await Promise.all(unlocked.map((u) => deps.profiles.get(u.memberId)));
  const names = unlocked.map((u, i) => ({ memberId: u.memberId, nickname: profiles[i]?.nickname }));
  const album = (which: 'public' | 'private') =>
    renderAlbum(
      request,
      t,
      which,
      photos.filter((p) => p.album === which),
    );
  const done = error ? null : feedbackOf(request, 'photo', DONE);
  return sendPage(
    request,
    reply,
    {
      title: t('title'),
      body: html`<h1>${t('title')}</h1>
        <p>${t('intro')}</p>
        ${renderUpload(request, t, deps.maxBytes, error)}
        <div id="${ALBUMS}">
          ${done ? feedbackNotice(t(done.outcome)) : ''} ${album('public')} ${album('private')}
        </div>
        ${renderAccess(request, t, names)}`,
    },
    error?.status ?? 200,
  );
}

/** What went wrong with an upload, in the member's language (the commands answer the API in English). */
function uploadProblem(t: Translate<Key>, error: Problem, mb: number): string {
  if (error instanceof ImageRefused) {
    if (error.reason === 'heic') return t('heic');
    if (error.reason === 'unsupported-image') return t('notAPhoto');
    return t('tooManyPixels', { side: LIMITS.maxSide, mp: LIMITS.maxPixels / 1_000_000 });
  }
  if (error.status === 413) return t('fileTooLarge', { mb });
  if (error.type.endsWith('/too-many-photos')) return t('albumsFull', { n: PHOTOS_PER_MEMBER });
  const fields = new Set(error.errors?.map((e) => e.field));
  if (fields.has('photo')) return t('noPhoto');
  if (fields.has('album')) return t('noAlbum');
  return error.detail ?? error.title;
}

function renderUpload(request: FastifyRequest, t: Translate<Key>, maxBytes: number, error?: Problem): Html {
  const mb = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  const errors = error ? [{ field: 'photo', message: uploadProblem(t, error, mb) }] : undefined;
  return html`<section aria-labelledby="upload" class="card">
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
          ><input type="radio" name="album" value="private" /> ${t('private')} (${t('privateHint')})</label
        >
      </fieldset>
      <label><input type="checkbox" name="portrait" value="on" /> ${t('makePortrait')}</label>
      <p><button type="submit">${t('upload')}</button></p>
    </form>
  </section>`;
}

function renderAlbum(
  request: FastifyRequest,
  t: Translate<Key>,
  which: 'public' | 'private',
  list: PhotoView[],
): Html {
  return html`<section aria-labelledby="${which}">
    <h2 id="${which}">${t(which === 'public' ? 'publicAlbum' : 'privateAlbum')}</h2>
    ${
      list.length === 0
        ? html`<p class="empty">${t('emptyAlbum')}</p>`
        : html`<ul class="photo-grid">
            ${list.map((p) => renderOwnCard(request, t, p))}
          </ul>`
    }
  </section>`;
}

/** One of the member's photos: where it stands in review, its likes, and what they can do with it. */
function renderOwnCard(request: FastifyRequest, t: Translate<Key>, p: PhotoView): Html {
  return html`<li>
    <figure>
      ${thumb(p, t('photo'))}
      <figcaption>
        ${p.status === 'pending' ? html`<p class="pending">${t('pending')}</p>` : ''}
        ${p.status === 'rejected' ? html`<p class="warning">${t('rejected', { reason: p.reason ?? '' })}</p>` : ''}
        ${p.status === 'approved' ? html`<p class="facts">${t('likes', { n: p.likes })}</p>` : ''}
        ${p.isPortrait ? html`<p><strong>${t('portrait')}</strong></p>` : ''}
        ${
          p.album === 'public' && !p.isPortrait && p.status !== 'rejected'
            ? html`<form method="post" action="/photos/${p.photoId}/portrait" data-feedback>
                ${hidden(request)}${backField(request, ALBUMS)}<button type="submit" class="secondary">
                  ${t('usePortrait')}
                </button>
              </form>`
            : ''
        }
        <form method="post" action="/photos/${p.photoId}/delete" data-feedback>
          ${hidden(request)}${backField(request, ALBUMS)}<button type="submit" class="secondary">
            ${t('delete')}
          </button>
        </form>
      </figcaption>
    </figure>
  </li>`;
}

/** Who the member opened their private album to, each with the form that locks it again. */
function renderAccess(
  request: FastifyRequest,
  t: Translate<Key>,
  unlocked: Array<{ memberId: string; nickname: string | undefined }>,
): Html {
  const locked = feedbackOf(request, 'album', ['locked']);
  return html`<section aria-labelledby="access" id="${ACCESS}">
    <h2 id="access">${t('access')}</h2>
    ${locked ? feedbackNotice(t('locked')) : ''}
    <p class="facts">${t('accessHint')}</p>
    ${
      unlocked.length === 0
        ? html`<p class="empty">${t('noAccess')}</p>`
        : html`<ul class="plain">
            ${unlocked.map(({ memberId, nickname: name }) => {
              if (!name) return '';
              return html`<li>
                <a href="/members/${memberId}">${name}</a>
                <form method="post" action="/members/${memberId}/lock" class="inline" data-feedback>
                  ${hidden(request)}${backField(request, ACCESS)}
                  <button type="submit" class="secondary" aria-label="${t('lockLabel', { name })}">
                    ${t('lock')}
                  </button>
                </form>
              </li>`;
            })}
          </ul>`
    }
  </section>`;
}
