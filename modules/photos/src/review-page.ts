import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Http } from '@meetcute/core';
import {
  decisionForms,
  html,
  photoPath,
  reviewQueuePages,
  sendReviewQueue,
  type Html,
  type ReviewProblem,
} from '@meetcute/web';
import { REASON_MAX } from './commands.ts';
import { tr, type PageDeps } from './pages.ts';
import { reviewQueue, type Photo } from './store.ts';

const QUEUE = '/review/photos';

/** The moderators' queue of photos waiting for review, and their decisions on each. */
export function photoReviewPages(http: Http, deps: PageDeps): void {
  reviewQueuePages(http, {
    queue: QUEUE,
    param: 'photoId',
    commands: deps.commands,
    page: (request, reply, problem) => reviewPage(deps, request, reply, problem),
    // The command says it in English; the queue says it in the moderator's language.
    explain: (request) => [{ field: 'reason', message: tr(request)('reasonMissing', { max: REASON_MAX }) }],
  });
}

/** Answers with the queue; `problem` names the photo whose rejection needs a reason. */
async function reviewPage(
  deps: PageDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  problem?: ReviewProblem,
): Promise<FastifyReply> {
  const t = tr(request);
  const queue = await reviewQueue(deps.db, request.viewer!.memberId, 50);
  const owners = await Promise.all(queue.map((p) => deps.profiles.get(p.ownerId)));
  return sendReviewQueue(
    request,
    reply,
    {
      title: t('reviewTitle'),
      empty: t('reviewEmpty'),
      notices: { approved: t('approvedNotice'), rejected: t('rejectedNotice') },
      cards: queue.map((p, i) => renderReviewCard(request, p, owners[i]?.nickname ?? '', problem)),
    },
    problem,
  );
}

/** A photo waiting for review: large, whose it is, and the forms that approve or reject it. */
function renderReviewCard(request: FastifyRequest, p: Photo, name: string, problem?: ReviewProblem): Html {
  const t = tr(request);
  const { width, height } = p.sizes.profile;
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
    ${decisionForms(request, {
      queue: QUEUE,
      subjectId: p.photoId,
      words: { reject: t('reject'), reason: t('reason'), reasonHint: t('reasonHint') },
      reasonMax: REASON_MAX,
      problem,
    })}
  </article>`;
}
