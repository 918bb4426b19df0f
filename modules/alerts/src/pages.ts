import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import type { Clock, Http, ServiceRegistry } from '@meetcute/core';
import type { ProfileDirectory, PublicProfile } from '@meetcute/profile';
import {
  FORM_BODY_SCHEMA,
  backAfter,
  backField,
  feedbackNotice,
  feedbackOf,
  factsLine,
  formatAgo,
  hidden,
  html,
  itemList,
  languageOf,
  memberActions,
  MEMBER_BADGES,
  pager,
  portraitPath,
  sendPage,
  sponsoredBlock,
  translator,
  type Html,
  type MemberAction,
  type Translate,
  nextStep,
} from '@meetcute/web';
import type { Commands } from './commands.ts';
import { messages } from './messages.ts';
import { ListQuery } from './routes.ts';
import { PAGE, type ModerationAlertKind } from './rules.ts';
import type { AlertsDb, AlertsMemory } from './store.ts';
import { alertPage, type AlertPage, type AlertView } from './views.ts';

type Key = keyof (typeof messages)['en'];
const tr = (request: FastifyRequest): Translate<Key> => translator(messages, languageOf(request));

/** "Nancy flirted with you", "Nancy added you to her favourites", in the viewer's language. */
function sentence(t: Translate<Key>, alert: AlertView & { actor: PublicProfile }): string {
  const name = alert.actor.nickname;
  // Sentences that say "her", "his" or "their" follow the actor's gender.
  return alert.kind === 'favourite' || alert.kind === 'unlock'
    ? t(`${alert.kind}_${alert.actor.gender}`, { name })
    : t(alert.kind, { name });
}

function card(
  request: FastifyRequest,
  t: Translate<Key>,
  alert: AlertView,
  shown: { now: Date; timeZone: string; badges: (memberId: string) => Html },
): Html {
  const { now, timeZone } = shown;
  const marker = alert.unread ? html`<span class="visually-hidden">${t('new')}</span> ` : '';
  const time = html`<time datetime="${alert.at}"
    >${formatAgo(languageOf(request), timeZone, alert.at, now)}</time
  >`;
  const { actor } = alert;
  const unread = alert.unread ? ' unread' : '';
  if (!actor) {
    // What the moderators decided: the member's own page to act on, and the reason for a no.
    const kind = alert.kind as ModerationAlertKind;
    const where = kind.startsWith('photo')
      ? html`<a href="/photos">${t('seePhotos')}</a>`
      : kind === 'registration-approved'
        ? // Just let in: the next step is meeting people, or finishing the profile first.
          html`<a href="/search">${t('findPeople')}</a> · <a href="/profile">${t('seeProfile')}</a>`
        : html`<a href="/profile">${t('seeProfile')}</a>`;
    return html`<li class="card alert-card moderation${unread}" data-item="${alert.alertId}">
      <p class="alert-text">${marker}${t(kind)} · ${time}</p>
      ${alert.reason === null ? '' : html`<p class="reason">${t('reason', { reason: alert.reason })}</p>`}
      <p class="facts">${where}</p>
    </li>`;
  }
  const link = html`<a href="/members/${actor.memberId}">${sentence(t, { ...alert, actor })}</a>`;
  const facts = factsLine(request, { age: actor.age, gender: actor.gender, cityLabel: actor.city.label });
  // A match is the moment to say hello: the way to the conversation is right there.
  const write =
    alert.kind === 'match'
      ? html`<p>
          <a class="button" href="/chats/${actor.memberId}">${t('writeTo', { name: actor.nickname })}</a>
        </p>`
      : '';
  // Her face first, as on every card; the sentence names her, so the portrait's text is empty.
  return html`<li
    class="card alert-card with-portrait${unread}${alert.kind === 'match' ? ' match' : ''}"
    data-item="${alert.alertId}"
  >
    <img
      class="portrait"
      src="${portraitPath(actor.memberId)}"
      width="64"
      height="64"
      loading="lazy"
      alt=""
    />
    <div class="card-body">
      <p class="alert-text">${marker}${link} ${shown.badges(actor.memberId)} · ${time}</p>
      <p class="facts">${facts}</p>
      ${write}
    </div>
  </li>`;
}

/** What the alerts page reads and runs. */
export interface PageDeps {
  db: AlertsDb;
  memory: AlertsMemory;
  commands: Commands;
  profiles: ProfileDirectory;
  clock: Clock;
  /** Where the page finds sponsored items, when a module offers them. */
  services: ServiceRegistry;
}

type ListRequest = FastifyRequest<{ Querystring: Static<typeof ListQuery> }>;

/** The alerts page, which marks what it shows read, and its "mark all read" button. */
export function alertPages(http: Http, deps: PageDeps): void {
  const { db, memory, commands, profiles, clock, services } = deps;
  const page = { access: 'approved', kind: 'page' } as const;

  const pageOf = (request: ListRequest) =>
    alertPage(db, memory, profiles, request.viewer!.memberId, {
      cursor: request.query.cursor,
      limit: request.query.limit ?? PAGE.default,
    });
  // The newest alerts as they stood before opening marked them read: they still show as new.
  const opened = new WeakMap<FastifyRequest, AlertPage>();

  http.get(
    '/alerts',
    {
      config: page,
      schema: { hide: true, querystring: ListQuery },
      // Opening the alerts marks them read before the top bar is counted, so its badge
      // clears at once, as opening the news or a conversation does.
      preValidation: async (request: ListRequest) => {
        if (request.viewer?.status !== 'approved' || request.query.cursor) return;
        const list = await pageOf(request);
        opened.set(request, list);
        const newest = list.items[0];
        if (newest?.unread) await commands.markAllRead(request.viewer.memberId, newest.at);
      },
    },
    async (request, reply) => {
      const t = tr(request);
      const viewerId = request.viewer!.memberId;
      const timeZone = (await profiles.get(viewerId))?.city.timeZone ?? 'UTC';
      const [list, unread, sponsored] = await Promise.all([
        opened.get(request) ?? pageOf(request),
        memory.unread.get(viewerId).then((n) => n ?? 0),
        // Sponsored items stand at the top of the first page only: scrolling on fetches alerts, not ads.
        request.query.cursor ? html`` : sponsoredBlock(services, request, 'alerts'),
      ]);
      // Whether the members the alerts name are online: one look for the page, not one per alert.
      const badges = await memberActions(
        services.contributions<MemberAction>(MEMBER_BADGES),
        request,
        list.items.flatMap((a) => (a.actor ? [a.actor.memberId] : [])),
        'card',
      );
      return sendPage(request, reply, {
        title: t('title'),
        body: renderAlerts(request, t, { list, unread, now: clock.now(), timeZone, sponsored, badges }),
      });
    },
  );

  http.post(
    '/alerts/read',
    { config: page, schema: { hide: true, body: FORM_BODY_SCHEMA } },
    async (request, reply) => {
      await commands.markAllRead(request.viewer!.memberId);
      return reply.redirect(backAfter(request.body, `/alerts#${LIST}`, 'alerts', 'read'), 303);
    },
  );
}

/**
 * What marking all read comes back to: the button's part only, as the list around it is the
 * live one (site.js keeps a hold of it).
 */
const LIST = 'alerts-read';

/** The alerts page's body: the button to mark all read while any are unread, the cards, the way to older ones. */
function renderAlerts(
  request: ListRequest,
  t: Translate<Key>,
  shown: {
    list: AlertPage;
    unread: number;
    now: Date;
    timeZone: string;
    sponsored: Html;
    badges: (memberId: string) => Html;
  },
): Html {
  const { list, unread, sponsored } = shown;
  // data-live: a new alert is taken into the list while the page is open (site.js).
  return html`<h1>${t('title')}</h1>
    <p>${t('explain')}</p>
    ${sponsored}
    <div data-live="alert">
      <div data-live-swap id="${LIST}">
        ${feedbackOf(request, 'alerts', ['read']) ? feedbackNotice(t('allRead')) : ''}
        ${
          unread > 0
            ? html`<form method="post" action="/alerts/read" class="inline" data-feedback>
                ${hidden(request)}${backField(request, LIST)}<button type="submit" class="secondary">
                  ${t('markAll')}
                </button>
              </form>`
            : ''
        }
      </div>
      ${itemList(
        list.items.map((a) => card(request, t, a, shown)),
        // A later page that finds none says nothing: the member does have alerts.
        {
          empty: request.query.cursor ? null : t('empty'),
          next: nextStep(request, 'search'),
          class: 'cards alerts',
          infinite: true,
        },
      )}
      ${pager(request, { next: list.nextCursor, more: t('older') })}
    </div>`;
}
