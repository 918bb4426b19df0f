import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem, type Http } from '@meetcute/core';
import { FORM_BODY_SCHEMA, field, form, hidden, html, photoPath, sendPage, type Html } from '@meetcute/web';
import { REASON_MAX } from './commands.ts';
import { PhotoParams, tr, type PageDeps } from './pages.ts';
import { reviewQueue, type Photo } from './store.ts';

const moderator = { access: 'moderator', kind: 'page' } as const;

/** The moderators' queue of photos waiting for review, and their decisions on each. */
export function photoReviewPages(http: Http, deps: PageDeps): void {
  const { commands } = deps;
  http.get('/review/photos', { config: moderator, schema: { hide: true } }, (request, reply) =>
    reviewPage(deps, request, reply),
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
        return reviewPage(deps, request, reply, request.params.photoId, 400);
      }
    },
  );
}

/** Answers with the queue; `invalid` names the photo whose rejection lacked a reason. */
async function reviewPage(
  deps: PageDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  invalid?: string,
  status = 200,
): Promise<FastifyReply> {
  const t = tr(request);
  const queue = await reviewQueue(deps.db, request.viewer!.memberId, 50);
  const owners = await Promise.all(queue.map((p) => deps.profiles.get(p.ownerId)));
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
        ${queue.map((p, i) => renderReviewCard(request, p, owners[i]?.nickname ?? '', invalid === p.photoId))}`,
    },
    status,
  );
}

/** A photo waiting for review: large, whose it is, and the forms that approve or reject it. */
function renderReviewCard(request: FastifyRequest, p: Photo, name: string, invalid: boolean): Html {
  const t = tr(request);
  const { width, height } = p.sizes.profile;
  const errors = invalid
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
}
