/*
 * The parts every list page is made of: members as cards with the buttons other modules
 * contribute, the items in a list or the page's line for none, and the link on to the next
 * page, which works without JavaScript and which site.js follows to scroll on.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cardList, emptyWith, memberCard, type CardFacts, type NextStep } from './cards.ts';
import { sendPage } from './forms.ts';
import { html, type Html } from './html.ts';
import { memberActions, type MemberAction } from './layout.ts';

/** A member as a list holds them: a profile, or a row with a profile's facts. */
export interface ListedMember {
  memberId: string;
  nickname: string;
  age: number;
  gender: CardFacts['gender'];
  city: { label: string };
}

/** What every card says of a listed member; the page adds its own distance and note. */
export function cardFacts(member: ListedMember): CardFacts {
  const { memberId, nickname, age, gender, city } = member;
  return { memberId, nickname, age, gender, cityLabel: city.label };
}

/**
 * One card for each member, in order. Each module's buttons are asked for once for the whole
 * list (memberActions), so a page of twenty cards costs a module one look-up, not twenty.
 */
export async function memberCards(
  request: FastifyRequest,
  actions: readonly MemberAction[],
  members: readonly CardFacts[],
): Promise<Html[]> {
  const buttons = await memberActions(
    actions,
    request,
    members.map((m) => m.memberId),
    'card',
  );
  return members.map((m) => memberCard(request, m, buttons(m.memberId)));
}

/** A page that is one list of members and nothing else, in the page's own words. */
export interface MemberListPage {
  /** The page's title and heading, the line under it, and the line for a list of none. */
  words: { title: string; intro: string; empty: string };
  /** Where a member goes from the list when it is empty: the page that would fill it. */
  next?: NextStep;
  /** The buttons every module puts on a member card (MEMBER_ACTIONS). */
  actions: readonly MemberAction[];
  members: readonly CardFacts[];
  /** The way on to the next page, for a list that has pages. */
  pager?: Pager;
}

/** Sends a page of member cards: the favourites, the visitors, the suggestions. */
export async function sendMemberList(
  request: FastifyRequest,
  reply: FastifyReply,
  list: MemberListPage,
): Promise<FastifyReply> {
  const { title, intro, empty } = list.words;
  const cards = await memberCards(request, list.actions, list.members);
  return sendPage(request, reply, {
    title,
    body: html`<h1>${title}</h1>
      <p>${intro}</p>
      ${cardList(request, cards, empty, list.next)} ${list.pager ? pager(request, list.pager) : ''}`,
  });
}

/** How a list of items is drawn. */
export interface ItemListOptions {
  /**
   * What the page says when there is nothing to show ("No favourites yet"); null where an
   * empty list says nothing, as on a later page of alerts, which the member does have.
   */
  empty: string | null;
  /** The button an empty list offers on to what would fill it (nextStep), beside its line. */
  next?: Html;
  /** The list's classes, which the style sheet and the page's scripts know it by. */
  class: string;
  /** An ordered list (<ol>), where the order is the point, as in conversations by their last message. */
  numbered?: boolean;
  /** Scrolls on by itself: site.js fetches the next page when its link comes into view. */
  infinite?: boolean;
}

/** The items as one list, or the page's friendly line when there are none. */
export function itemList(items: readonly Html[], options: ItemListOptions): Html {
  if (items.length === 0 && options.empty !== null)
    return options.next
      ? emptyWith(options.empty, options.next)
      : html`<p class="empty">${options.empty}</p>`;
  const infinite = options.infinite ? html`data-infinite` : '';
  return options.numbered
    ? html`<ol class="${options.class}" ${infinite}>
        ${items}
      </ol>`
    : html`<ul class="${options.class}" ${infinite}>
        ${items}
      </ul>`;
}

/** Where a list goes on from the page a member is on. */
export interface Pager {
  /** The cursor of the next page, or null on the last page, which has no link on. */
  next: string | null;
  /** The link to the next page, in the page's own words ("Older", "Next page"). */
  more: string;
  /** The link back to the list's first page, shown on every later page ("Newest", "Search again"). */
  first?: string;
  /** What screen readers call the pager, where the page names it. */
  label?: string;
  /** The list's path; this page's by default. A page whose address is normalised (a tag) gives its own. */
  path?: string;
  /** The query parameter holding the cursor: 'cursor', unless a page pages two lists (the flirts). */
  cursorName?: string;
  /**
   * The parameters of this page's query that the other pages keep (a limit, the other list's
   * cursor); any other, such as the notice of what was just done, stays behind.
   */
  keep?: readonly string[];
  /** The part of the page a link lands on, where the list is not the first thing on it. */
  anchor?: string;
  /**
   * The address of a page of the list, from its cursor (none for the first page), for a list
   * whose address is written out from what the page ran (a search's criteria) rather than
   * from its query.
   */
  href?: (cursor?: string) => string;
}

/**
 * The link on to the next page and, on later pages, back to the first. A list that pages
 * only on ends in its one link; one that also goes back has both as its navigation.
 */
export function pager(request: FastifyRequest, p: Pager): Html {
  const cursorName = p.cursorName ?? 'cursor';
  const query = new URL(request.url, 'http://meetcute.local').searchParams;
  const href = p.href ?? ((cursor?: string) => pageAddress(request, p, cursorName, cursor));
  const more = p.next === null ? '' : html`<a rel="next" href="${href(p.next)}">${p.more}</a>`;
  if (p.first === undefined) return more === '' ? html`` : html`<p class="pager">${more}</p>`;
  const first = query.get(cursorName) ? html`<a href="${href()}">${p.first}</a>` : '';
  if (first === '' && more === '') return html``;
  const label = p.label === undefined ? '' : html`aria-label="${p.label}"`;
  return html`<nav class="pager" ${label}>${first} ${more}</nav>`;
}

/** This page's address with another cursor (none for the first page) and the parameters it keeps. */
function pageAddress(request: FastifyRequest, p: Pager, cursorName: string, cursor?: string): string {
  const here = new URL(request.url, 'http://meetcute.local');
  const query = new URLSearchParams();
  if (cursor !== undefined) query.set(cursorName, cursor);
  for (const name of p.keep ?? []) {
    for (const value of here.searchParams.getAll(name)) query.append(name, value);
  }
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return `${p.path ?? here.pathname}${search}${p.anchor === undefined ? '' : `#${p.anchor}`}`;
}

/**
 * Whether the page was asked for by its own script to take in new items (site.js's live
 * lists send this header), not opened by the member: no page view, so it shows and counts
 * no sponsored item, which the script would not put on the page anyway.
 */
export function isLiveRefresh(request: FastifyRequest): boolean {
  return request.headers['x-meetcute-refresh'] === 'items';
}
