import type { FastifyRequest } from 'fastify';
import { Problem, problems, type FieldProblem, type Http, type ServiceRegistry } from '@meetcute/core';
import { shownTo, type Blocks } from '@meetcute/block';
import { GENDERS, type Gender } from '@meetcute/registration/events';
import {
  FORM_BODY_SCHEMA,
  MEMBER_ACTIONS,
  cardList,
  field,
  formErrors,
  html,
  languageOf,
  memberCards,
  pager,
  presenceBadge,
  sendPage,
  translator,
  type Html,
  type MemberAction,
  type Translate,
} from '@meetcute/web';
import { messages } from './messages.ts';
import type { OnlineMember, OnlinePage } from './query.ts';
import { single, values, type Defaults, type Filters, type RawQuery } from './rules.ts';
import type { Presence } from './presence.ts';
import type { OnlineViews } from './views.ts';

type Key = keyof (typeof messages)['en'];
const tr = (request: FastifyRequest): Translate<Key> => translator(messages, languageOf(request));

/** "● Online" next to a member who is online, on their profile and on every card. */
export function onlineBadge(blocks: Blocks, presence: Presence): MemberAction {
  return async (request, memberIds) => {
    const viewer = request.viewer;
    if (!viewer || viewer.status !== 'approved') return () => null;
    // A member hidden from the viewer by a block gets no badge, not even a hidden one.
    const shown = new Set(await shownTo(blocks, viewer.memberId, memberIds));
    const online = new Set<string>();
    for (const memberId of shown) if (await presence.isOnline(memberId)) online.add(memberId);
    const t = tr(request);
    const words = { label: t('badge'), title: t('badgeTitle') };
    return (memberId) => (shown.has(memberId) ? presenceBadge(memberId, online.has(memberId), words) : null);
  };
}

/** What the form shows: the filters that ran, or what was typed when they could not run. */
interface FormValues {
  genders: string[];
  minAge: string;
  maxAge: string;
  maxDistanceKm: string;
}

function fromFilters(f: Filters): FormValues {
  return {
    genders: f.genders,
    minAge: String(f.minAge),
    maxAge: String(f.maxAge),
    maxDistanceKm: String(f.maxDistanceKm),
  };
}

function fromQuery(raw: RawQuery, d: Defaults): FormValues {
  const genders = values(raw, 'gender', true);
  return {
    // A form sent with every box unticked comes back unticked, as the member left it.
    genders: raw.gender !== undefined ? genders : d.genders,
    minAge: single(raw, 'minAge') ?? String(d.minAge),
    maxAge: single(raw, 'maxAge') ?? String(d.maxAge),
    maxDistanceKm: single(raw, 'maxDistanceKm') ?? String(d.maxDistanceKm),
  };
}

/** The same filters written out in full, from the first page or from a cursor. */
function listLink(f: Filters, cursor?: string): string {
  const query = new URLSearchParams();
  for (const g of f.genders) query.append('gender', g);
  query.set('minAge', String(f.minAge));
  query.set('maxAge', String(f.maxAge));
  query.set('maxDistanceKm', String(f.maxDistanceKm));
  query.set('limit', String(f.limit));
  if (cursor) query.set('cursor', cursor);
  return `/online?${query.toString()}`;
}

function genderBox(t: Translate<Key>, gender: Gender, on: boolean): Html {
  return html`<label
    ><input type="checkbox" name="gender" value="${gender}" ${on ? html`checked` : ''} /> ${t(gender)}</label
  >`;
}

function filterForm(t: Translate<Key>, v: FormValues, errors: FieldProblem[] | undefined): Html {
  const genderError = errors?.find((e) => e.field === 'gender');
  return html`<form method="get" action="/online" class="search" novalidate>
    <fieldset id="f-gender" ${genderError ? html`aria-invalid="true"` : ''}>
      <legend>${t('showMe')}</legend>
      <input type="hidden" name="gender" value="" />
      ${GENDERS.map((g) => genderBox(t, g, v.genders.includes(g)))}
      ${genderError ? html`<p class="error">${genderError.message}</p>` : ''}
    </fieldset>
    <div class="row">
      ${field({ name: 'minAge', label: t('minAge'), type: 'number', value: v.minAge, errors, attrs: html`min="18" max="120" inputmode="numeric"` })}
      ${field({ name: 'maxAge', label: t('maxAge'), type: 'number', value: v.maxAge, errors, attrs: html`min="18" max="120" inputmode="numeric"` })}
    </div>
    ${field({ name: 'maxDistanceKm', label: t('maxDistance'), type: 'number', value: v.maxDistanceKm, errors, attrs: html`min="1" max="5000" inputmode="numeric"` })}
    <button type="submit">${t('submit')}</button>
  </form>`;
}

/** "Here now" for an open page, else how many minutes ago the member was last active. */
function seenNote(t: Translate<Key>, m: OnlineMember, now: Date): Html {
  const minutes = Math.floor((now.getTime() - new Date(m.lastSeenAt).getTime()) / 60_000);
  const words = m.connected ? t('here') : minutes < 1 ? t('justNow') : t('minutesAgo', { minutes });
  return html`<time datetime="${m.lastSeenAt}">${words}</time>`;
}

async function memberList(
  request: FastifyRequest,
  t: Translate<Key>,
  f: Filters,
  page: OnlinePage,
  actions: readonly MemberAction[],
  now: Date,
): Promise<Html> {
  // An online member carries every fact a card shows; the note says when they were here.
  const members = page.members.map((m) => ({ ...m, note: seenNote(t, m, now) }));
  const cards = await memberCards(request, actions, members);
  return html`<section aria-labelledby="results">
    <h2 id="results">${t('results')}</h2>
    ${cardList(request, cards, t('none'), 'search')}
    ${pager(request, { next: page.nextCursor, more: t('next'), first: t('again'), href: (cursor) => listLink(f, cursor) })}
  </section>`;
}

export function onlinePages(
  http: Http,
  views: OnlineViews,
  services: ServiceRegistry,
  now: () => Date,
): void {
  http.get(
    '/online',
    { config: { access: 'approved', kind: 'page' }, schema: { hide: true, querystring: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      const t = tr(request);
      const viewerId = request.viewer!.memberId;
      const raw = request.query as RawQuery;
      try {
        // The form sends an empty gender beside the boxes, so a form with every box unticked
        // is told apart from a link that names none (which lists the member's usual ones).
        if (raw.gender !== undefined && values(raw, 'gender', true).length === 0) {
          throw problems.invalid([{ field: 'gender', message: t('noGender') }]);
        }
        const { filters, page } = await views.list(viewerId, raw, t);
        const actions = services.contributions<MemberAction>(MEMBER_ACTIONS);
        return sendPage(request, reply, {
          title: t('title'),
          body: html`<h1>${t('title')}</h1>
            <p>${t('intro')}</p>
            ${filterForm(t, fromFilters(filters), undefined)}
            ${await memberList(request, t, filters, page, actions, now())}`,
        });
      } catch (error) {
        if (!(error instanceof Problem) || !error.errors) throw error;
        const typed = fromQuery(raw, await views.defaults(viewerId));
        return sendPage(
          request,
          reply,
          {
            title: t('title'),
            body: html`<h1>${t('title')}</h1>
              ${formErrors(error.errors, t('fixErrors'))} ${filterForm(t, typed, error.errors)}`,
          },
          error.status,
        );
      }
    },
  );
}
