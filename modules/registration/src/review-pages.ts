import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Http } from '@meetcute/core';
import {
  decisionForms,
  html,
  languageOf,
  reviewQueuePages,
  sendReviewQueue,
  type Html,
  type ReviewProblem,
  type Translate,
} from '@meetcute/web';
import { inLanguage, LIMITS } from './rules.ts';
import { reviewQueue, type Registration } from './store.ts';
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
  return sendReviewQueue(
    request,
    reply,
    {
      title: t('reviewTitle'),
      empty: t('reviewEmpty'),
      notices: { approved: t('approvedNotice'), rejected: t('rejectedNotice') },
      cards: queue.map((r) => renderSignUp(request, t, r, now(), problem)),
    },
    problem,
  );
}

/** One sign-up waiting for review, with approve and a reason to send it back. */
function renderSignUp(
  request: FastifyRequest,
  t: Translate<Key>,
  r: Registration,
  now: Date,
  problem: ReviewProblem | undefined,
): Html {
  const a = r.application!;
  return html`<article class="card" aria-labelledby="n-${r.memberId}">
    <h2 id="n-${r.memberId}">${a.nickname}</h2>
    ${describe(request, t, a, now)}
    <p>${a.aboutMe}</p>
    ${decisionForms(request, {
      queue: QUEUE,
      subjectId: r.memberId,
      words: { reject: t('reject'), reason: t('reason'), reasonHint: t('reasonHint') },
      reasonMax: LIMITS.reason.max,
      problem,
    })}
  </article>`;
}
