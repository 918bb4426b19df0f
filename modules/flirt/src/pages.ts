import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Http } from '@meetcute/core';
import { distanceKm } from '@meetcute/cities';
import { shownTo, type Blocks } from '@meetcute/block';
import { profilesOf, type ProfileDirectory, type PublicProfile } from '@meetcute/profile';
import {
  FORM_BODY_SCHEMA,
  backAfter,
  cardAnchor,
  cardBack,
  feedbackNotice,
  feedbackOf,
  cardFacts,
  cardList,
  formatAgo,
  hidden,
  html,
  languageOf,
  memberCards,
  pager,
  sendPage,
  translator,
  type CardFacts,
  type HomeContribution,
  type Html,
  type MemberAction,
  type Translate,
} from '@meetcute/web';
import { FlirtRefused, type Commands } from './commands.ts';
import { messages } from './messages.ts';
import { FLIRTS_PER_DAY } from './rules.ts';
import type { Direction } from './store.ts';
import type { FlirtItem, FlirtLists } from './views.ts';

type Key = keyof (typeof messages)['en'];
const tr = (request: FastifyRequest): Translate<Key> => translator(messages, languageOf(request));

/** What happened to the last flirt, carried back to the page the form was on. */
const OUTCOMES = ['sent', 'mutual', 'limit', 'budget'] as const;
type Outcome = (typeof OUTCOMES)[number];

function outcomeText(t: Translate<Key>, outcome: Outcome, name: string): string {
  switch (outcome) {
    case 'sent':
      return t('noticeSent', { name });
    case 'mutual':
      return t('noticeMutual', { name });
    case 'limit':
      return t('noticeLimit', { name });
    case 'budget':
      return t('noticeBudget', { n: FLIRTS_PER_DAY });
  }
}

/**
 * The flirt button on a member's profile and cards: a form that works without JavaScript
 * and returns to the page it was on, or "Flirted today" once today's flirt to them is used.
 * After a flirt it also says, next to the button, what happened.
 */
export function flirtAction(blocks: Blocks, commands: Commands, profiles: ProfileDirectory): MemberAction {
  return async (request, memberIds, where) => {
    const viewer = request.viewer;
    if (!viewer || viewer.status !== 'approved') return () => null;
    const members = await profilesOf(profiles, await shownTo(blocks, viewer.memberId, memberIds));
    const flirted = await commands.flirtedToday(viewer.memberId, [...members.keys()]);
    const t = tr(request);
    const last = feedbackOf(request, 'flirt', OUTCOMES);
    return (memberId) => {
      const member = members.get(memberId);
      if (!member) return null;
      // What the last flirt did, beside the button (feedback.ts).
      const note =
        last?.to === memberId
          ? feedbackNotice(
              html`${outcomeText(t, last.outcome, member.nickname)}${
                // A match is the moment to say hello: the way to the conversation is right here.
                last.outcome === 'mutual'
                  ? html` <a href="/chats/${memberId}">${t('writeTo', { name: member.nickname })}</a>`
                  : ''
              }`,
            )
          : '';
      if (flirted.has(memberId)) {
        return html`<button type="button" class="secondary" disabled>${t('flirtedToday')}</button>${note}`;
      }
      const label = t('flirtWith', { name: member.nickname });
      return html`<form method="post" action="/members/${memberId}/flirt" class="inline" data-feedback>
          ${hidden(request)}<input type="hidden" name="back" value="${cardBack(request, memberId, where)}" />
          <button type="submit" aria-label="${label}">${t('flirt')}</button>
        </form>
        ${note}`;
    };
  };
}

export interface PageDeps {
  blocks: Blocks;
  commands: Commands;
  lists: FlirtLists;
  profiles: ProfileDirectory;
  now: () => Date;
  /** The buttons every module puts on a member card, read when a page is drawn. */
  actions: () => readonly MemberAction[];
}

const page = { access: 'approved', kind: 'page' } as const;

/** The flirts pages: the lists received and sent, and the flirt button's form. */
export function flirtPages(http: Http, deps: PageDeps): void {
  flirtsPage(http, deps);
  flirtForm(http, deps.commands);
}

const FlirtsQuery = Type.Object({
  received: Type.Optional(Type.String()),
  sent: Type.Optional(Type.String()),
  flirt: Type.Optional(Type.String()),
  to: Type.Optional(Type.String()),
});

/** What drawing the flirts page needs beside the lists themselves. */
interface FlirtsView {
  request: FastifyRequest;
  t: Translate<Key>;
  viewer: PublicProfile | undefined;
  now: () => Date;
}

/** The flirts received and sent, each list paged on its own. */
function flirtsPage(http: Http, deps: PageDeps): void {
  const { lists, profiles } = deps;
  http.get(
    '/flirts',
    { config: page, schema: { hide: true, querystring: FlirtsQuery } },
    async (request, reply) => {
      const t = tr(request);
      const viewerId = request.viewer!.memberId;
      const viewer = await profiles.get(viewerId);

      const [received, sent] = await Promise.all([
        lists.page(viewerId, 'received', request.query.received),
        lists.page(viewerId, 'sent', request.query.sent),
      ]);
      const view: FlirtsView = { request, t, viewer, now: deps.now };
      // One set of cards for both lists, so each module's buttons are asked for once.
      const cards = await memberCards(request, deps.actions(), [
        ...received.items.map((item) => flirtFacts(view, item, 'received')),
        ...sent.items.map((item) => flirtFacts(view, item, 'sent')),
      ]);

      return sendPage(request, reply, {
        title: t('title'),
        body: html`<h1>${t('title')}</h1>
          ${renderSection(view, 'received', cards.slice(0, received.items.length), received.nextCursor)}
          ${renderSection(view, 'sent', cards.slice(received.items.length), sent.nextCursor)}`,
      });
    },
  );
}

/** The latest flirts a member received on their home page (a match says so), with the link to all flirts. */
export function flirtsHome(lists: FlirtLists, profiles: ProfileDirectory, now: () => Date): HomeContribution {
  return {
    section: 'interested',
    async read(request, limit) {
      const t = tr(request);
      const viewerId = request.viewer!.memberId;
      const [received, viewer] = await Promise.all([
        lists.page(viewerId, 'received', undefined, limit),
        profiles.get(viewerId),
      ]);
      const view: FlirtsView = { request, t, viewer, now };
      return {
        cards: received.items.map((item) => ({ ...flirtFacts(view, item, 'received'), at: item.sentAt })),
        more: { href: '/flirts', label: t('all') },
      };
    },
  };
}

/** One list, received or sent, with the link to its older flirts that keeps where the other list was. */
function renderSection(view: FlirtsView, direction: Direction, cards: Html[], next: string | null): Html {
  const { request, t } = view;
  const other: Direction = direction === 'received' ? 'sent' : 'received';
  return html`<section aria-labelledby="${direction}">
    <h2 id="${direction}">${t(direction)}</h2>
    ${
      direction === 'received'
        ? cardList(request, cards, t('emptyReceived'), 'photos')
        : cardList(request, cards, t('emptySent'), 'search')
    }
    ${pager(request, {
      next,
      more: t('older'),
      cursorName: direction,
      keep: [other],
      anchor: direction,
    })}
  </section>`;
}

/** What a member's card says: when the flirt was, and the way to write to them when it is a match. */
function flirtFacts(view: FlirtsView, item: FlirtItem, direction: Direction): CardFacts {
  const { request, t, viewer } = view;
  return {
    ...cardFacts(item.member),
    distanceKm: viewer ? Math.round(distanceKm(viewer.city, item.member.city)) : null,
    note: html`<time datetime="${item.sentAt}"
        >${t(direction === 'received' ? 'receivedNote' : 'sentNote', {
          when: formatAgo(languageOf(request), viewer?.city.timeZone ?? 'UTC', item.sentAt, view.now()),
        })}</time
      >${
        // A match: the two like each other, and the next step is a message.
        item.mutual
          ? html` · <strong class="match">${t('match')}</strong>
              <a href="/chats/${item.member.memberId}">${t('writeTo', { name: item.member.nickname })}</a>`
          : ''
      }`,
  };
}

/** The flirt button's form: flirts, then returns to the page it was on, saying what happened. */
function flirtForm(http: Http, commands: Commands): void {
  http.post(
    '/members/:memberId/flirt',
    {
      config: page,
      schema: {
        hide: true,
        params: Type.Object({ memberId: Type.String({ format: 'uuid' }) }),
        body: FORM_BODY_SCHEMA,
      },
    },
    async (request, reply) => {
      const memberId = request.params.memberId;
      let outcome: Outcome = 'sent';
      try {
        const flirted = await commands.flirt(request.viewer!.memberId, memberId);
        if (flirted.mutual) outcome = 'mutual';
      } catch (error) {
        if (!(error instanceof FlirtRefused)) throw error;
        outcome = error.reason === 'flirt-limit' ? 'limit' : 'budget';
      }
      return reply.redirect(
        backAfter(request.body, `/flirts#${cardAnchor(memberId)}`, 'flirt', outcome, memberId),
        303,
      );
    },
  );
}
