import { defineExtension } from '@meetcute/core';
import type { FastifyRequest } from 'fastify';
import { html, raw, type Html } from './html.ts';
import { pickLanguage, translator, type Language, type Messages, type Translate } from './i18n.ts';
import { assetPath, MANIFEST_PATH } from './assets.ts';
import { MEMBER_HOME } from './landing.ts';

const messages: Messages<
  | 'skip'
  | 'home'
  | 'start'
  | 'profile'
  | 'account'
  | 'search'
  | 'visitors'
  | 'flirts'
  | 'favourites'
  | 'interests'
  | 'blocks'
  | 'online'
  | 'diary'
  | 'photos'
  | 'suggestions'
  | 'main'
  | 'menu'
  | 'description'
  | 'review'
  | 'console'
  | 'login'
  | 'signup'
  | 'logout'
  | 'language'
  | 'tagline'
  | 'newMessage'
  | 'openMessage'
  | 'dismiss'
> = {
  en: {
    skip: 'Skip to content',
    home: 'Meetcute',
    start: 'Home',
    profile: 'My profile',
    account: 'Account',
    search: 'Search',
    visitors: 'Visitors',
    flirts: 'Flirts',
    favourites: 'Favourites',
    interests: 'Interests',
    blocks: 'Blocked',
    online: 'Online',
    diary: 'Diary',
    photos: 'Photos',
    suggestions: 'Suggested',
    main: 'Main',
    menu: 'Menu',
    description:
      'Meetcute is a friendly dating community: real people, reviewed by moderators, who flirt and chat live.',
    review: 'Review queue',
    console: 'Console',
    login: 'Log in',
    signup: 'Sign up',
    logout: 'Log out',
    language: 'Language',
    tagline: 'A friendly place to meet someone.',
    newMessage: 'New message from {name}',
    openMessage: 'Read and answer',
    dismiss: 'Dismiss',
  },
  sv: {
    skip: 'Hoppa till innehållet',
    start: 'Hem',
    profile: 'Min profil',
    account: 'Konto',
    search: 'Sök',
    visitors: 'Besökare',
    flirts: 'Flörtar',
    favourites: 'Favoriter',
    interests: 'Intressen',
    blocks: 'Blockerade',
    online: 'Online',
    diary: 'Dagbok',
    photos: 'Foton',
    suggestions: 'Förslag',
    main: 'Huvudmeny',
    menu: 'Meny',
    description:
      'Meetcute är en vänlig dejtinggemenskap: riktiga människor, granskade av moderatorer, som flörtar och chattar live.',
    review: 'Granskningskö',
    console: 'Konsol',
    login: 'Logga in',
    signup: 'Bli medlem',
    logout: 'Logga ut',
    language: 'Språk',
    tagline: 'En vänlig plats att träffa någon.',
    newMessage: 'Nytt meddelande från {name}',
    openMessage: 'Läs och svara',
    dismiss: 'Stäng',
  },
  fi: {
    skip: 'Siirry sisältöön',
    start: 'Etusivu',
    profile: 'Oma profiili',
    account: 'Tili',
    search: 'Haku',
    visitors: 'Vierailijat',
    flirts: 'Flirtit',
    favourites: 'Suosikit',
    interests: 'Kiinnostukset',
    blocks: 'Estetyt',
    online: 'Paikalla',
    diary: 'Päiväkirja',
    photos: 'Kuvat',
    suggestions: 'Ehdotukset',
    main: 'Päävalikko',
    menu: 'Valikko',
    description:
      'Meetcute on ystävällinen deittiyhteisö: oikeita ihmisiä, moderaattorien tarkistamia, jotka flirttailevat ja juttelevat livenä.',
    review: 'Tarkistusjono',
    console: 'Konsoli',
    login: 'Kirjaudu',
    signup: 'Liity',
    logout: 'Kirjaudu ulos',
    language: 'Kieli',
    tagline: 'Ystävällinen paikka tavata joku.',
    newMessage: 'Uusi viesti käyttäjältä {name}',
    openMessage: 'Lue ja vastaa',
    dismiss: 'Sulje',
  },
};

// A page asks for every card and line it writes; the answer is the request's, worked out once.
const languages = new WeakMap<FastifyRequest, Language>();

export function languageOf(request: FastifyRequest): Language {
  let language = languages.get(request);
  if (language === undefined) {
    const header = request.headers['accept-language'];
    language = pickLanguage(request.cookies?.lang, typeof header === 'string' ? header : undefined);
    languages.set(request, language);
  }
  return language;
}

export interface PageOptions {
  title: string;
  body: Html;
  /** A short message shown above the content, e.g. after a redirect. */
  notice?: string | undefined;
  /** What search engines and link previews say of the page; the site's own line when left out. */
  description?: string | undefined;
}

type LayoutText = Translate<keyof typeof messages.en>;

/** The page frame every module renders into: mobile first, readable without JavaScript. */
export function page(request: FastifyRequest, options: PageOptions): string {
  const language = languageOf(request);
  const t = translator(messages, language);
  const viewer = request.viewer;
  const here = encodeURIComponent(request.url);
  const approved = viewer?.status === 'approved';
  return `<!doctype html>${
    html`<html lang="${language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} · Meetcute</title>
        <meta name="description" content="${options.description ?? t('description')}" />
        <meta name="theme-color" content="#c2185b" />
        <link rel="icon" type="image/svg+xml" href="${assetPath('favicon.svg')}" />
        <link rel="icon" type="image/png" sizes="192x192" href="${assetPath('icon-192.png')}" />
        <link rel="apple-touch-icon" href="${assetPath('icon-192.png')}" />
        <link rel="manifest" href="${MANIFEST_PATH}" />
        <link rel="stylesheet" href="${assetPath('site.css')}" />
        <script src="${assetPath('site.js')}" defer></script>
      </head>
      <body
        ${approved ? html`class="with-bar"` : ''}
        ${request.nav ? html`data-live-after="${request.nav.liveAfter}"` : ''}
        ${approved ? messageNoticeWords(t) : ''}
      >
        <a class="skip" href="#main">${t('skip')}</a>
        <header class="top">
          <a class="brand" href="/">${raw(LOGO)}<span>${t('home')}</span></a>
          ${renderMainNav(request, t)}
        </header>
        <main id="main">
          ${options.notice ? html`<p class="notice" role="status">${options.notice}</p>` : ''} ${options.body}
        </main>
        <footer>
          ${renderLanguageChoice(language, decodeURIComponent(here), t)}
          <p>${t('tagline')}</p>
        </footer>
      </body>
    </html>`.value
  }`;
}

/**
 * The words of the notice site.js shows on any page when a message arrives, in the page's
 * language ({name} is filled in there): the page has them, so the script needs no texts.
 */
function messageNoticeWords(t: LayoutText): Html {
  return html`data-notice-message="${t('newMessage')}" data-notice-open="${t('openMessage')}"
  data-notice-dismiss="${t('dismiss')}"`;
}

/** The site's mark, beside its name in the top bar; the same heart as the favicon. */
const LOGO =
  '<svg class="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false"><rect width="32" height="32" rx="8" fill="currentColor"/><path d="M16 26s-9-5.6-9-12a5 5 0 0 1 9-3 5 5 0 0 1 9 3c0 6.4-9 12-9 12z" fill="#fff"/></svg>';

/**
 * Small line icons for the bar's sections, drawn in the text's colour. A counter another
 * module adds without an icon here gets a dot, so the bar never breaks.
 */
const ICONS: Record<string, string> = {
  home: '<path d="M4 11.5 12 5l8 6.5"/><path d="M6.5 10v9.5h11V10"/><path d="M10 19.5v-5h4v5"/>',
  search: '<circle cx="11" cy="11" r="6.5"/><path d="m16 16 5 5"/>',
  news: '<rect x="3.5" y="4.5" width="17" height="15" rx="2"/><path d="M7 9h10M7 12.5h10M7 16h6"/>',
  chats: '<path d="M4 5.5h16v10H10l-4.5 4v-4H4z"/>',
  alerts: '<path d="M6 16.5V11a6 6 0 0 1 12 0v5.5l1.5 1.5h-15z"/><path d="M10 20.5a2 2 0 0 0 4 0"/>',
  menu: '<path d="M4 7h16M4 12h16M4 17h16"/>',
  dot: '<circle cx="12" cy="12" r="4"/>',
};

function icon(name: string): Html {
  return raw(
    `<svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">${ICONS[name] ?? ICONS.dot}</svg>`,
  );
}

/**
 * The site's navigation. A guest gets the ways in. A member gets a bar of the main
 * sections (their home, search and the counted ones: news, chats, alerts), which a phone shows at the
 * bottom of the screen within reach of a thumb, and a menu with everything else. The menu
 * is a <details>, so it opens and closes without JavaScript.
 */
function renderMainNav(request: FastifyRequest, t: LayoutText): Html {
  const viewer = request.viewer;
  if (!viewer)
    return html`<nav class="guest" aria-label="${t('main')}">
      <a href="/login">${t('login')}</a> <a class="button" href="/signup">${t('signup')}</a>
    </nav>`;
  const approved = viewer.status === 'approved';
  return html`<nav class="${approved ? 'bar' : 'bar waiting'}" aria-label="${t('main')}">
    ${
      approved
        ? html`<a href="${MEMBER_HOME}" ${current(request, MEMBER_HOME)}
              >${icon('home')}<span>${t('start')}</span></a
            >
            <a href="/search" ${current(request, '/search')}>${icon('search')}<span>${t('search')}</span></a>
            ${(request.nav?.counters ?? []).map(
              (c) =>
                html`<a href="${c.href}" class="counter" data-counter="${c.name}" ${current(request, c.href)}
                  >${icon(c.name)}<span>${c.label}</span>
                  <span class="badge" ${c.count === 0 ? html`hidden` : ''}>${badgeText(c.count)}</span></a
                >`,
            )}`
        : ''
    }
    <details class="menu">
      <summary>${icon('menu')}<span>${t('menu')}</span></summary>
      <div class="menu-panel">${renderMenu(request, t)}</div>
    </details>
  </nav>`;
}

/** Marks the bar's link to the section the member is in, for the eye and for screen readers. */
function current(request: FastifyRequest, href: string): Html | '' {
  const path = request.url.split('?')[0] ?? '';
  return path === href || path.startsWith(`${href}/`) ? html`aria-current="page"` : '';
}

/** Everything a member reaches from the menu: the other sections, their own pages, logging out. */
function renderMenu(request: FastifyRequest, t: LayoutText): Html {
  const viewer = request.viewer!;
  const isModerator = viewer.roles.includes('moderator');
  const sections =
    viewer.status === 'approved'
      ? ([
          'online',
          'suggestions',
          'visitors',
          'flirts',
          'favourites',
          'interests',
          'diary',
          'photos',
        ] as const)
      : [];
  return html`<ul>
      ${isModerator ? html`<li><a href="/review">${t('review')}</a></li>` : ''}
      ${viewer.roles.includes('operator') ? html`<li><a href="/ops">${t('console')}</a></li>` : ''}
      ${sections.map((s) => html`<li><a href="/${s}">${t(s)}</a></li>`)}
    </ul>
    <ul>
      <li><a href="/profile">${t('profile')}</a></li>
      <li><a href="/account">${t('account')}</a></li>
      ${viewer.status === 'approved' ? html`<li><a href="/blocks">${t('blocks')}</a></li>` : ''}
      <li>
        <form method="post" action="/logout">
          <input type="hidden" name="_csrf" value="${request.csrfToken}" />
          <button type="submit" class="link">${t('logout')}</button>
        </form>
      </li>
    </ul>`;
}

/** The footer's language choice, which comes back to the page it was made on. */
function renderLanguageChoice(language: Language, back: string, t: LayoutText): Html {
  return html`<form method="get" action="/language" class="inline">
    <label for="lang">${t('language')}</label>
    <select id="lang" name="lang">
      ${(['en', 'sv', 'fi'] as const).map(
        (l) =>
          html`<option value="${l}" ${l === language ? html`selected` : ''}>
            ${{ en: 'English', sv: 'Svenska', fi: 'Suomi' }[l]}
          </option>`,
      )}
    </select>
    <input type="hidden" name="back" value="${back}" />
    <button type="submit">OK</button>
  </form>`;
}

/**
 * Extension points for pages that show a member. Modules contribute through
 * `ctx.services.contribute(point, fn)`; the page that shows the member calls each
 * and renders what comes back, so the profile module need not know about flirts.
 */
export const MEMBER_ACTIONS = defineExtension<MemberAction>('member.actions');
/**
 * Reporting and blocking: MemberActions contributed here are drawn on a profile in a row
 * of their own, below it and apart from flirting and writing.
 */
export const SAFETY_ACTIONS = defineExtension<MemberAction>('member.safety-actions');
/**
 * Small marks beside a member's name where a page names them without their buttons (an
 * alert about them): the online badge. Drawn like MEMBER_ACTIONS, with memberActions.
 */
export const MEMBER_BADGES = defineExtension<MemberAction>('member.badges');

/**
 * "● Online" beside a member, kept up to date while the page is open: site.js asks every
 * so often which of the page's `data-presence` members are online and shows or hides each
 * badge. A member not online now gets it hidden, so it can appear without a reload.
 */
export function presenceBadge(
  memberId: string,
  online: boolean,
  words: { label: string; title: string },
): Html {
  const state = online ? '' : raw(' hidden');
  // One line, so a page (and a test) finds a member's badge with its state in one string.
  // prettier-ignore
  return html`<span class="online-badge" data-presence="${memberId}" title="${words.title}"${state}><span aria-hidden="true">●</span> ${words.label}</span>`;
}

/**
 * A module's part of member cards and profile pages. Called once per page with every
 * member the page shows; it asks its own storage once (or its in-memory views) and
 * returns how to render each member's part (null: nothing for that member).
 */
export type MemberAction = (
  request: FastifyRequest,
  memberIds: readonly string[],
  where: 'profile' | 'card',
) => Promise<(memberId: string) => Html | null>;

/**
 * Asks every contribution to MEMBER_ACTIONS once for all the members a page shows, and
 * returns each member's buttons, joined in contribution order. A page of twenty cards
 * thus costs each module one look-up, not twenty.
 */
export async function memberActions(
  actions: readonly MemberAction[],
  request: FastifyRequest,
  memberIds: readonly string[],
  where: 'profile' | 'card',
): Promise<(memberId: string) => Html> {
  if (memberIds.length === 0) return () => html``;
  const ids = [...new Set(memberIds)];
  const parts = await Promise.all(actions.map((action) => action(request, ids, where)));
  return (memberId) => html`${parts.map((part) => part(memberId))}`;
}

export const PROFILE_SECTIONS = defineExtension<ProfileSection>('profile.sections');
/**
 * What a profile page opens with: the member's photos (from the module that keeps them).
 * The page shows the member's portrait instead when no contribution has anything to show.
 */
export const PROFILE_GALLERY = defineExtension<ProfileSection>('profile.gallery');
/**
 * Sections of the front page a visitor sees before signing up (a few of the community's
 * faces), from the modules that own what they show.
 */
export const FRONT_PAGE_SECTIONS = defineExtension<FrontPageSection>('front-page.sections');
export type FrontPageSection = (request: FastifyRequest) => Promise<Html | null>;
/** Extra sections on a profile page (interests, diary, photos), in module order. */
export type ProfileSection = (request: FastifyRequest, memberId: string) => Promise<Html | null>;

/** Runs every contribution to an extension point and joins what they render. */
export async function renderContributions<A extends unknown[]>(
  items: readonly ((...args: A) => Promise<Html | null>)[],
  ...args: A
): Promise<Html> {
  const parts = await Promise.all(items.map((item) => item(...args)));
  return html`${parts.filter((p): p is Html => p !== null)}`;
}

/**
 * Counters in the top bar (new alerts, news, unread chats). Each module that has one
 * contributes it here; the nav module counts them for every page and pushes changes
 * live, so the numbers move without a reload.
 */
export const NAV_COUNTERS = defineExtension<NavCounter>('nav.counters');

/** A top-bar count as its badge shows it: past 99 it reads "99+" (a counter may stop counting there). */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count);
}
export interface NavCounter {
  name: string;
  href: string;
  label: { en: string } & Partial<Record<'sv' | 'fi', string>>;
  /** The member's count; `request`, the page being drawn, when what the member sees depends on it (flags). */
  count(memberId: string, request?: FastifyRequest): Promise<number>;
}

/** What the nav module found for this page: the counters and where the live channel resumes. */
export interface NavState {
  counters: Array<{ name: string; href: string; label: string; count: number }>;
  liveAfter: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    nav?: NavState;
  }
}
