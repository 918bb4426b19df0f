import { defineExtension } from '@meetcute/core';
import type { FastifyRequest } from 'fastify';
import { html, type Html } from './html.ts';
import { pickLanguage, translator, type Language, type Messages, type Translate } from './i18n.ts';
import { assetPath } from './assets.ts';

const messages: Messages<
  | 'skip'
  | 'home'
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
  | 'sections'
  | 'review'
  | 'login'
  | 'signup'
  | 'logout'
  | 'language'
  | 'tagline'
> = {
  en: {
    skip: 'Skip to content',
    home: 'Meetcute',
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
    sections: 'Sections',
    review: 'Review queue',
    login: 'Log in',
    signup: 'Sign up',
    logout: 'Log out',
    language: 'Language',
    tagline: 'A friendly place to meet someone.',
  },
  sv: {
    skip: 'Hoppa till innehållet',
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
    sections: 'Avdelningar',
    review: 'Granskningskö',
    login: 'Logga in',
    signup: 'Bli medlem',
    logout: 'Logga ut',
    language: 'Språk',
    tagline: 'En vänlig plats att träffa någon.',
  },
  fi: {
    skip: 'Siirry sisältöön',
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
    review: 'Tarkistusjono',
    login: 'Kirjaudu',
    signup: 'Liity',
    logout: 'Kirjaudu ulos',
    language: 'Kieli',
    tagline: 'Ystävällinen paikka tavata joku.',
  },
};

export function languageOf(request: FastifyRequest): Language {
  const header = request.headers['accept-language'];
  return pickLanguage(request.cookies?.lang, typeof header === 'string' ? header : undefined);
}

export interface PageOptions {
  title: string;
  body: Html;
  /** A short message shown above the content, e.g. after a redirect. */
  notice?: string | undefined;
}

type LayoutText = Translate<keyof typeof messages.en>;

/** The page frame every module renders into: mobile first, readable without JavaScript. */
export function page(request: FastifyRequest, options: PageOptions): string {
  const language = languageOf(request);
  const t = translator(messages, language);
  const viewer = request.viewer;
  const here = encodeURIComponent(request.url);
  return `<!doctype html>${
    html`<html lang="${language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} · Meetcute</title>
        <link rel="icon" type="image/svg+xml" href="${assetPath('favicon.svg')}" />
        <link rel="stylesheet" href="${assetPath('site.css')}" />
        <script src="${assetPath('site.js')}" defer></script>
      </head>
      <body ${request.nav ? html`data-live-after="${request.nav.liveAfter}"` : ''}>
        <a class="skip" href="#main">${t('skip')}</a>
        <header class="top">
          <a class="brand" href="/">${t('home')}</a>
          ${renderMainNav(request, t)}
        </header>
        ${viewer?.status === 'approved' ? renderSections(t) : ''}
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

/** The top bar: a member's counters, profile, account (a moderator's review queue); a guest's way in. */
function renderMainNav(request: FastifyRequest, t: LayoutText): Html {
  const viewer = request.viewer;
  const isModerator = viewer?.roles.includes('moderator') ?? false;
  return html`<nav aria-label="Main">
    ${
      viewer
        ? html`${(request.nav?.counters ?? []).map(
              (c) =>
                html`<a href="${c.href}" class="counter" data-counter="${c.name}"
                  >${c.label}
                  <span class="badge" ${c.count === 0 ? html`hidden` : ''}>${badgeText(c.count)}</span></a
                >`,
            )}
            <a href="/profile">${t('profile')}</a>
            <a href="/account">${t('account')}</a>
            ${isModerator ? html`<a href="/review">${t('review')}</a>` : ''}
            <form method="post" action="/logout" class="inline">
              <input type="hidden" name="_csrf" value="${request.csrfToken}" />
              <button type="submit" class="link">${t('logout')}</button>
            </form>`
        : html`<a href="/login">${t('login')}</a> <a href="/signup">${t('signup')}</a>`
    }
  </nav>`;
}

/** The sections an approved member moves between. */
function renderSections(t: LayoutText): Html {
  return html`<nav class="sections" aria-label="${t('sections')}">
    <a href="/search">${t('search')}</a>
    <a href="/online">${t('online')}</a>
    <a href="/suggestions">${t('suggestions')}</a>
    <a href="/visitors">${t('visitors')}</a>
    <a href="/flirts">${t('flirts')}</a>
    <a href="/favourites">${t('favourites')}</a>
    <a href="/interests">${t('interests')}</a>
    <a href="/diary">${t('diary')}</a>
    <a href="/photos">${t('photos')}</a>
    <a href="/blocks">${t('blocks')}</a>
  </nav>`;
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
  count(memberId: string): Promise<number>;
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
