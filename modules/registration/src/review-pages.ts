import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { FieldProblem, Http } from '@meetcute/core';
import {
  FORM_BODY_SCHEMA,
  field,
  form,
  hidden,
  html,
  languageOf,
  sendPage,
  type Html,
  type Translate,
} from '@meetcute/web';
import { inLanguage } from './rules.ts';
import { reviewQueue, type Registration } from './store.ts';
import { describe, fieldErrors, tr, type Key, type RegistrationPageDeps } from './pages.ts';

/** A reason that needs fixing, kept with the sign-up it was for. */
interface ReviewProblem {
  memberId: string;
  errors: FieldProblem[];
}

const moderatorPage = { access: 'moderator', kind: 'page' } as const;
const MemberParams = Type.Object({ memberId: Type.String({ format: 'uuid' }) });

/** The moderators' review of sign-ups: the queue, approving one and sending one back with a reason. */
export function reviewPages(http: Http, deps: RegistrationPageDeps): void {
  http.get('/review', { config: moderatorPage, schema: { hide: true } }, (request, reply) =>
    reviewPage(deps, request, reply),
  );

  http.post(
    '/review/:memberId/approve',
    { config: moderatorPage, schema: { hide: true, params: MemberParams, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      await deps.commands.approve(request.viewer!.memberId, request.params.memberId);
      return reply.redirect('/review?done=approved', 303);
    },
  );

  http.post(
    '/review/:memberId/reject',
    { config: moderatorPage, schema: { hide: true, params: MemberParams, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      try {
        await deps.commands.reject(
          request.viewer!.memberId,
          request.params.memberId,
          form.text(request.body, 'reason'),
        );
        return reply.redirect('/review?done=rejected', 303);
      } catch (error) {
        const errors = fieldErrors(error);
        if (!errors) throw error;
        return reviewPage(deps, request, reply, { memberId: request.params.memberId, errors });
      }
    },
  );
}

async function reviewPage(
  { db, now }: RegistrationPageDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  problem?: ReviewProblem,
) {
  const t = tr(request);
  const queue = await reviewQueue(db, 50);
  const done = (request.query as { done?: string }).done;
  return sendPage(
    request,
    reply,
    {
      title: t('reviewTitle'),
      notice:
        done === 'approved' ? t('approvedNotice') : done === 'rejected' ? t('rejectedNotice') : undefined,
      body: html`<h1>${t('reviewTitle')}</h1>
        <p>
          <a href="/review/about-me">${t('aboutMeQueue')}</a> ·
          <a href="/review/photos">${t('photoQueue')}</a> ·
          <a href="/review/reports">${t('reportQueue')}</a> ·
          <a href="/moderation/log">${t('moderationLog')}</a> ·
          <a href="/mail">${t('outbox')}</a>
        </p>
        ${queue.length === 0 ? html`<p>${t('reviewEmpty')}</p>` : ''}
        ${queue.map((r) => renderSignUp(request, t, r, now(), problem))}`,
    },
    problem ? 400 : 200,
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
  const errors =
    problem?.memberId === r.memberId ? inLanguage(problem.errors, languageOf(request)) : undefined;
  return html`<article class="card" aria-labelledby="n-${r.memberId}">
    <h2 id="n-${r.memberId}">${a.nickname}</h2>
    ${describe(request, t, a, now)}
    <p>${a.aboutMe}</p>
    <div class="actions">
      <form method="post" action="/review/${r.memberId}/approve">
        ${hidden(request)}<button type="submit">${t('approve')}</button>
      </form>
    </div>
    <form method="post" action="/review/${r.memberId}/reject">
      ${hidden(request)}
      ${field({ name: 'reason', id: `reason-${r.memberId}`, label: t('reason'), hint: t('reasonHint'), errors, attrs: html`maxlength="500"` })}
      <button type="submit" class="secondary">${t('reject')}</button>
    </form>
  </article>`;
}
