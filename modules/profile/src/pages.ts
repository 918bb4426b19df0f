import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  Problem,
  type FieldProblem,
  type Http,
  type ServiceRegistry,
  type ExtensionPoint,
} from '@meetcute/core';
import {
  FORM_BODY_SCHEMA,
  feedbackNotice,
  feedbackOf,
  field,
  form,
  formatMoment,
  formErrors,
  placeLabel,
  hidden,
  html,
  languageOf,
  MEMBER_ACTIONS,
  SAFETY_ACTIONS,
  memberActions,
  PROFILE_GALLERY,
  PROFILE_SECTIONS,
  renderContributions,
  type MemberAction,
  type ProfileSection,
  sendPage,
  sponsoredBlock,
  sendReviewQueue,
  reviewQueuePages,
  decisionForms,
  type ReviewProblem,
  translator,
  portraitPath,
  type Html,
  type Translate,
} from '@meetcute/web';
import { messages } from './messages.ts';
import { visitedOnPurpose, type OwnProfileView, type ProfileView } from './views.ts';
import { reviewQueue, type Profile } from './store.ts';
import { LIMITS } from './rules.ts';
import type { ProfileDeps } from './routes.ts';
import {
  ABOUT,
  SAVED,
  propertiesList,
  propertiesPages,
  savedAt,
  type SavedOutcome,
} from './properties-pages.ts';

type Key = keyof (typeof messages)['en'];
const tr = (request: FastifyRequest): Translate<Key> => translator(messages, languageOf(request));

/** "31 years · woman · Stockholm, Sweden · 64 km away" */
function facts(request: FastifyRequest, t: Translate<Key>, view: ProfileView): string {
  const parts = [
    t('years', { age: view.age }),
    t(view.gender),
    placeLabel(languageOf(request), view.city.label),
  ];
  if (view.distanceKm !== null) parts.push(t('away', { km: view.distanceKm }));
  return parts.join(' · ');
}

/** Member text as paragraphs: a blank line starts a new one, a single newline breaks the line. */
function paragraphs(text: string, attrs: Html = html``): Html {
  return html`${text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map(
      (p) =>
        html`<p ${attrs}>${p.split('\n').map((line, i) => html`${i > 0 ? html`<br />` : ''}${line}`)}</p>`,
    )}`;
}

function aboutMe(t: Translate<Key>, text: string): Html {
  return html`<section aria-labelledby="about-me">
    <h2 id="about-me">${t('aboutMe')}</h2>
    ${text ? paragraphs(text) : html`<p class="facts">${t('noAboutMe')}</p>`}
  </section>`;
}

/**
 * Problems with field errors re-render the form, saying what to fix in the member's
 * language (the command refuses in English); anything else goes to the error page.
 */
function fieldErrors(request: FastifyRequest, error: unknown): FieldProblem[] | null {
  if (!(error instanceof Problem && error.errors && error.errors.length > 0)) return null;
  const t = tr(request);
  return error.errors.map((e) =>
    e.field === 'text' ? { ...e, message: t('aboutMeLong', { max: LIMITS.aboutMe.max }) } : e,
  );
}

/** The member's portrait as the photos module serves it: a silhouette when there is none to show. */
function portrait(memberId: string, nickname: string): Html {
  return html`<img
    class="portrait-large"
    src="${portraitPath(memberId, 'profile')}"
    width="320"
    height="400"
    alt="${nickname}"
  />`;
}

/** What a profile opens with: the member's photos, or their portrait (a silhouette) when none shows. */
async function opening(
  services: ServiceRegistry,
  request: FastifyRequest,
  memberId: string,
  nickname: string,
): Promise<Html> {
  const galleries = services.contributions<ProfileSection>(PROFILE_GALLERY);
  const parts = (await Promise.all(galleries.map((g) => g(request, memberId)))).filter((p) => p !== null);
  return parts.length > 0 ? html`${parts}` : portrait(memberId, nickname);
}

/** What the profile pages work with: the routes' dependencies and the extension points others add to. */
export interface ProfilePageDeps extends ProfileDeps {
  services: ServiceRegistry;
}

const approved = { access: 'approved', kind: 'page' } as const;
const MemberParams = Type.Object({ memberId: Type.String({ format: 'uuid' }) });

export function profilePages(http: Http, deps: ProfilePageDeps): void {
  ownProfilePage(http, deps);
  memberProfilePage(http, deps);
  aboutMeEditPages(http, deps);
  aboutMeReviewPages(http, deps);
  propertiesPages(http, deps);
}

const SAVED_NOTICES: Record<SavedOutcome, Key> = {
  pending: 'sentNotice',
  unchanged: 'unchangedNotice',
  properties: 'propertiesSaved',
};

/** My profile: what others see, and my about-me change waiting for review or turned down. */
function ownProfilePage(http: Http, { reads, services }: ProfilePageDeps): void {
  http.get('/profile', { config: approved, schema: { hide: true } }, async (request, reply) => {
    const t = tr(request);
    const me = await reads.own(request.viewer!.memberId);
    const [photos, sections] = await Promise.all([
      opening(services, request, me.memberId, me.nickname),
      renderContributions(services.contributions<ProfileSection>(PROFILE_SECTIONS), request, me.memberId),
    ]);
    return sendPage(request, reply, {
      title: me.nickname,
      body: renderOwnProfile(request, t, me, { photos, sections }),
    });
  });
}

function renderOwnProfile(
  request: FastifyRequest,
  t: Translate<Key>,
  me: OwnProfileView,
  { photos, sections }: { photos: Html; sections: Html },
): Html {
  const saved = feedbackOf(request, 'profile', SAVED);
  // What the member tells about themselves is one region: where saving an edit comes back to.
  return html`<h1>${me.nickname}</h1>
    ${photos}
    <div id="${ABOUT}">
      ${saved ? feedbackNotice(t(SAVED_NOTICES[saved.outcome])) : ''}
      <p class="facts">${facts(request, t, me)}</p>
      ${propertiesList(request, me.properties)} ${aboutMe(t, me.aboutMe)}
      ${
        me.pendingAboutMe !== null
          ? html`<div class="card" id="pending">
              <p><strong>${t('pending')}</strong> ${me.pendingAboutMe ? '' : t('pendingRemoval')}</p>
              ${paragraphs(me.pendingAboutMe, html`class="pending"`)}
              <p class="facts">${t('pendingHelp')}</p>
            </div>`
          : ''
      }
      ${
        me.rejectionReason !== null
          ? html`<div class="warning" id="rejected">
              <p>${t('rejected')}</p>
              <blockquote>${me.rejectionReason}</blockquote>
            </div>`
          : ''
      }
      <div class="actions">
        <a class="button" href="/profile/edit">${t('editAboutMe')}</a>
        <a class="button secondary" href="/profile/properties">${t('editProperties')}</a>
        <a class="button secondary" href="/profile/details">${t('editDetails')}</a>
      </div>
    </div>
    ${sections}`;
}

/** Another member's profile, with the actions others offer on it (flirt, block, report…). */
function memberProfilePage(http: Http, { reads, services }: ProfilePageDeps): void {
  http.get(
    '/members/:memberId',
    { config: approved, schema: { hide: true, params: MemberParams } },
    async (request, reply) => {
      const viewerId = request.viewer!.memberId;
      // One's own profile page also shows what is waiting for review.
      if (request.params.memberId === viewerId) return reply.redirect('/profile', 303);
      const t = tr(request);
      const view = await reads.view(viewerId, request.params.memberId, visitedOnPurpose(request.headers));
      const actionsOf = (point: ExtensionPoint<MemberAction>) => services.contributions(point);
      const [photos, buttons, safety, sections, sponsored] = await Promise.all([
        opening(services, request, view.memberId, view.nickname),
        memberActions(actionsOf(MEMBER_ACTIONS), request, [view.memberId], 'profile'),
        memberActions(actionsOf(SAFETY_ACTIONS), request, [view.memberId], 'profile'),
        renderContributions(services.contributions<ProfileSection>(PROFILE_SECTIONS), request, view.memberId),
        // Sponsored items, when the ads module offers them: this page knows nothing of campaigns.
        sponsoredBlock(services, request, 'profile'),
      ]);
      // Photos first, then who they are (facts, about me, interests, diary), then what one can do.
      return sendPage(request, reply, {
        title: view.nickname,
        body: html`<h1>${view.nickname}</h1>
          ${photos}
          <p class="facts">${facts(request, t, view)}</p>
          ${propertiesList(request, view.properties)} ${aboutMe(t, view.aboutMe)} ${sections}
          <div class="actions" id="actions">${buttons(view.memberId)}</div>
          ${sponsored}
          <div class="actions safety" id="safety">${safety(view.memberId)}</div>`,
      });
    },
  );
}

/** Editing my about-me: the form, and sending it for review. */
function aboutMeEditPages(http: Http, deps: ProfilePageDeps): void {
  http.get('/profile/edit', { config: approved, schema: { hide: true } }, (request, reply) =>
    editPage(deps, request, reply),
  );

  http.post(
    '/profile/edit',
    { config: approved, schema: { hide: true, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const text = form.text(request.body, 'text');
      try {
        const { pending } = await deps.commands.editAboutMe(request.viewer!.memberId, text);
        return reply.redirect(savedAt(request.body, pending ? 'pending' : 'unchanged'), 303);
      } catch (error) {
        const errors = fieldErrors(request, error);
        if (!errors) throw error;
        return editPage(deps, request, reply, { text, errors }, (error as Problem).status);
      }
    },
  );
}

async function editPage(
  { reads }: ProfilePageDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  state?: { text: string; errors: FieldProblem[] },
  status = 200,
) {
  const t = tr(request);
  const me = await reads.own(request.viewer!.memberId);
  const text = state?.text ?? me.pendingAboutMe ?? me.aboutMe;
  return sendPage(
    request,
    reply,
    {
      title: t('editTitle'),
      body: html`<h1>${t('editTitle')}</h1>
        ${
          me.rejectionReason !== null
            ? html`<div class="warning">
                <p>${t('rejected')}</p>
                <blockquote>${me.rejectionReason}</blockquote>
              </div>`
            : ''
        }
        ${formErrors(state?.errors, t('fixErrors'))}
        <form method="post" action="/profile/edit" novalidate>
          ${hidden(request)}
          ${field({ name: 'text', label: t('aboutMe'), hint: t('textHint'), value: text, multiline: true, errors: state?.errors, attrs: html`maxlength="2000"` })}
          <div class="actions">
            <button type="submit">${t('send')}</button>
            <a href="/profile">${t('cancel')}</a>
          </div>
        </form>`,
    },
    status,
  );
}

const QUEUE = '/review/about-me';

/** The moderators' review of about-me changes: the queue, approving and turning one down. */
function aboutMeReviewPages(http: Http, deps: ProfilePageDeps): void {
  reviewQueuePages(http, {
    queue: QUEUE,
    param: 'memberId',
    commands: deps.commands,
    page: (request, reply, problem) => reviewPage(deps, request, reply, problem),
    // The command refuses in English; the moderator reads what to fix in their own language.
    explain: (request) => [{ field: 'reason', message: tr(request)('reasonMissing', { ...LIMITS.reason }) }],
  });
}

async function reviewPage(
  { db, reads }: ProfilePageDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  problem?: ReviewProblem,
): Promise<FastifyReply> {
  const t = tr(request);
  const viewerId = request.viewer!.memberId;
  const [queue, self] = await Promise.all([reviewQueue(db, 50), reads.visibleProfile(viewerId, viewerId)]);
  // In the moderator's own time, as every page shows times (a moderator still in review has UTC).
  const when = (iso: string) =>
    formatMoment(languageOf(request), self?.city.timeZone ?? 'UTC', iso, 'date-time');
  return sendReviewQueue(
    request,
    reply,
    {
      title: t('reviewTitle'),
      empty: t('reviewEmpty'),
      notices: { approved: t('approvedNotice'), rejected: t('rejectedNotice') },
      cards: queue.map((p) => renderChange(request, t, when, p, problem)),
    },
    problem,
  );
}

/** One change waiting for review: the text now and the text proposed, with approve and reject. */
function renderChange(
  request: FastifyRequest,
  t: Translate<Key>,
  when: (iso: string) => string,
  p: Profile,
  problem: ReviewProblem | undefined,
): Html {
  const since = p.pendingSince ?? '';
  return html`<article class="card" aria-labelledby="n-${p.memberId}">
    <h2 id="n-${p.memberId}">${p.nickname}</h2>
    <p class="facts">
      <time datetime="${since}">${t('sent', { date: when(since) })}</time>
    </p>
    <h3>${t('current')}</h3>
    ${p.aboutMe ? paragraphs(p.aboutMe) : html`<p class="facts">${t('empty')}</p>`}
    <h3>${t('proposed')}</h3>
    ${p.pendingAboutMe ? paragraphs(p.pendingAboutMe) : html`<p class="facts">${t('removed')}</p>`}
    ${decisionForms(request, {
      queue: QUEUE,
      subjectId: p.memberId,
      words: { reject: t('reject'), reason: t('reason'), reasonHint: t('reasonHint') },
      reasonMax: LIMITS.reason.max,
      problem,
    })}
  </article>`;
}
