import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Http } from '@meetcute/core';
import {
  decisionForms,
  formatAgo,
  formatMoment,
  html,
  languageOf,
  portraitPath,
  reviewQueuePages,
  sendReviewQueue,
  type Html,
  type ReviewProblem,
  type Translate,
} from '@meetcute/web';
import { inLanguage, LIMITS } from './rules.ts';
import { reviewQueue, sentBackBefore, type Registration, type SentBack } from './store.ts';
import { describe, tr, type Key, type RegistrationPageDeps } from './pages.ts';

const QUEUE = '/review';

/** The moderators' review of sign-ups: the queue, approving one and sending one back with a reason. */
export function reviewPages(http: Http, deps: RegistrationPageDeps): void {
  reviewQueuePages(http, {
    queue: QUEUE,
    param: 'memberId',
    commands: deps.commands,
    page: (request, reply, problem) => reviewPage(deps, request, reply, problem),
    explain: (request, errors) => inLanguage(errors, languageOf(request)),
  });
}

async function reviewPage(
  { db, now }: RegistrationPageDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  problem?: ReviewProblem,
): Promise<FastifyReply> {
  const t = tr(request);
  const queue = await reviewQueue(db, 50);
  const history = await sentBackBefore(
    db,
    queue.map((r) => r.memberId),
  );
  return sendReviewQueue(
    request,
    reply,
    {
      title: t('reviewTitle'),
      empty: t('reviewEmpty'),
      notices: { approved: t('approvedNotice'), rejected: t('rejectedNotice') },
      cards: queue.map((r) => renderSignUp(request, t, r, history.get(r.memberId) ?? [], now(), problem)),
    },
    problem,
  );
}

/**
 * One sign-up waiting for review: the applicant's portrait (photos waiting for review show
 * to moderators), how long ago the account was made, what moderators said before when it
 * was sent back, then the application, with approve and a reason to send it back.
 */
function renderSignUp(
  request: FastifyRequest,
  t: Translate<Key>,
  r: Registration,
  sentBack: readonly SentBack[],
  now: Date,
  problem: ReviewProblem | undefined,
): Html {
  const a = r.application!;
  const language = languageOf(request);
  const { timeZone } = a.city;
  return html`<article class="card review-card" aria-labelledby="n-${r.memberId}">
    <img
      class="portrait"
      src="${portraitPath(r.memberId)}"
      width="120"
      height="120"
      alt="${t('portraitOf', { nickname: a.nickname })}"
    />
    <h2 id="n-${r.memberId}">${a.nickname}</h2>
    ${
      r.createdAt
        ? html`<p class="note">
            ${t('accountMade')}
            <time datetime="${r.createdAt}">${formatAgo(language, timeZone, r.createdAt, now)}</time>
          </p>`
        : ''
    }
    ${describe(request, t, a, now)}
    <p>${a.aboutMe}</p>
    ${
      sentBack.length > 0
        ? html`<section class="history" aria-label="${t('sentBackBefore')}">
            <h3>${t('sentBackBefore')}</h3>
            <ul>
              ${sentBack.map(
                (d) =>
                  html`<li>
                    <time datetime="${d.at}">${formatMoment(language, timeZone, d.at, 'date')}</time>:
                    ${d.reason}
                  </li>`,
              )}
            </ul>
          </section>`
        : html`<p class="note">${t('firstReview')}</p>`
    }
    ${decisionForms(request, {
      queue: QUEUE,
      subjectId: r.memberId,
      words: { reject: t('reject'), reason: t('reason'), reasonHint: t('reasonHint') },
      reasonMax: LIMITS.reason.max,
      problem,
    })}
  </article>`;
}
