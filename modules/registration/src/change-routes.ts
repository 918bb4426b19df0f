import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ProblemSchema as Problem, problems, type Http, type Problem as ProblemError } from '@meetcute/core';
import type { CityDirectory } from '@meetcute/cities';
import {
  FORM_BODY_SCHEMA,
  backAfter,
  backField,
  decisionForms,
  feedbackNotice,
  feedbackOf,
  field,
  form,
  formErrors,
  hidden,
  html,
  languageOf,
  reviewDecisionApi,
  reviewQueuePages,
  sendPage,
  sendReviewQueue,
  type Html,
  type ReviewProblem,
  type Translate,
} from '@meetcute/web';
import { LookingFor, Place } from './events.ts';
import type { ChangeCommands } from './changes.ts';
import { inLanguage, LIMITS } from './rules.ts';
import { findRegistration, nicknameQueue, type Registration, type RegistrationDb } from './store.ts';
import {
  cityAndLookingForFields,
  fieldErrors,
  readCity,
  readLookingFor,
  tr,
  valuesOf,
  withCityErrors,
  type FormState,
  type Key,
} from './pages.ts';

/** What the pages and routes for changes after approval work with. */
export interface ChangeDeps {
  db: RegistrationDb;
  changes: ChangeCommands;
  cities: CityDirectory;
}

const approvedApi = { access: 'approved', kind: 'api' } as const;
const approvedPage = { access: 'approved', kind: 'page' } as const;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const DetailsView = Type.Object({
  nickname: Type.String({ description: 'The approved nickname: what others see' }),
  pendingNickname: Nullable(Type.String({ description: 'A new nickname waiting for review' })),
  nicknameReason: Nullable(Type.String({ description: 'Why a moderator turned down the last new nickname' })),
  city: Place,
  lookingFor: LookingFor,
});

/** My details as I may change them, read from the sign-up as it now stands. */
async function myDetails(db: RegistrationDb, memberId: string) {
  const registration = await findRegistration(db, memberId);
  if (!registration?.application || registration.status !== 'approved')
    throw problems.notFound('Your profile');
  const a = registration.application;
  return {
    nickname: a.nickname,
    pendingNickname: registration.pendingNickname,
    nicknameReason: registration.nicknameReason,
    city: a.city,
    lookingFor: a.lookingFor,
  };
}

export function changeRoutes(http: Http, { db, changes }: ChangeDeps): void {
  http.get(
    '/api/v1/profiles/me/details',
    {
      config: approvedApi,
      schema: {
        summary: 'My nickname (and a new one waiting for review), where I live and whom I look for',
        tags: ['profile'],
        response: { 200: DetailsView, 404: Problem },
      },
    },
    async (request) => myDetails(db, request.viewer!.memberId),
  );

  http.put(
    '/api/v1/profiles/me/details',
    {
      config: approvedApi,
      schema: {
        summary:
          'Change where I live and whom I look for (at once) and my nickname (after a moderator approves it)',
        tags: ['profile'],
        body: Type.Object({
          nickname: Type.String({ maxLength: 100 }),
          cityId: Type.Integer({ description: 'A place id from /api/v1/cities' }),
          lookingFor: Type.Object({
            genders: Type.Array(Type.String({ maxLength: 20 }), { minItems: 1, maxItems: 3 }),
            minAge: Type.Integer(),
            maxAge: Type.Integer(),
            maxDistanceKm: Type.Integer(),
          }),
        }),
        response: {
          200: Type.Object({
            nicknamePending: Type.Boolean({ description: 'A new nickname waits for review' }),
          }),
          400: Problem,
          409: Problem,
        },
      },
    },
    async (request) => changes.changeDetails(request.viewer!.memberId, request.body),
  );
  nicknameReviewRoutes(http, { db, changes });
}

/** The moderators' queue of new nicknames, and their decisions. */
function nicknameReviewRoutes(http: Http, { db, changes }: Pick<ChangeDeps, 'db' | 'changes'>): void {
  http.get(
    '/api/v1/review/nicknames',
    {
      config: { access: 'moderator', kind: 'api' },
      schema: {
        summary: 'New nicknames waiting for review, oldest first',
        tags: ['registration', 'moderation'],
        response: {
          200: Type.Object({
            nicknames: Type.Array(
              Type.Object({
                memberId: Type.String(),
                nickname: Type.String({ description: 'The nickname others see now' }),
                requested: Type.String({ description: 'The new nickname asked for' }),
                requestedAt: Type.String({ format: 'date-time' }),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      nicknames: (await nicknameQueue(db, 50)).map((r) => ({
        memberId: r.memberId,
        nickname: r.application!.nickname,
        requested: r.pendingNickname!,
        requestedAt: r.pendingNicknameSince!,
      })),
    }),
  );

  reviewDecisionApi(http, {
    path: '/api/v1/review/nicknames',
    param: 'memberId',
    tags: ['registration', 'moderation'],
    summaries: {
      approve: 'Approve a new nickname: everyone sees the member by it',
      reject: 'Turn a new nickname down with a reason the member reads; the old one stays',
    },
    commands: changes,
  });
}

const DETAILS = '/profile/details';
/** The details form's id: where saving it comes back to, saying what happens now. */
const DETAILS_FORM = 'details';
const QUEUE = '/review/nicknames';

export function changePages(http: Http, deps: ChangeDeps): void {
  http.get(DETAILS, { config: approvedPage, schema: { hide: true } }, (request, reply) =>
    detailsPage(deps, request, reply),
  );

  http.post(
    DETAILS,
    { config: approvedPage, schema: { hide: true, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const body = request.body;
      const { cityId, cityErrors } = readCity(body, deps.cities, tr(request), languageOf(request));
      try {
        const { nicknamePending } = await deps.changes.changeDetails(request.viewer!.memberId, {
          nickname: form.text(body, 'nickname'),
          cityId,
          lookingFor: readLookingFor(body),
        });
        const outcome = nicknamePending ? 'nickname' : 'details';
        return reply.redirect(backAfter(body, `${DETAILS}#${DETAILS_FORM}`, 'profile', outcome), 303);
      } catch (error) {
        const errors = fieldErrors(error);
        if (!errors) throw error;
        const shown = inLanguage(withCityErrors(errors, cityErrors), languageOf(request));
        return detailsPage(
          deps,
          request,
          reply,
          { values: body, errors: shown },
          (error as ProblemError).status,
        );
      }
    },
  );

  reviewQueuePages(http, {
    queue: QUEUE,
    param: 'memberId',
    commands: deps.changes,
    page: (request, reply, problem) => reviewPage(deps, request, reply, problem),
    explain: (request, errors) => inLanguage(errors, languageOf(request)),
  });
}

async function detailsPage(
  { db }: ChangeDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  state?: FormState,
  status = 200,
): Promise<FastifyReply> {
  const t = tr(request);
  const registration = await findRegistration(db, request.viewer!.memberId);
  const a = registration?.application;
  if (!registration || !a) throw problems.notFound('Your profile');
  const saved = state ? null : feedbackOf(request, 'profile', ['nickname', 'details'] as const);
  const values = state?.values ?? {
    ...valuesOf(a, languageOf(request)),
    nickname: registration.pendingNickname ?? a.nickname,
  };
  return sendPage(
    request,
    reply,
    {
      title: t('detailsTitle'),
      body: html`<h1>${t('detailsTitle')}</h1>
        <p>${t('detailsIntro')}</p>
        ${nicknameState(t, registration)} ${formErrors(state?.errors, t('fixErrors'))}
        <form method="post" action="${DETAILS}" novalidate id="${DETAILS_FORM}" data-feedback>
          ${saved ? feedbackNotice(t(saved.outcome === 'nickname' ? 'nicknameSentNotice' : 'detailsSaved')) : ''}
          ${hidden(request)}${backField(request, DETAILS_FORM)}
          ${field({ name: 'nickname', label: t('nickname'), hint: t('nicknameHint'), value: form.text(values, 'nickname'), required: true, autocomplete: 'nickname', errors: state?.errors })}
          ${cityAndLookingForFields(t, { values, errors: state?.errors })}
          <div class="actions">
            <button type="submit">${t('save')}</button>
            <a href="/profile">${t('cancel')}</a>
          </div>
        </form>`,
    },
    status,
  );
}

/** A new nickname waiting for review, or why the last one was turned down. */
function nicknameState(t: Translate<Key>, r: Registration): Html {
  if (r.pendingNickname !== null) {
    return html`<p class="card" id="pending-nickname">
      ${t('nicknameWaiting', { nickname: r.pendingNickname, current: r.application!.nickname })}
    </p>`;
  }
  if (r.nicknameReason !== null) {
    return html`<div class="warning" id="nickname-rejected">
      <p>${t('nicknameTurnedDown')}</p>
      <blockquote>${r.nicknameReason}</blockquote>
    </div>`;
  }
  return html``;
}

async function reviewPage(
  { db }: ChangeDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  problem?: ReviewProblem,
): Promise<FastifyReply> {
  const t = tr(request);
  const queue = await nicknameQueue(db, 50);
  return sendReviewQueue(
    request,
    reply,
    {
      title: t('nicknameReviewTitle'),
      empty: t('nicknameReviewEmpty'),
      notices: { approved: t('nicknameApprovedNotice'), rejected: t('nicknameRejectedNotice') },
      cards: queue.map((r) => renderRequest(request, t, r, problem)),
    },
    problem,
  );
}

/** One new nickname waiting: the one others see now, the one asked for, and the decision. */
function renderRequest(
  request: FastifyRequest,
  t: Translate<Key>,
  r: Registration,
  problem: ReviewProblem | undefined,
): Html {
  return html`<article class="card" aria-labelledby="n-${r.memberId}">
    <h2 id="n-${r.memberId}">${t('nicknameAsked', { nickname: r.pendingNickname ?? '' })}</h2>
    <p class="facts">${t('nicknameNow', { nickname: r.application?.nickname ?? '' })}</p>
    ${decisionForms(request, {
      queue: QUEUE,
      subjectId: r.memberId,
      words: { reject: t('nicknameReject'), reason: t('reason'), reasonHint: t('nicknameReasonHint') },
      reasonMax: LIMITS.reason.max,
      problem,
    })}
  </article>`;
}
